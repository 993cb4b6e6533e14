#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The installed barokahd.service: systemd accepts it (systemd-analyze verify, when present),
# and it keeps the sandboxing the README promises.
#   check-unit.sh BUILT_UNIT BAROKAHD
set -eu
unit=$1 bin=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "1..2"
# Point ExecStart at the built binary: verify checks that it exists.
sed "s|^\(Exec[A-Za-z]*=\)[^ ]*barokahd|\1$bin|" "$unit" > "$tmp/barokahd.service"
if command -v systemd-analyze >/dev/null; then
  if out=$(systemd-analyze verify "$tmp/barokahd.service" 2>&1) && [ -z "$out" ]; then
    echo "ok 1 - systemd-analyze verify"
  else
    echo "not ok 1 - systemd-analyze verify"; echo "$out" | sed 's/^/# /'
  fi
else
  echo "ok 1 # SKIP no systemd-analyze"
fi
missing=
for line in DynamicUser=yes ProtectSystem=strict NoNewPrivileges=yes ProtectHome=yes PrivateTmp=yes \
            CapabilityBoundingSet= 'LoadCredential=barokahd-secrets:/etc/barokahd/secrets' \
            RestartPreventExitStatus=78 'ExecStart='"$bin"; do
  grep -qx "$line" "$tmp/barokahd.service" || missing="$missing $line"
done
if [ -z "$missing" ]; then echo "ok 2 - sandboxing and credentials"; else echo "not ok 2 - missing:$missing"; fi
