# SPDX-License-Identifier: GPL-3.0-or-later
# flatpak/id.barokahjaya.BackOffice.json parses (flatpak-builder --show-manifest), and its
# app id, command and every finish-arg agree with the desktop file, meson.build and the
# code. A real build needs org.gnome.Sdk from a flatpak remote, which this test cannot
# reach, so it checks the manifest, not a bundle.
. "$(dirname "${BASH_SOURCE[0]}")/tap.sh"

manifest=$top/flatpak/id.barokahjaya.BackOffice.json
command -v flatpak-builder >/dev/null || tap_skip_all "no flatpak-builder (build-aux/deps.sh)"

# flatpak-builder leaves its .flatpak-builder state in the working directory: not in the tree.
scratch=$(mktemp -d -t bjb-flatpak.XXXXXX)
shown=$scratch/manifest.json
trap 'rm -rf "$scratch"' EXIT
check "flatpak-builder --show-manifest parses the manifest" \
  bash -c "cd '$scratch' && flatpak-builder --show-manifest '$manifest' > '$shown'"

# One python3 check per rule, so a failure names the rule.
rule ()
{
  local description=$1 code=$2
  check "$description" python3 - "$shown" "$top" <<PY
import json, os, re, sys
m = json.load(open(sys.argv[1]))
top = sys.argv[2]
def read(*p): return open(os.path.join(top, *p)).read()
def code(pattern, *dirs):
    hits = []
    for d in dirs:
        for root, _, files in os.walk(os.path.join(top, d)):
            for f in files:
                if f.endswith((".c", ".h", ".ui", ".build")):
                    if re.search(pattern, open(os.path.join(root, f), errors="replace").read()):
                        hits.append(os.path.join(root, f))
    return hits
app_id = re.search(r"app_id = '([^']+)'", read("meson.build")).group(1)
desktop = read("data", app_id + ".desktop.in")
args = m["finish-args"]
$code
PY
}

rule "the app id is meson.build's app_id, the desktop file's and the metainfo's name" '
assert m["id"] == app_id, (m["id"], app_id)
assert os.path.exists(os.path.join(top, "data", m["id"] + ".desktop.in"))
assert "<id>%s</id>" % m["id"] in read("data", app_id + ".metainfo.xml.in")
assert re.search(r"^Icon=%s$" % re.escape(m["id"]), desktop, re.M)'

rule "the command is the desktop file's Exec and an executable meson builds and installs" '
exe = re.search(r"^Exec=(\S+)", desktop, re.M).group(1)
assert m["command"] == exe, (m["command"], exe)
assert re.search(r"executable\(\x27%s\x27" % exe, read("src", "app", "meson.build"))'

rule "a current GNOME runtime (not the end-of-life 43) with its SDK" '
assert m["runtime"] == "org.gnome.Platform" and m["sdk"] == "org.gnome.Sdk"
assert int(m["runtime-version"]) >= 49, m["runtime-version"]'

rule "libpq is built from the PostgreSQL source tarball: client library only, OpenSSL, no readline" '
pq = [x for x in m["modules"] if x["name"] == "libpq"][0]
src = pq["sources"][0]
assert src["type"] == "archive" and re.match(r"https://ftp\.postgresql\.org/pub/source/v[\d.]+/postgresql-[\d.]+\.tar\.bz2$", src["url"]), src
assert re.fullmatch(r"[0-9a-f]{64}", src["sha256"])
cmds = " ".join(pq["build-commands"])
assert "--with-ssl=openssl" in cmds and "--without-readline" in cmds, cmds
assert "make -C src/interfaces/libpq" in cmds and not re.search(r"make( -j\S*)? install$", cmds), cmds'

rule "the app is built with meson from this tree, after libpq" '
names = [x["name"] for x in m["modules"]]
app = m["modules"][-1]
assert names.index("libpq") < len(names) - 1 and app["buildsystem"] == "meson", names
assert app["sources"][0]["type"] == "dir" and app["sources"][0]["path"] == ".."'

rule "network: the program talks to PostgreSQL over TCP" '
assert "--share=network" in args
assert code(r"PQconnectStartParams|PQconnectdbParams", "src/db")'

rule "display: Wayland, X11 only as a fallback (with ipc for it), GL rendering" '
assert "--socket=wayland" in args and "--socket=fallback-x11" in args
assert "--socket=x11" not in args and "--share=ipc" in args and "--device=dri" in args
assert code(r"gtk_dep", "src/app")'

rule "no file system access: files come through the file-chooser portal" '
assert not [a for a in args if a.startswith(("--filesystem", "--persist"))], args
assert code(r"gtk_file_chooser_native_new", "src/app")
assert not code(r"gtk_file_chooser_dialog_new|GtkFileChooserDialog|GtkFileChooserWidget", "src/app", "ui")'

rule "notifications and secrets go through portals: no bus names" '
assert not [a for a in args if a.startswith(("--talk-name", "--own-name", "--system-talk-name", "--socket=session-bus", "--socket=system-bus"))], args
# libnotify 0.8 and libsecret 0.20 switch to the portals inside a sandbox, for these APIs:
assert code(r"notify_notification_new", "src/app")
assert code(r"secret_password_(store|lookup)", "src/app")
assert not code(r"secret_service_|SecretService|secret_collection_", "src"), "the Secret Service API needs --talk-name=org.freedesktop.secrets"'

rule "nothing else: every finish-arg is one of the above" '
allowed = {"--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
assert set(args) <= allowed and len(args) == len(set(args)), sorted(set(args) - allowed)'

tap_done
