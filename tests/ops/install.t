# SPDX-License-Identifier: GPL-3.0-or-later
# meson install into a temporary directory (DESTDIR) holds everything a desktop and the
# server need, and what it installs validates: the binaries, the desktop file, the
# metainfo with screenshots and release notes, the icons, the GSettings schema, the
# Indonesian translation, the backup units, and the worker's unit when the build has one.
. "$(dirname "${BASH_SOURCE[0]}")/tap.sh"

[ -f "$builddir/build.ninja" ] || tap_skip_all "no $builddir; build first"
app_id=id.barokahjaya.BackOffice
dest=$(mktemp -d -t bjb-install.XXXXXX)
trap 'rm -rf "$dest"' EXIT

check "meson install into a temporary directory" \
  meson install -C "$builddir" --destdir "$dest" --quiet
option () {
  meson introspect "$builddir" --buildoptions | python3 -c '
import json, sys
print({o["name"]: o["value"] for o in json.load(sys.stdin)}[sys.argv[1]])' "$1"
}
prefix=$(option prefix)
root=$dest$prefix
bindir=$root/$(option bindir)
datadir=$root/$(option datadir)
unitdir=$root/lib/systemd/system

meson introspect "$builddir" --installed | python3 -c '
import json, sys
for installed in json.load(sys.stdin).values():
    print(installed)' > "$dest/plan"
check "every file of the install plan is installed" \
  bash -c "while read -r f; do [ -e \"$dest\$f\" ] || { echo \"missing \$f\"; exit 1; }; done < '$dest/plan'"

for f in "$bindir/barokah" "$bindir/barokah-admin" \
         "$datadir/applications/$app_id.desktop" \
         "$datadir/metainfo/$app_id.metainfo.xml" \
         "$datadir/icons/hicolor/scalable/apps/$app_id.svg" \
         "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
         "$datadir/glib-2.0/schemas/$app_id.gschema.xml" \
         "$root/$(option localedir)/id/LC_MESSAGES/barokah.mo" \
         "$unitdir/barokah-backup.service" "$unitdir/barokah-backup.timer"; do
  check "installs ${f#"$root"/}" test -s "$f"
done
check "the programs are executable" test -x "$bindir/barokah" -a -x "$bindir/barokah-admin"

desktop=$datadir/applications/$app_id.desktop
metainfo=$datadir/metainfo/$app_id.metainfo.xml
check "desktop-file-validate passes" desktop-file-validate "$desktop"
check "appstreamcli validate --no-net passes" appstreamcli validate --no-net "$metainfo"
check "the desktop file starts an installed program with the installed icon" \
  bash -c "exec=\$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' '$desktop'); icon=\$(sed -n 's/^Icon=//p' '$desktop');
           [ -x '$bindir'/\"\$exec\" ] && [ -e '$datadir/icons/hicolor/scalable/apps/'\"\$icon\".svg ]"
check "the desktop file and the metainfo are translated into Indonesian" \
  bash -c "grep -q '^GenericName\[id\]=' '$desktop' && grep -q 'xml:lang=\"id\"' '$metainfo'"
check "the metainfo has screenshots with captions and release notes" python3 - "$metainfo" <<'PY'
import sys, xml.etree.ElementTree as ET
c = ET.parse(sys.argv[1]).getroot()
shots = c.findall("screenshots/screenshot")
assert len(shots) >= 3 and all(s.find("image") is not None and s.find("caption") is not None
                                for s in shots), "screenshots"
assert c.find("releases/release/description/p") is not None, "release notes"
assert c.findtext("launchable") == c.findtext("id") + ".desktop", "launchable"
PY
check "the installed GSettings schema compiles" \
  glib-compile-schemas --strict --dry-run "$datadir/glib-2.0/schemas"
check "the translation catalogue is Indonesian" \
  bash -c "msgunfmt '$root/$(option localedir)/id/LC_MESSAGES/barokah.mo' | grep -q 'Kantor Belakang'"

# systemd checks the Exec*= programs: point it at the installed one under DESTDIR.
mkdir -p "$dest/units"
for u in "$unitdir"/*.service "$unitdir"/*.timer; do
  sed "s|^\(Exec[A-Za-z]*=[-@:+!]*\)$prefix/|\1$root/|" "$u" > "$dest/units/$(basename "$u")"
done
check "the backup service runs the installed barokah-admin" \
  grep -q "^ExecStart=$prefix/$(option bindir)/barokah-admin .* backup --directory .* --keep" \
    "$unitdir/barokah-backup.service"
if command -v systemd-analyze >/dev/null; then
  check "systemd-analyze verify accepts the units" \
    systemd-analyze verify --man=no "$dest"/units/*
fi

# The worker's unit: checked once the build installs one (src/worker/meson.build), and the
# worker's source tree must not have one the build forgets to install.
worker_unit=$(grep '/barokahd\.service$' "$dest/plan" | head -1)
if [ -n "$worker_unit" ]; then
  check "the worker's unit barokahd.service is installed under the prefix" \
    bash -c "[ -s '$dest$worker_unit' ] && case '$worker_unit' in '$prefix'/*) ;; *) exit 1 ;; esac"
  if command -v systemd-analyze >/dev/null; then
    check "systemd-analyze verify accepts the worker's unit" \
      systemd-analyze verify --man=no "$dest/units/barokahd.service"
  fi
else
  echo "# this build installs no barokahd.service (no worker yet): not checked"
  check "no worker unit lies in data/systemd uninstalled" test ! -e "$top/data/systemd/barokahd.service"
fi

tap_done
