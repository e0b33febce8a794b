"""Anonymous public reads from a PostgreSQL read replica; everything else from the primary.

With ``DATABASE_REPLICA_URL`` set, settings add a ``replica`` database and this router.
``ReplicaMiddleware`` decides per request: only an anonymous GET/HEAD outside the admin, from a
reader who has not just written something, may read from the replica, and only while the
replica answers and is no further behind than ``DATABASE_REPLICA_MAX_LAG`` seconds. Inside a
transaction every read goes to the primary (Wagtail's page moves and publishes read and write
in one transaction, and must see their own writes). Writes always go to the primary.

After a write (any POST, PUT, PATCH or DELETE), the answer sets a short-lived
``hc_primary`` cookie: that reader's next requests read from the primary (and pass Varnish),
so they see their own comment or edit although the replica may still be catching up.
"""

import contextvars
import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections

from hanoi_creative.core.replication import REPLICA, replica_configured

logger = logging.getLogger(__name__)

STICKY_COOKIE = "hc_primary"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

_use_replica = contextvars.ContextVar("use_replica", default=False)

# The replica's lag in seconds; 0 when it has replayed everything it received. (After a restart
# the receive position starts at the beginning of a WAL segment, behind the replay position.)
LAG_SQL = """
    SELECT CASE
        WHEN NOT pg_is_in_recovery() THEN 0
        WHEN pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
        ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
    END
"""


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _use_replica.get() and not connections["default"].in_atomic_block:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Both databases hold the same rows.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaHealth:
    """Whether the replica may serve reads, checked at most every ``interval`` seconds."""

    def __init__(self, interval=2.0):
        self.interval = interval
        self._checked_at = 0.0
        self._usable = False
        self._lock = threading.Lock()

    def usable(self):
        now = time.monotonic()
        if now - self._checked_at < self.interval:
            return self._usable
        with self._lock:
            if now - self._checked_at >= self.interval:
                self._usable = self._check()
                self._checked_at = time.monotonic()
        return self._usable

    def mark_down(self):
        self._usable = False
        self._checked_at = time.monotonic()

    def _check(self):
        max_lag = float(getattr(settings, "DATABASE_REPLICA_MAX_LAG", 10))
        try:
            with connections[REPLICA].cursor() as cursor:
                cursor.execute(LAG_SQL)
                lag = float(cursor.fetchone()[0])
        except DatabaseError as error:
            logger.warning("Read replica unavailable, reading from the primary: %s", error)
            _close_quietly()
            return False
        if lag > max_lag:
            logger.warning(
                "Read replica %.1f s behind (bound %.1f s): reading from the primary", lag, max_lag
            )
            return False
        return True


health = ReplicaHealth()


def _close_quietly():
    try:
        connections[REPLICA].close()
    except DatabaseError:
        pass


def reads_from_replica(request):
    if request.method not in SAFE_METHODS:
        return False
    if request.path.startswith("/admin/") or request.path.startswith("/django-admin/"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or STICKY_COOKIE in request.COOKIES:
        return False
    return health.usable()


class ReplicaMiddleware:
    """Chooses the database for the request's reads; put it first in ``MIDDLEWARE``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.sticky_seconds = int(getattr(settings, "DATABASE_REPLICA_STICKY_SECONDS", 15))

    def __call__(self, request):
        use_replica = replica_configured() and reads_from_replica(request)
        token = _use_replica.set(use_replica)
        request.reads_from_replica = use_replica
        try:
            response = self.get_response(request)
            if use_replica and getattr(response, "database_outage", False):
                # The replica failed somewhere inside the stack and the outage answer caught
                # it: read the page again from the primary instead.
                response = self._read_from_primary(request, "the outage answer")
        finally:
            _use_replica.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                STICKY_COOKIE, "1", max_age=self.sticky_seconds, httponly=True, samesite="Lax"
            )
        return response

    def process_exception(self, request, exception):
        # The replica went away during this request (a safe, read-only one): read it again
        # from the primary instead of answering with an error.
        if getattr(request, "reads_from_replica", False) and isinstance(exception, DatabaseError):
            return self._read_from_primary(request, exception)
        return None

    def _read_from_primary(self, request, reason):
        logger.warning("Read replica failed during %s, retrying on the primary: %s", request.path, reason)
        health.mark_down()
        _close_quietly()
        request.reads_from_replica = False
        token = _use_replica.set(False)
        try:
            return self.get_response(request)
        finally:
            _use_replica.reset(token)
