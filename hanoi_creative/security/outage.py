"""The answer when the database is unreachable: 503, the site's own page in the visitor's
language from a template that needs no database, and Retry-After.

Django reconnects on the next request once the database is back (a connection that failed is
closed at the end of its request), so the site recovers by itself without a restart.
"""

import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger("hanoi_creative.security.outage")

_last_logged = [float("-inf")]
LOG_INTERVAL = 60.0


def is_database_outage(error):
    return isinstance(error, OperationalError | InterfaceError)


def outage_response(request, error):
    now = time.monotonic()
    if now - _last_logged[0] >= LOG_INTERVAL:
        _last_logged[0] = now
        logger.error("database unreachable, answering 503: %s", error)
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string("503.html", {"LANGUAGE_CODE": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    # Lets a layer that can do better (the read-replica router, retrying on the primary) tell
    # this answer from a view's own 503.
    response.database_outage = True
    return response
