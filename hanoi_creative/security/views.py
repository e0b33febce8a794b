"""Health checks for load balancers: /healthz (the process answers) and /readyz (the database
and the default cache answer). JSON, never cached, 503 when something is down."""

import sys

from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from hanoi_creative.core.views import server_error as site_server_error

from .outage import is_database_outage, outage_response


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def healthz(request):
    return _no_store(JsonResponse({"status": "ok"}))


def _database_ok():
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        # A failed check must not leave a broken connection for the next request.
        connection.close_if_unusable_or_obsolete()
        return False


def _cache_ok():
    cache = caches["default"]
    if hasattr(cache, "is_reachable"):
        return cache.is_reachable()
    try:
        cache.set("readyz", "1", 5)
        return cache.get("readyz") == "1"
    except Exception:
        return False


@never_cache
def readyz(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    ready = all(checks.values())
    body = {"status": "ok" if ready else "unavailable", "checks": checks}
    return _no_store(JsonResponse(body, status=200 if ready else 503))


def server_error(request):
    """The 500 handler: an unreachable database (raised in any middleware or view) is an outage,
    answered with 503; anything else is the site's own error page."""
    error = sys.exc_info()[1]
    if error is not None and is_database_outage(error):
        return outage_response(request, error)
    return site_server_error(request)
