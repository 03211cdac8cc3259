#!/usr/bin/env bash
# `make cluster`: Varnish (deploy/varnish.vcl) on $HOST:$PORT in front of two gunicorn app
# servers, with PostgreSQL, Redis and one task worker, all on loopback. Ctrl-C stops it all.
# The app servers run the production settings plus the demo app (citynet/settings/cluster.py);
# Varnish is the one proxy in front of them (TRUSTED_PROXY_COUNT=1): client addresses, which the
# login and comment throttles count by, are those Varnish saw.
# The processes' environment is written to $CLUSTER_DIR/env for manage.py commands:
#   set -a; . .cluster/env; set +a; .venv/bin/python manage.py shell
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${BIN:-$ROOT/.venv/bin}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8080}"
APP_PORTS="${APP_PORTS:-8081 8082}"
CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/.cluster}"
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/citynet_cluster}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
CLUSTER_DEMO="${CLUSTER_DEMO:-1}"
mkdir -p "$CLUSTER_DIR"

install_varnish() {
    if ! command -v varnishd >/dev/null && [ ! -x /usr/sbin/varnishd ] \
        || [ -z "$(ls /usr/lib/*/varnish/vmods/libvmod_xkey.so 2>/dev/null)" ]; then
        echo "Installing varnish and varnish-modules (xkey)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            varnish varnish-modules >/dev/null
    fi
}

ensure_services() {
    local db_host db_port redis_host redis_port
    db_host="$(python3 -c 'import sys,urllib.parse as u; print(u.urlsplit(sys.argv[1]).hostname)' "$DATABASE_URL")"
    db_port="$(python3 -c 'import sys,urllib.parse as u; print(u.urlsplit(sys.argv[1]).port or 5432)' "$DATABASE_URL")"
    if [[ "$DATABASE_URL" == postgres* ]] && ! pg_isready -q -h "$db_host" -p "$db_port"; then
        echo "Starting PostgreSQL"
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | tail -1)" main start \
            || service postgresql start >/dev/null
        for _ in $(seq 30); do pg_isready -q -h "$db_host" -p "$db_port" && break; sleep 1; done
    fi
    # A Redis on a Unix socket (unix://...) is its owner's to start.
    if [[ "$REDIS_URL" == redis://* ]]; then
        redis_host="$(python3 -c 'import sys,urllib.parse as u; print(u.urlsplit(sys.argv[1]).hostname)' "$REDIS_URL")"
        redis_port="$(python3 -c 'import sys,urllib.parse as u; print(u.urlsplit(sys.argv[1]).port or 6379)' "$REDIS_URL")"
        if ! redis-cli -h "$redis_host" -p "$redis_port" ping >/dev/null 2>&1; then
            echo "Starting Redis on port $redis_port"
            redis-server --bind "$redis_host" --port "$redis_port" --daemonize yes --save "" \
                --appendonly no --maxmemory 512mb --maxmemory-policy allkeys-lru >/dev/null
        fi
    fi
    [[ "$DATABASE_URL" == postgres* ]] || return 0
    "$BIN/python" - "$DATABASE_URL" <<'PY'
import sys, urllib.parse, psycopg
url = urllib.parse.urlsplit(sys.argv[1])
name = url.path.lstrip("/")
admin = sys.argv[1].rsplit("/", 1)[0] + "/postgres"
with psycopg.connect(admin, autocommit=True) as connection:
    if not connection.execute("select 1 from pg_database where datname = %s", [name]).fetchone():
        connection.execute(f'create database "{name}"')
PY
}

write_env() {
    local secret
    secret="$(grep -s '^SECRET_KEY=' "$CLUSTER_DIR/env" | cut -d= -f2- || true)"
    secret="${secret:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')}"
    cat > "$CLUSTER_DIR/env" <<ENV
DJANGO_SETTINGS_MODULE=${CLUSTER_SETTINGS:-citynet.settings.cluster}
SECRET_KEY=$secret
DATABASE_URL=$DATABASE_URL
REDIS_URL=$REDIS_URL
ALLOWED_HOSTS=$HOST,localhost,127.0.0.1
TRUSTED_PROXY_COUNT=1
SECURE_SSL_REDIRECT=false
SECURE_HSTS_SECONDS=0
WAGTAILADMIN_BASE_URL=http://$HOST:$PORT
API_PUBLIC_BASE_URL=http://$HOST:$PORT
CDN_PURGE_URL=http://$HOST:$PORT
STATIC_ROOT=$CLUSTER_DIR/static
MEDIA_ROOT=$CLUSTER_DIR/media
ENV
}

# The app servers at these ports in Varnish's round robin. Without any yet, VCL still needs a
# backend: one that is none (503) while they start.
write_backends() {
    {
        local names=""
        [ $# -gt 0 ] || echo "backend starting none;"
        for app_port in "$@"; do
            echo "backend app_$app_port { .host = \"127.0.0.1\"; .port = \"$app_port\"; }"
            names="$names app_$app_port"
        done
        echo "sub vcl_init {"
        echo "    new app = directors.round_robin();"
        for name in $names; do echo "    app.add_backend($name);"; done
        echo "}"
    } > "$CLUSTER_DIR/backends.vcl"
}

# `until_found COMMAND...`: what COMMAND prints once it prints something (600 tries, 0.1 s apart).
until_found() {
    local found=""
    for _ in $(seq 600); do
        found="$("$@" 2>/dev/null || true)"
        [ -n "$found" ] && break
        sleep 0.1
    done
    [ -n "$found" ] || { echo "Timed out waiting for: $*" >&2; return 1; }
    echo "$found"
}

varnish_port() {  # debug.listen_address answers "a0 127.0.0.1 <port>"
    varnishadm -n "$CLUSTER_DIR/varnish" debug.listen_address | awk '{print $3; exit}'
}

gunicorn_port() {  # gunicorn logs "Listening at: http://127.0.0.1:<port> (<pid>)"
    grep -o 'Listening at: http://[^ ]*' "$1" | head -1 | sed 's/.*://'
}

pids=()
stop() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    echo "Cluster stopped"
}
trap stop EXIT INT TERM

install_varnish
ensure_services
# Port 0 (PORT=0, APP_PORTS="0 0") lets the system choose each port, read back once the server
# listens (decision 0250): Varnish starts first, so that the site's addresses can name it, and
# is given the app servers once they listen.
write_backends
VARNISHD="$(command -v varnishd || echo /usr/sbin/varnishd)"
"$VARNISHD" -F -j none -n "$CLUSTER_DIR/varnish" -a "$HOST:$PORT" \
    -f "$ROOT/deploy/varnish.vcl" -p vcl_path="$CLUSTER_DIR:$ROOT/deploy" \
    -p http_resp_hdr_len=65536 -p http_resp_size=98304 -s malloc,256m &
pids+=($!)
PORT="$(until_found varnish_port)"
write_env
set -a; . "$CLUSTER_DIR/env"; set +a
cd "$ROOT"
"$BIN/python" manage.py migrate --no-input -v0
"$BIN/python" manage.py collectstatic --no-input -v0
if [ "$CLUSTER_DEMO" = 1 ]; then "$BIN/python" manage.py load_demo --address "$HOST:$PORT"; fi

bound=()
for app_port in $APP_PORTS; do
    log="$CLUSTER_DIR/app-$((${#bound[@]} + 1)).log"
    : > "$log"
    "$BIN/gunicorn" citynet.wsgi --bind "127.0.0.1:$app_port" --workers 2 \
        --access-logfile /dev/null --error-logfile "$log" --log-level info &
    pids+=($!)
    bound+=("$(until_found gunicorn_port "$log")")
done
write_backends "${bound[@]}"
varnishadm -n "$CLUSTER_DIR/varnish" vcl.load app_servers "$ROOT/deploy/varnish.vcl" >/dev/null
varnishadm -n "$CLUSTER_DIR/varnish" vcl.use app_servers >/dev/null
"$BIN/python" manage.py db_worker --no-reload --interval 0.5 &
pids+=($!)
echo "CityNet cluster: http://$HOST:$PORT/ (Varnish) -> app servers on ports ${bound[*]}"
echo "Environment for manage.py: $CLUSTER_DIR/env; app server logs: $CLUSTER_DIR/app-*.log"
wait -n
