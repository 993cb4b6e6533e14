# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by build-aux/test and build-aux/demo: the Debian 12 packages this project needs
# to build, test and run, and a function that installs the missing ones.

BJB_DEBIAN_PACKAGES=(
  # build
  gcc pkg-config meson ninja-build gettext git
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libgdk-pixbuf-2.0-dev
  libpq-dev libjson-glib-dev libsoup-3.0-dev libnotify-dev libsecret-1-dev
  libxlsxwriter-dev
  desktop-file-utils appstream
  # database (Debian 12 ships the contrib modules, pg_trgm included, inside postgresql-15)
  postgresql-15 postgresql-client-15 postgresql-common postgresql-contrib
  postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
  # UI tests: X server, session bus, notification daemon, keyring
  xvfb xauth dbus dbus-x11 dunst gnome-keyring
  # misc tools the tests and scripts use
  poppler-utils python3 locales unzip
  # tests/ops: setup-server's certificates, the flatpak manifest (systemd-analyze, when
  # the machine has systemd, also checks the backup units)
  openssl flatpak-builder
)

# Installs whatever is missing, as root or through sudo. apt-get update runs only when
# something has to be installed, so a machine that has everything needs no network.
bjb_install_deps ()
{
  local missing=() pkg sudo=()

  for pkg in "${BJB_DEBIAN_PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing missing packages: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "error: missing packages (${missing[*]}) and no sudo; install them as root" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" || return 1
}

# The Indonesian UI (and its test) needs the id_ID.UTF-8 locale, which Debian only has
# once it is generated.
bjb_ensure_locale ()
{
  local sudo=()

  locale -a 2>/dev/null | grep -qix 'id_ID\.utf-\?8' && return 0
  [ "$(id -u)" != 0 ] && sudo=(sudo)
  echo "Generating the id_ID.UTF-8 locale"
  if ! grep -q '^id_ID.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
    echo 'id_ID.UTF-8 UTF-8' | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null || return 1
  fi
  "${sudo[@]}" locale-gen || return 1
}

# Configures (once) and builds the build directory $1 with warnings as errors.
bjb_build ()
{
  local builddir=$1

  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" -Dwerror=true || return 1
  elif ! meson configure "$builddir" | grep -Eq '^ *werror +true'; then
    meson configure "$builddir" -Dwerror=true || return 1
  fi
  ninja -C "$builddir"
}

# Prints a port no PostgreSQL uses (no socket file, nothing listening on TCP), picked at
# random so test runs started at the same moment do not collide.
bjb_free_port ()
{
  local port i
  for i in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    [ -e "/var/run/postgresql/.s.PGSQL.$port" ] && continue
    [ -e "/tmp/.s.PGSQL.$port" ] && continue
    if python3 -c 'import socket, sys
s = socket.socket()
s.bind(("", int(sys.argv[1])))' "$port" 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}
