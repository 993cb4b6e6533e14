# SPDX-License-Identifier: GPL-3.0-or-later
# barokah-admin setup-server on a cluster of its own (pg_createcluster under a private
# PG_CLUSTER_CONF_ROOT, so the machine's clusters are neither seen nor touched), with
# 127.0.0.1 as the server's LAN address and 127.0.0.0/8 as the LAN. A client gets in with
# sslmode=verify-full and the CA setup-server wrote; without TLS, with another CA, or as a
# login that is not staff it is refused; a second run changes nothing.
. "$(dirname "${BASH_SOURCE[0]}")/tap.sh"
. "$top/build-aux/deps.sh"

command -v pg_createcluster >/dev/null || tap_skip_all "no pg_createcluster (postgresql-common)"
[ -x "$admin" ] || tap_skip_all "no $admin; build first"

work=$(mktemp -d -t bjb-setup-server.XXXXXX)
chmod 755 "$work"
cluster=bjbops$$
export PG_CLUSTER_CONF_ROOT=$work/etc
# Only the cluster made here counts, not the caller's (build-aux/test's) server.
unset PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGSSLMODE PGSSLROOTCERT
mkdir -p "$PG_CLUSTER_CONF_ROOT" "$work/run" "$work/log"
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  owner=postgres
  chown postgres: "$work/run" "$work/log"
fi
cleanup ()
{
  pg_dropcluster --stop 15 "$cluster" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

port=$(bjb_free_port) || tap_skip_all "no free port"
check "pg_createcluster makes a throwaway cluster" \
  pg_createcluster 15 "$cluster" -u "$owner" -d "$work/data" -s "$work/run" \
    -l "$work/log/postgresql.log" -p "$port"

printf 'rahasia-bos-123\n' > "$work/admin-password"
setup=("$admin" setup-server --cluster "15/$cluster" --listen 127.0.0.1 --lan 127.0.0.0/8
       --admin bos_ops --admin-name "Pak Bos" --admin-password-file "$work/admin-password"
       --ca-out "$work/ca.crt")

"${setup[@]}" >"$work/first.out" 2>&1
echo "# first run:"; sed 's/^/#   /' "$work/first.out"
check "the first run succeeds and says the server is set up" contains "$work/first.out" \
  "The server is set up"
check "it prints the next steps with the CA file" contains "$work/first.out" \
  "Next steps.*|Copy the CA certificate"
check "the CA certificate for the desktops is written" test -s "$work/ca.crt"

hba=$PG_CLUSTER_CONF_ROOT/15/$cluster/pg_hba.conf
check "pg_hba.conf has a hostssl scram-sha-256 line for the staff groups from the LAN" \
  grep -Eq '^hostssl +barokah +\+bjb_admin,\+bjb_cs,\+bjb_courier,\+bjb_worker +127\.0\.0\.0/8 +scram-sha-256$' "$hba"
check "pg_hba.conf has no trust line" bash -c "! grep -Ev '^[[:space:]]*(#|$)' '$hba' | grep -qw trust"
check "the server key is private to the server" \
  bash -c "[ \"\$(stat -c %a '$PG_CLUSTER_CONF_ROOT/15/$cluster/barokah-tls/server.key')\" = 600 ]"

tls="host=127.0.0.1 port=$port dbname=barokah user=bos_ops"
export PGPASSWORD=rahasia-bos-123
check "a client connects with sslmode=verify-full and the generated CA" \
  psql -X -At "$tls sslmode=verify-full sslrootcert=$work/ca.crt" \
    -c "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
"$admin" --dbname "$tls sslmode=verify-full sslrootcert=$work/ca.crt" status \
  >"$work/status.out" 2>&1
check "barokah-admin status over verified TLS sees TLS and an up-to-date schema" \
  bash -c "grep -q 'TLS  *yes' '$work/status.out' && grep -q 'Up to date' '$work/status.out'"
client=$builddir/tests/ops/ops-client-connect
if [ -x "$client" ]; then
  "$client" "$tls sslmode=verify-full sslrootcert=$work/ca.crt" >"$work/client.out" 2>&1
  check "the desktop client's connection signs in over verified TLS as the admin" \
    grep -Eq '^bos_ops admin [0-9]+ ssl=true$' "$work/client.out"
fi
refused "a connection without TLS is refused" "pg_hba.conf rejects|no encryption" \
  psql -X -At "$tls sslmode=disable" -c "SELECT 1"

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -noenc -days 2 \
  -subj "/CN=Another CA" -keyout "$work/other-ca.key" -out "$work/other-ca.crt" 2>/dev/null
refused "a connection trusting another CA is refused" "certificate verify failed" \
  psql -X -At "$tls sslmode=verify-full sslrootcert=$work/other-ca.crt" -c "SELECT 1"
if [ -x "$client" ]; then
  refused "so is the desktop client's" "certificate verify failed" \
    "$client" "$tls sslmode=verify-full sslrootcert=$work/other-ca.crt"
fi
refused "a login that is not staff is refused over the network, even with TLS" \
  "pg_hba.conf rejects" \
  psql -X -At "host=127.0.0.1 port=$port dbname=barokah user=$owner sslmode=verify-full sslrootcert=$work/ca.crt" -c "SELECT 1"
refused "a wrong password is refused" "password authentication failed" \
  env PGPASSWORD=wrong-password psql -X -At "$tls sslmode=verify-full sslrootcert=$work/ca.crt" -c "SELECT 1"

fingerprint ()
{
  sha256sum "$hba" "$work/data/postgresql.auto.conf" \
    "$PG_CLUSTER_CONF_ROOT/15/$cluster/barokah-tls/"*
  psql -X -At "$tls sslmode=verify-full sslrootcert=$work/ca.crt" \
    -c "SELECT pg_postmaster_start_time ()"
}
fingerprint > "$work/before" 2>&1
"${setup[@]}" >"$work/second.out" 2>&1
echo "# second run:"; sed 's/^/#   /' "$work/second.out"
check "a second run succeeds and says nothing changed" contains "$work/second.out" \
  "Nothing changed: the server was already set up"
check "a second run reports what it found" contains "$work/second.out" \
  "ok +ssl = 'on'"
fingerprint > "$work/after" 2>&1
check "a second run leaves the files and the running server alone" \
  diff "$work/before" "$work/after"

refused "a LAN that is not a network is a usage error" "not a network" \
  "$admin" setup-server --cluster "15/$cluster" --listen 127.0.0.1 --lan 127.0.0.1
refused "a server address outside the LAN is a usage error" "not in the network" \
  "$admin" setup-server --cluster "15/$cluster" --listen 10.1.2.3 --lan 127.0.0.0/8
refused "--dbname is a usage error (setup-server uses the cluster's own socket)" "takes no --dbname" \
  "$admin" --dbname "dbname=barokah" setup-server --listen 127.0.0.1 --lan 127.0.0.0/8
refused "an unknown cluster is named" "no PostgreSQL cluster 15/nosuch" \
  "$admin" setup-server --cluster 15/nosuch --listen 127.0.0.1 --lan 127.0.0.0/8

tap_done
