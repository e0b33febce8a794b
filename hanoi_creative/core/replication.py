"""A PostgreSQL read replica: is one in use, and has it replayed a change yet?

``edge.replica`` routes anonymous reads to the replica; ``edge.purge`` and the caches
(``caching.store``, ``caching.fragments``) must not keep a page built from a replica that has
not yet replayed the change the page is kept for.
"""

from django.conf import settings
from django.db import DatabaseError, connections

REPLICA = "replica"


def replica_configured():
    return REPLICA in settings.DATABASES and any(
        path.endswith(".ReplicaRouter") for path in getattr(settings, "DATABASE_ROUTERS", [])
    )


def primary_position():
    """The primary's WAL position now (just after a commit), when a replica serves reads."""
    if not replica_configured():
        return None
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()::text")
            return cursor.fetchone()[0]
    except DatabaseError:
        return None


def replica_replayed(position):
    """Has the replica replayed the primary's WAL up to ``position``? False when unreachable.

    A server that is not replaying (a primary, or a test database mirrored as the replica)
    answers NULL: it has everything.
    """
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])
            return cursor.fetchone()[0] is not False
    except DatabaseError:
        connections[REPLICA].close()
        return False
