# SPDX-License-Identifier: GPL-3.0-or-later
# backup, restore and migrate in the test cluster (PG* from build-aux/test, a superuser):
# seed a database, back it up, restore it into a second one and compare every table; the
# refusals (a non-empty target, a dump from a newer program or a newer PostgreSQL); staff
# logins missing on the server come back locked; migrate --dry-run and its backup first.
. "$(dirname "${BASH_SOURCE[0]}")/tap.sh"

[ -n "${BJB_TEST_TEMPLATE:-}" ] || tap_skip_all "no BJB_TEST_TEMPLATE (run through build-aux/test)"
psql -X -q -c "SELECT 1" >/dev/null 2>&1 || tap_skip_all "no PostgreSQL server"
[ -x "$admin" ] || tap_skip_all "no $admin; build first"

work=$(mktemp -d -t bjb-backup.XXXXXX)
src=bjb_ops_src_$$
dst=bjb_ops_dst_$$
login=ops_rt_$$
dbs=("$src" "$dst")
q () { psql -X -At -v ON_ERROR_STOP=1 "$@"; }
had_demo=$(q -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'demo\_%'")
cleanup ()
{
  for db in "${dbs[@]}"; do dropdb --if-exists "$db" 2>/dev/null; done
  q -d postgres -c "DROP ROLE IF EXISTS $login" >/dev/null 2>&1
  # seed-demo's logins, unless another test had made them before.
  if [ "$had_demo" = 0 ]; then
    for r in demo_admin demo_cs demo_cs2 demo_kurir demo_kurir2; do
      q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

newdb () { dbs+=("$1"); createdb "$1"; }

createdb -T "$BJB_TEST_TEMPLATE" "$src"
check "seed-demo fills the source database" \
  "$admin" --dbname "dbname=$src" seed-demo --customers 25 --orders 150
printf 'sandi-kurir-123\n' > "$work/pw"
check "a staff login to lose and get back" \
  "$admin" --dbname "dbname=$src" create-staff "$login" --role courier --name "Kurir Uji" \
    --password-file "$work/pw"

backup=$work/src.bjbbackup
refused "backup refuses a login that is not a superuser (it could not read past RLS)" \
  "t_admin is not a superuser" \
  env PGPASSWORD="${BJB_TEST_PASSWORD:-barokah-test}" \
    "$admin" --dbname "dbname=$src user=t_admin" backup "$work/not-super.bjbbackup"
check "backup writes one file" "$admin" --dbname "dbname=$src" backup "$backup"
check "the backup is readable by its owner only" \
  bash -c "[ \"\$(stat -c %a '$backup')\" = 600 ]"
check "it holds the manifest and a custom-format dump" \
  bash -c "tar tf '$backup' | sort | tr '\n' ' ' | grep -qx 'database.dump manifest.json '"
tar -xOf "$backup" manifest.json > "$work/manifest.json"
check "the manifest names the schema and program versions and the login, without verifier" \
  python3 - "$work/manifest.json" "$login" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert m["format"] == "barokah-backup", m
assert m["schema_version"] >= 4 and m["program_version"], m
assert m["tables"]["bjb.sales_order"] == 150, m["tables"]
logins = {l["login"]: l for l in m["logins"]}
assert logins[sys.argv[2]]["groups"] == ["bjb_courier"], logins
assert all("password" not in l for l in m["logins"]), "a verifier without --with-passwords"
PY
tar -xOf "$backup" database.dump > "$work/database.dump"
check "pg_restore reads the dump" pg_restore --list "$work/database.dump"

# The staff login is not on the "new server".
q -d postgres -c "DROP ROLE $login" >/dev/null
newdb "$dst"
"$admin" --dbname "dbname=$dst" restore "$backup" >"$work/restore.out" 2>&1
status=$?
sed 's/^/#   /' "$work/restore.out"
check "restore into a new empty database succeeds" test "$status" = 0
check "restore checks row counts, the stock ledger and the migrations" \
  contains "$work/restore.out" "Checked: [0-9]+ tables with [0-9]+ rows, the stock ledger"
check "restore says the missing login came back locked" \
  bash -c "grep -q 'created LOCKED' '$work/restore.out' && grep -qx '  $login' '$work/restore.out'"
check "the missing login is back, in its group, without a password" \
  test "$(q -d postgres -c "SELECT r.rolcanlogin, a.rolpassword IS NULL,
                                    pg_has_role ('$login', 'bjb_courier', 'MEMBER')
                             FROM pg_roles r JOIN pg_authid a USING (oid)
                             WHERE r.rolname = '$login'")" = "t|t|t"

# Every table, row for row.
tables=$(q -d "$src" -c "SELECT c.relname FROM pg_class c
                        WHERE c.relnamespace = 'bjb'::regnamespace AND c.relkind = 'r'
                        ORDER BY 1")
digest () { q -d "$1" -c "SELECT count(*) || ' ' || md5 (coalesce (string_agg (t::text, E'\n' ORDER BY t::text), '')) FROM bjb.$2 t"; }
differ=
for t in $tables; do
  [ "$(digest "$src" "$t")" = "$(digest "$dst" "$t")" ] || differ="$differ $t"
done
check "every table of the restored database equals the source ($(echo $tables | wc -w) tables)" \
  test -z "$differ" -a "$(echo $tables | wc -w)" -ge 15
echo "# tables that differ:${differ:- none}"
check "the sequences continue where they were" \
  test "$(q -d "$src" -c "SELECT last_value FROM bjb.sales_order_id_seq")" = \
       "$(q -d "$dst" -c "SELECT last_value FROM bjb.sales_order_id_seq")"
check "a client works against the restored database" \
  bash -c "'$admin' --dbname 'dbname=$dst' status | grep -q 'Up to date'"

refused "restore refuses a database that is not empty" "is not empty" \
  "$admin" --dbname "dbname=$dst" restore "$backup"

# Backups from the future: the manifest says a newer schema, or a newer PostgreSQL.
tamper ()
{
  local out=$1 key=$2 value=$3 dir
  dir=$(mktemp -d -p "$work")
  tar -xf "$backup" -C "$dir"
  python3 - "$dir/manifest.json" "$key" "$value" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m[sys.argv[2]] = int(sys.argv[3])
json.dump(m, open(sys.argv[1], "w"))
PY
  tar -cf "$out" -C "$dir" manifest.json database.dump
}
tamper "$work/newer-schema.bjbbackup" schema_version 9999
tamper "$work/newer-server.bjbbackup" server_version_num 170002
newdb "${dst}_b"
refused "restore refuses a dump newer than the program" "schema version 9999, newer than this program" \
  "$admin" --dbname "dbname=${dst}_b" restore "$work/newer-schema.bjbbackup"
refused "restore refuses a dump from a newer PostgreSQL" "PostgreSQL 17, newer than this server" \
  "$admin" --dbname "dbname=${dst}_b" restore "$work/newer-server.bjbbackup"
refused "restore refuses a file that is not a backup" "cannot be read as a barokah-admin backup" \
  "$admin" --dbname "dbname=${dst}_b" restore "$work/manifest.json"
head -c 120000 "$backup" > "$work/truncated.bjbbackup"
refused "restore of a truncated backup fails before it changes anything" "cannot be read as a barokah-admin backup.*Unexpected EOF" \
  timeout 60 "$admin" --dbname "dbname=${dst}_b" restore "$work/truncated.bjbbackup"
check "a refused restore leaves the target empty" \
  test "$(q -d "${dst}_b" -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'bjb'")" = 0

# --with-passwords keeps the verifier: the login comes back able to sign in.
verifier=$(q -d postgres -c "SELECT rolpassword FROM pg_authid WHERE rolname = '$login'")
q -d postgres -c "ALTER ROLE $login PASSWORD 'another-secret-1'" >/dev/null
verifier=$(q -d postgres -c "SELECT rolpassword FROM pg_authid WHERE rolname = '$login'")
check "backup --with-passwords" \
  "$admin" --dbname "dbname=$src" backup --with-passwords "$work/with.bjbbackup"
q -d postgres -c "DROP ROLE $login" >/dev/null
newdb "${dst}_c"
check "restore of it recreates the login" \
  "$admin" --dbname "dbname=${dst}_c" restore "$work/with.bjbbackup"
check "with the same password verifier" \
  test "$(q -d postgres -c "SELECT rolpassword FROM pg_authid WHERE rolname = '$login'")" = "$verifier"
printf 'sandi-baru-4567\n' > "$work/pw2"
check "set-password gives a locked login a password" \
  "$admin" --dbname "dbname=$dst" set-password "$login" --password-file "$work/pw2"
check "only its SCRAM verifier reaches the server" \
  test "$(q -d postgres -c "SELECT rolpassword LIKE 'SCRAM-SHA-256\$%' FROM pg_authid WHERE rolname = '$login'")" = t
client=$builddir/tests/ops/ops-client-connect
if [ -x "$client" ]; then
  check "the desktop client signs in to the restored database as that courier" \
    bash -c "'$client' 'dbname=$dst user=$login password=sandi-baru-4567' | grep -q '^$login courier '"
fi

# The nightly way: a directory, the newest N kept, a pre-migration backup never pruned.
mkdir -p "$work/nightly"
touch "$work/nightly/barokah-$src-20000101-000000.bjbbackup" \
      "$work/nightly/barokah-$src-20000102-000000.bjbbackup" \
      "$work/nightly/barokah-$src-before-migrate-20000101-000000.bjbbackup"
check "backup --directory --keep 2" \
  "$admin" --dbname "dbname=$src" backup --directory "$work/nightly" --keep 2
check "keeps the newest two timestamped backups and the pre-migration one" \
  bash -c "cd '$work/nightly' && ls | tr '\n' ' ' | grep -Eqx 'barokah-$src-20000102-000000.bjbbackup barokah-$src-2[0-9]{7}-[0-9]{6}.bjbbackup barokah-$src-before-migrate-20000101-000000.bjbbackup '"

# migrate on a database one migration behind.
old=${src}_old
newdb "$old"
last=$(ls "$top"/migrations/[0-9]*.sql | tail -1)
for f in "$top"/migrations/[0-9]*.sql; do
  [ "$f" = "$last" ] && break
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$old" -f "$f" \
    >/dev/null
done
"$admin" --dbname "dbname=$old" migrate --dry-run >"$work/dry.out" 2>&1
check "migrate --dry-run names the pending migration" \
  contains "$work/dry.out" "^  $(basename "$last" .sql)\$"
check "and changes nothing" test "$(q -d "$old" -c "SELECT max(version) FROM bjb.schema_migration")" \
  = "$(($(basename "$last" | cut -c1-4 | sed 's/^0*//') - 1))"
(cd "$work" && "$admin" --dbname "dbname=$old" migrate --backup-file "$work/pre.bjbbackup") \
  >"$work/migrate.out" 2>&1
check "migrate takes a backup first, then applies" \
  bash -c "grep -q 'Backing up' '$work/migrate.out' && grep -q 'Applied $(basename "$last" .sql)' '$work/migrate.out' && tar tf '$work/pre.bjbbackup' | grep -q manifest.json"
check "the backup migrate took has the old schema version" \
  bash -c "tar -xOf '$work/pre.bjbbackup' manifest.json | grep -q '\"schema_version\" : $(($(basename "$last" | cut -c1-4 | sed 's/^0*//') - 1))'"

# A dump pg_restore cannot restore: the whole restore rolls back, and the login it had just
# recreated goes again.
broken=$(mktemp -d -p "$work")
tar -xf "$backup" -C "$broken"
head -c 20000 "$broken/database.dump" > "$broken/cut" && mv "$broken/cut" "$broken/database.dump"
tar -cf "$work/broken.bjbbackup" -C "$broken" manifest.json database.dump
q -d postgres -c "DROP ROLE $login" >/dev/null
newdb "${dst}_d"
refused "a dump pg_restore cannot restore is rolled back and says so" \
  "pg_restore failed and rolled everything back" \
  timeout 60 "$admin" --dbname "dbname=${dst}_d" restore "$work/broken.bjbbackup"
check "nothing of it stays: no schema, no recreated login" \
  test "$(q -d "${dst}_d" -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'bjb'")|$(q -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = '$login'")" = "0|0"

tap_done
