"""gunicorn settings for `make serve`, `make bench` and the systemd unit.

Workers: ``WEB_CONCURRENCY`` if set, otherwise two per CPU core plus one (gunicorn's own
advice: a sync worker waits on the database and Redis part of the time). ``HOST``/``PORT``
choose the address (127.0.0.1:8000); a reverse proxy in front terminates HTTPS.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# Load the site once in the master: workers share its memory until they write to it.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never grows without bound (0 turns it off).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Behind nginx or Varnish on the same machine: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "hanoi-creative"
