#!/usr/bin/env bash
# The portal past one machine, on loopback: a PostgreSQL primary and a streaming replica,
# Redis, two gunicorn app servers and Varnish in front, all under var/cluster/.
#
#   deploy/cluster/cluster.sh start   (make cluster)       starts everything, loads the demo
#   deploy/cluster/cluster.sh stop    (make cluster-stop)  stops everything it started
#
# Ports come from the environment (defaults below). Run as root, PostgreSQL runs as the
# `postgres` user (it refuses root); as any other user, everything runs as that user.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
DIR="$ROOT/var/cluster"
VENV="${VENV:-$ROOT/.venv}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"

PG_PRIMARY_PORT="${CLUSTER_PG_PRIMARY_PORT:-55440}"
PG_REPLICA_PORT="${CLUSTER_PG_REPLICA_PORT:-55441}"
REDIS_PORT="${CLUSTER_REDIS_PORT:-6395}"
APP1_PORT="${CLUSTER_APP1_PORT:-8130}"
APP2_PORT="${CLUSTER_APP2_PORT:-8131}"
VARNISH_PORT="${CLUSTER_VARNISH_PORT:-6081}"
VARNISH_ADMIN_PORT="${CLUSTER_VARNISH_ADMIN_PORT:-6082}"
APP_WORKERS="${CLUSTER_APP_WORKERS:-2}"
DB_NAME="hanoi_creative"

log() { printf '%s\n' "$*" >&2; }

as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_for_port() {  # port, what
    for _ in $(seq 1 150); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    log "$2 did not start on port $1 (see $DIR/*.log)"
    return 1
}

stop_pid() {  # pidfile, signal
    local file="$1" signal="${2:-TERM}" pid
    [ -f "$file" ] || return 0
    pid="$(cat "$file")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "-$signal" "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

stop_pg() {  # data directory
    if [ -f "$1/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || stop_pid "$1/postmaster.pid" KILL
    fi
}

stop() {
    stop_pid "$DIR/varnish.pid"
    stop_pid "$DIR/app1.pid" INT
    stop_pid "$DIR/app2.pid" INT
    stop_pid "$DIR/redis.pid"
    stop_pg "$DIR/pg/replica"
    stop_pg "$DIR/pg/primary"
    # Anything still running from this directory (a crashed start, a worker still exiting).
    local left
    for _ in $(seq 1 30); do
        left="$(pgrep -f -- "$DIR" || true)"
        [ -n "$left" ] || break
        sleep 0.1
    done
    if [ -n "$left" ]; then
        log "stopping leftover processes: $left"
        kill $left 2>/dev/null || true
        sleep 1
        left="$(pgrep -f -- "$DIR" || true)"
        [ -z "$left" ] || kill -KILL $left 2>/dev/null || true
    fi
    rm -f "$ROOT/var/cluster.env"
    log "cluster stopped"
}

start_postgres() {
    # One directory PostgreSQL owns: both data directories, their logs and sockets.
    local pg="$DIR/pg" primary="$DIR/pg/primary" replica="$DIR/pg/replica"
    install -d -m 0700 "$pg" "$primary"
    if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$pg"; fi
    as_pg "$PG_BIN/initdb" -D "$primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PRIMARY_PORT
unix_socket_directories = '$pg'
wal_level = replica
max_wal_senders = 4
hot_standby = on
# A throw-away cluster on loopback: durability is not the point.
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 64MB
CONF
    as_pg "$PG_BIN/pg_ctl" -D "$primary" -l "$pg/primary.log" -w start >/dev/null
    as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres -D "$replica" -R -X stream --checkpoint=fast
    chmod 0700 "$replica"
    echo "port = $PG_REPLICA_PORT" | as_pg tee -a "$replica/postgresql.conf" >/dev/null
    as_pg "$PG_BIN/pg_ctl" -D "$replica" -l "$pg/replica.log" -w start >/dev/null
    as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres -q -d postgres \
        -c "CREATE DATABASE $DB_NAME" >/dev/null
}

start_app() {  # 1 or 2
    local n="$1" port_var="APP${1}_PORT"
    log "App server $n :${!port_var}"
    (
        set -a; . "$ROOT/var/cluster.env"; . "$DIR/app.env"; set +a
        exec "$VENV/bin/gunicorn" hanoi_creative.wsgi --bind "127.0.0.1:${!port_var}" \
            --workers "$APP_WORKERS" --daemon --pid "$DIR/app$n.pid" --name "hc-app$n" \
            --access-logfile "$DIR/app$n-access.log" --error-logfile "$DIR/app$n-error.log" --capture-output \
            --chdir "$ROOT" --worker-tmp-dir "$DIR/run"
    )
}

start() {
    if [ -e "$DIR" ]; then stop; fi
    rm -rf "$DIR"
    # Another service on one of our ports (Debian starts its own varnish on 6081 when
    # systemd runs) would answer in our place: refuse rather than test the wrong server.
    local port
    for port in "$PG_PRIMARY_PORT" "$PG_REPLICA_PORT" "$REDIS_PORT" "$APP1_PORT" "$APP2_PORT" \
        "$VARNISH_PORT" "$VARNISH_ADMIN_PORT"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            log "port $port is already in use; choose others with CLUSTER_*_PORT (see docs/scaling.md)"
            exit 1
        fi
    done
    install -d "$DIR" "$DIR/run" "$DIR/media" "$DIR/varnish-conf"
    [ -x "$PG_BIN/initdb" ] || { log "PostgreSQL server binaries not found (set PG_BIN)"; exit 1; }

    log "PostgreSQL primary :$PG_PRIMARY_PORT and streaming replica :$PG_REPLICA_PORT"
    start_postgres

    log "Redis :$REDIS_PORT"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
        --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --dir "$DIR"
    wait_for_port "$REDIS_PORT" Redis

    local secret
    secret="$("$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(50))')"
    cat >"$ROOT/var/cluster.env" <<ENV
DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PRIMARY_PORT/$DB_NAME
DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:$PG_REPLICA_PORT/$DB_NAME
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
VARNISH_PURGE_URLS=http://127.0.0.1:$VARNISH_PORT/
MEDIA_ROOT=$DIR/media
CLUSTER_PUBLIC_URL=http://127.0.0.1:$VARNISH_PORT/
CLUSTER_APP_URLS=http://127.0.0.1:$APP1_PORT/,http://127.0.0.1:$APP2_PORT/
CLUSTER_DIR=$DIR
ENV
    cat >"$DIR/app.env" <<ENV
DJANGO_SETTINGS_MODULE=hanoi_creative.settings.production
DJANGO_SECRET_KEY=$secret
DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
DJANGO_SECURE_SSL_REDIRECT=false
DJANGO_HSTS_SECONDS=0
WAGTAILADMIN_BASE_URL=http://127.0.0.1:$VARNISH_PORT
OTP_REQUIRED_FOR_SUPERUSERS=false
ENV

    log "Migrating and loading the demo"
    (
        set -a; . "$ROOT/var/cluster.env"; . "$DIR/app.env"; set +a
        unset VARNISH_PURGE_URLS  # Varnish is not up yet and holds nothing
        SECONDS=0
        "$VENV/bin/python" manage.py migrate --noinput -v 0
        echo "migrate: ${SECONDS}s" >&2
        "$VENV/bin/python" manage.py load_demo -v 0
        echo "load_demo: ${SECONDS}s" >&2
        "$VENV/bin/python" manage.py collectstatic --noinput -v 0
        echo "collectstatic: ${SECONDS}s" >&2
        "$VENV/bin/python" - <<'PY' >"$DIR/admin-password"
import os, secrets
import django
django.setup()
from django.contrib.auth import get_user_model
password = secrets.token_urlsafe(16)
user, _ = get_user_model().objects.get_or_create(username="cluster-admin", defaults={"email": "admin@localhost"})
user.is_staff = user.is_superuser = True
user.set_password(password)
user.save()
print(password)
PY
    ) 2>"$DIR/setup.log" >/dev/null || { cat "$DIR/setup.log" >&2; exit 1; }
    chmod 600 "$DIR/admin-password"

    start_app 1
    start_app 2
    wait_for_port "$APP1_PORT" "App server 1"
    wait_for_port "$APP2_PORT" "App server 2"

    log "Varnish :$VARNISH_PORT (admin :$VARNISH_ADMIN_PORT)"
    cat >"$DIR/varnish-conf/backends.vcl" <<VCL
# Written by deploy/cluster/cluster.sh for the loopback cluster.
import directors;

probe app_health {
    .url = "/robots.txt";
    # Lenient: a busy app server answers slowly, it is not down (requests to a dead one are
    # retried on the other at once, see vcl_backend_error).
    .timeout = 5s;
    .interval = 2s;
    .window = 5;
    .threshold = 2;
    .initial = 2;
}

backend app1 { .host = "127.0.0.1"; .port = "$APP1_PORT"; .probe = app_health; }
backend app2 { .host = "127.0.0.1"; .port = "$APP2_PORT"; .probe = app_health; }

acl purgers { "127.0.0.1"; "::1"; }

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}
VCL
    varnishd -a "127.0.0.1:$VARNISH_PORT" -T "127.0.0.1:$VARNISH_ADMIN_PORT" -n "$DIR/varnish" \
        -f "$ROOT/deploy/varnish/default.vcl" -p "vcl_path=$DIR/varnish-conf:$ROOT/deploy/varnish" \
        -s malloc,128m -P "$DIR/varnish.pid" 2>"$DIR/varnish.log"
    wait_for_port "$VARNISH_PORT" Varnish
    # The probes mark both app servers healthy within a few seconds.
    for _ in $(seq 1 50); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$VARNISH_PORT/robots.txt")" = 200 ] && break
        sleep 0.2
    done

    cat <<OUT
Cluster up (var/cluster.env holds its addresses; make cluster-stop ends it).
public: http://127.0.0.1:$VARNISH_PORT/
app servers: http://127.0.0.1:$APP1_PORT/ http://127.0.0.1:$APP2_PORT/
admin: http://127.0.0.1:$VARNISH_PORT/admin/ (user cluster-admin, password in var/cluster/admin-password)
PostgreSQL primary: postgres://postgres@127.0.0.1:$PG_PRIMARY_PORT/$DB_NAME
PostgreSQL replica: postgres://postgres@127.0.0.1:$PG_REPLICA_PORT/$DB_NAME
Redis: redis://127.0.0.1:$REDIS_PORT/0
OUT
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    # For the cluster tests: take one part down and bring it back.
    app-kill)
        pids="$(cat "$DIR/app$2.pid") $(pgrep -P "$(cat "$DIR/app$2.pid")" | tr '\n' ' ')"
        kill -KILL $pids 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 $pids 2>/dev/null || break; sleep 0.1; done
        rm -f "$DIR/app$2.pid" ;;
    app-start) start_app "$2"; port_var="APP${2}_PORT"; wait_for_port "${!port_var}" "App server $2" ;;
    replica-stop) as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg/replica" -m fast -w stop >/dev/null ;;
    replica-start) as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg/replica" -l "$DIR/pg/replica.log" -w start >/dev/null ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
