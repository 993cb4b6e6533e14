#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# barokah is single instance: a second start hands over to the first and exits.
set -u
barokah=$1
if [ -z "${DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "1..0 # SKIP needs a display and a session bus (run build-aux/test)"
  exit 0
fi
echo "1..2"
"$barokah" &
first=$!
trap 'kill $first 2>/dev/null' EXIT
if gdbus wait --session --timeout 20 id.barokahjaya.BackOffice; then
  echo "ok 1 the first instance owns id.barokahjaya.BackOffice"
else
  echo "not ok 1 the first instance never appeared on the bus"
  exit 1
fi
# The second one must return promptly (after asking the first to show its window).
if timeout 10 "$barokah" && kill -0 $first 2>/dev/null; then
  echo "ok 2 a second start exits and the first keeps running"
else
  echo "not ok 2 the second instance did not hand over"
  exit 1
fi
