#!/usr/bin/env bash
# A PostgreSQL streaming replica of the machine's cluster (127.0.0.1:5432), for the read-replica
# tests (tests/tugas/test_replika_nyata.py; issue 22, "Outgrow one machine").
#
#   .ci/replika.sh          start it on 127.0.0.1:$REPLIKA_PORT (default 5433), or reuse it
#   .ci/replika.sh stop     stop it (its data directory stays, for the next start)
#
# Idempotent: a replica already streaming on that port is reused; one that is stopped is started;
# one that no longer streams (the primary recycled the WAL it needed) is made again.
#
# A replication slot holds the primary's WAL only while a new replica catches up (the copy takes
# a while and other databases on the cluster write a lot meanwhile); once it streams, the slot is
# dropped, so a replica that is stopped or dies never makes the shared primary keep WAL.
# The primary is never restarted (other work uses it): replication connections are allowed by a
# line added to its pg_hba.conf and a reload.
set -euo pipefail

PRIMARY_PORT=${PRIMARY_PORT:-5432}
PORT=${REPLIKA_PORT:-5433}
DIR=${REPLIKA_DIR:-/var/tmp/mataram-replika-$PORT}
LOG=$DIR.log
BIN=$(pg_config --bindir)

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
on_replica() { psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAXc "$1" 2>/dev/null; }
on_primary() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -tAXc "$1"; }
streaming() { [ "$(on_replica "SELECT status FROM pg_stat_wal_receiver")" = streaming ]; }
wait_streaming() {
    for _ in $(seq 1 "${1:-30}"); do streaming && return 0; sleep 1; done
    return 1
}
SLOT=mataram_replika_$PORT
drop_slot() {
    on_primary "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
                WHERE slot_name = '$SLOT' AND NOT active" >/dev/null
}
stop() {
    if [ -f "$DIR/postmaster.pid" ]; then
        as_postgres "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null || true
    fi
}

# Once streaming: stream without the slot (the WAL receiver reconnects from where it is), then
# drop the slot. Safe to repeat.
without_slot() {
    if [ -n "$(on_replica "SHOW primary_slot_name")" ]; then
        on_replica "ALTER SYSTEM RESET primary_slot_name" >/dev/null
        on_replica "SELECT pg_reload_conf()" >/dev/null
    fi
    for _ in $(seq 1 30); do
        [ "$(on_primary "SELECT count(*) FROM pg_replication_slots
                         WHERE slot_name = '$SLOT' AND active")" = 0 ] && break
        sleep 1
    done
    drop_slot
    if ! wait_streaming 60; then
        echo "replika: the replica stopped streaming without its slot; see $LOG" >&2
        exit 1
    fi
}

if [ "${1:-}" = stop ]; then
    stop
    exit 0
fi

if streaming; then
    without_slot
    echo "replika: reusing the replica streaming on 127.0.0.1:$PORT" >&2
    exit 0
fi
if pg_isready -q -h 127.0.0.1 -p "$PORT" && [ ! -f "$DIR/postmaster.pid" ]; then
    echo "replika: port $PORT is taken by a server that is not this replica ($DIR)" >&2
    exit 1
fi

# Replication connections from this machine (a replication connection matches only lines that
# name "replication"). A reload, never a restart.
hba=$(on_primary "SHOW hba_file")
if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    printf '\n# Streaming replicas on this machine (mataram_asn .ci/replika.sh)\nhost replication all 127.0.0.1/32 trust\n' >>"$hba"
    on_primary "SELECT pg_reload_conf()" >/dev/null
    sleep 1
fi

# A stopped replica: start it; if it cannot stream any more, make it again.
if [ -f "$DIR/standby.signal" ]; then
    as_postgres "$BIN/pg_ctl" -D "$DIR" -l "$LOG" -w -t 300 start >/dev/null 2>&1 || true
    if wait_streaming 120; then
        without_slot
        echo "replika: restarted the replica on 127.0.0.1:$PORT" >&2
        exit 0
    fi
    echo "replika: the replica in $DIR does not stream (see $LOG); making it again" >&2
    stop
fi

rm -rf "$DIR"
drop_slot
mkdir -p "$DIR"
chown postgres:postgres "$DIR"
chmod 700 "$DIR"
start=$(date +%s)
# -R writes standby.signal, primary_conninfo and primary_slot_name; -X stream copies the WAL
# the copy needs; -C -S holds the WAL after it until the replica streams.
as_postgres pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR" -R -X stream \
    -c fast -C -S "$SLOT"
# Debian keeps the configuration in /etc/postgresql, outside the data directory: give the
# replica its own.
as_postgres tee "$DIR/postgresql.conf" >/dev/null <<EOF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
hot_standby = on
# Heavy dashboard reads are not cancelled by the primary's vacuum (a recovery conflict).
hot_standby_feedback = on
shared_buffers = 32MB
EOF
as_postgres tee "$DIR/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
as_postgres touch "$DIR/pg_ident.conf"
as_postgres "$BIN/pg_ctl" -D "$DIR" -l "$LOG" -w -t 300 start >/dev/null
if ! wait_streaming 120; then
    echo "replika: the new replica does not stream; see $LOG" >&2
    exit 1
fi
without_slot
echo "replika: streaming replica on 127.0.0.1:$PORT ready in $(($(date +%s) - start)) s" >&2
