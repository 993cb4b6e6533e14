# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by tests/ops/*.t: a few TAP helpers and the paths every test needs.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
builddir=$top/${BJB_BUILDDIR:-_build}
admin=$builddir/src/cli/barokah-admin
tap_count=0
tap_failed=0
tap_log=$(mktemp -t bjb-ops-tap.XXXXXX)

# check DESCRIPTION COMMAND…: passes when COMMAND succeeds; its output is shown on failure.
check ()
{
  local description=$1
  shift
  tap_count=$((tap_count + 1))
  if "$@" >"$tap_log" 2>&1; then
    echo "ok $tap_count - $description"
  else
    echo "not ok $tap_count - $description"
    sed 's/^/#   /' "$tap_log"
    tap_failed=1
  fi
}

# refused DESCRIPTION PATTERN COMMAND…: COMMAND must fail and say PATTERN (grep -E).
refused ()
{
  local description=$1 pattern=$2
  shift 2
  tap_count=$((tap_count + 1))
  if "$@" >"$tap_log" 2>&1; then
    echo "not ok $tap_count - $description (it succeeded)"
    sed 's/^/#   /' "$tap_log"
    tap_failed=1
  elif grep -Eq -- "$pattern" "$tap_log"; then
    echo "ok $tap_count - $description"
  else
    echo "not ok $tap_count - $description (no “$pattern” in the output)"
    sed 's/^/#   /' "$tap_log"
    tap_failed=1
  fi
}

# contains FILE PATTERN: for check.
contains () { grep -Eq -- "$2" "$1" || { echo "no “$2” in $1:"; cat "$1"; return 1; }; }

tap_done ()
{
  rm -f "$tap_log"
  echo "1..$tap_count"
  exit "$tap_failed"
}

tap_skip_all ()
{
  echo "1..0 # SKIP $1"
  exit 0
}
