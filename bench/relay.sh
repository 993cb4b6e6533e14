# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=sh
#
# Sourced by bench/run and bench/event-latency/run: start and stop barokahd's event relay
# (`barokahd --relay-only`, migration 0015) inside a pg_virtualenv cluster, so a benchmark
# can measure the same thing with the relay and with per-commit NOTIFY, side by side.
#
#   bench_relay_start BAROKAHD DIR DB LOGIN PASSWORD   (sets bench_relay_pid)
#   bench_relay_stop
#
# The configuration is written to DIR; the database from the PG* environment. A gateway
# must be configured for barokahd to start; --relay-only never calls it.

bench_relay_pid=

bench_relay_start () {
  _barokahd=$1 _dir=$2 _db=$3 _login=$4 _password=$5
  mkdir -p "$_dir"
  cat > "$_dir/barokahd.conf" <<EOF
[database]
conninfo=
[relay]
enabled=true
[whatsapp]
url=http://127.0.0.1:9/unused
EOF
  ( umask 077; printf '[secrets]\nwhatsapp_token=unused\ndatabase_password=%s\n' "$_password" \
      > "$_dir/secrets" )
  PGDATABASE=$_db PGUSER=$_login "$_barokahd" --relay-only --config "$_dir/barokahd.conf" \
    --secrets "$_dir/secrets" 2>> "$_dir/barokahd.log" &
  bench_relay_pid=$!
  # Relaying once its session holds the lock (6449765, 0).
  _i=0
  while [ "$(psql -X -A -t -d "$_db" -c "SELECT count(*) FROM pg_locks
             WHERE locktype = 'advisory' AND classid = 6449765 AND objid = 0 AND objsubid = 2
               AND granted")" != 1 ]; do
    _i=$((_i + 1))
    if [ "$_i" -gt 200 ] || ! kill -0 "$bench_relay_pid" 2>/dev/null; then
      echo "bench: the event relay did not start (see $_dir/barokahd.log)" >&2
      cat "$_dir/barokahd.log" >&2
      return 1
    fi
    sleep 0.05
  done
}

bench_relay_stop () {
  [ -n "$bench_relay_pid" ] || return 0
  kill -TERM "$bench_relay_pid" 2>/dev/null || true
  wait "$bench_relay_pid" 2>/dev/null || true
  bench_relay_pid=
}
