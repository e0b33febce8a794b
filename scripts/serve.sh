#!/usr/bin/env bash
# `make serve`: the site as production runs it on one machine.
#
# gunicorn (deploy/gunicorn.conf.py: workers from the core count, WEB_CONCURRENCY overrides),
# production settings, WhiteNoise serving compressed, hashed static files, uploaded media
# served by Django (SERVE_MEDIA), the embedded SQLite database unless DATABASE_URL is set and
# the file page cache unless REDIS_URL is set. A secret key is generated once into
# var/secret-key when DJANGO_SECRET_KEY is not set. PORT (8000) and HOST (127.0.0.1) choose
# where it listens. `scripts/serve.sh --prepare-only` migrates, collects and stops there.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
mkdir -p var

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-hanoi_creative.settings.production}"
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
    if [ ! -s var/secret-key ]; then
        (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret-key)
    fi
    DJANGO_SECRET_KEY="$(cat var/secret-key)"
    export DJANGO_SECRET_KEY
fi
export DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1,[::1]}"
# Plain HTTP on this machine; behind a proxy that terminates HTTPS, set it to true.
export DJANGO_SECURE_SSL_REDIRECT="${DJANGO_SECURE_SSL_REDIRECT:-false}"
export SERVE_MEDIA="${SERVE_MEDIA:-true}"
export PORT="${PORT:-8000}" HOST="${HOST:-127.0.0.1}"

$PY manage.py migrate --noinput -v 0
$PY manage.py collectstatic --noinput -v 0
if [ -z "${DATABASE_URL:-}" ]; then
    # The embedded database: demo content and a local admin login, as `make run` does.
    $PY manage.py setup_local_site
fi
[ "${1:-}" = --prepare-only ] && exit 0

workers="$($PY -c 'import runpy; print(runpy.run_path("deploy/gunicorn.conf.py")["workers"])')"
database="SQLite (var/db.sqlite3)"
[ -n "${DATABASE_URL:-}" ] && database="${DATABASE_URL%%://*} (DATABASE_URL)"
cache="files in var/pagecache"
[ -n "${REDIS_URL:-}" ] && cache="Redis (REDIS_URL)"
case "${PAGE_CACHE:-on}" in off|false|0|no) cache="off (PAGE_CACHE=off)";; esac
echo "Serving http://${HOST}:${PORT}/ with ${workers} gunicorn workers;" \
    "database: ${database}; page cache: ${cache}; settings: ${DJANGO_SETTINGS_MODULE}"
exec .venv/bin/gunicorn --config deploy/gunicorn.conf.py hanoi_creative.wsgi
