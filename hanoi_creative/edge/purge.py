"""Purges by surrogate key, sent to Varnish in the background.

An editor's publish never waits on the HTTP cache and never fails because of it: keys are
queued once the transaction commits, a daemon thread sends them (``PURGE /`` with an
``xkey-purge`` header) to every address in ``VARNISH_PURGE_URLS``, and a target that is down
or refuses is logged. Keys queued while the thread is busy go out together in the next batch.

Wagtail's ``wagtail.contrib.frontend_cache`` purges by URL and derives a page's other-language
URLs by swapping the language prefix; our slugs differ per language, so it cannot find them.
Purging by key needs neither the URLs nor their number.

With a read replica, a purge waits (up to ``VARNISH_PURGE_REPLICA_WAIT`` seconds) until the
replica has replayed the change: otherwise Varnish could fetch the page again from an app
server reading a replica a few milliseconds behind, and keep the old version until it expires.
"""

import atexit
import logging
import queue
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.db import DatabaseError, connections, transaction

from hanoi_creative.core.replication import primary_position

logger = logging.getLogger(__name__)

# Varnish's default limit on one request header is 8 KiB.
KEYS_PER_REQUEST = 200


class Purger:
    def __init__(self):
        self._queue = queue.Queue()
        self._thread = None
        self._lock = threading.Lock()

    @property
    def targets(self):
        return list(getattr(settings, "VARNISH_PURGE_URLS", []))

    def purge(self, keys):
        """Queue ``keys`` for purging once the current transaction (if any) commits."""
        keys = [key for key in keys if key]
        if not keys or not self.targets:
            return
        transaction.on_commit(lambda: self._enqueue(keys, primary_position()), robust=True)

    def _enqueue(self, keys, position=None):
        self._queue.put((list(keys), position))
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="edge-purger", daemon=True)
                self._thread.start()

    def flush(self, timeout=5.0):
        """Wait until every queued key was sent (management commands call this at exit)."""
        with self._queue.all_tasks_done:
            self._queue.all_tasks_done.wait_for(lambda: not self._queue.unfinished_tasks, timeout)

    def _run(self):
        while True:
            batches = [self._queue.get()]
            while True:
                try:
                    batches.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                keys = list(dict.fromkeys(key for batch, _position in batches for key in batch))
                positions = [position for _batch, position in batches if position]
                if positions:
                    wait_for_replica(max(positions, key=_lsn_value))
                for target in self.targets:
                    for start in range(0, len(keys), KEYS_PER_REQUEST):
                        send(target, keys[start : start + KEYS_PER_REQUEST])
            except Exception:  # a purge must never take the thread down
                logger.exception("Purging %s failed", batches)
            finally:
                for _batch in batches:
                    self._queue.task_done()


def _lsn_value(lsn):
    high, _, low = lsn.partition("/")
    return (int(high, 16) << 32) + int(low, 16)


def wait_for_replica(position):
    """Wait until the replica has replayed ``position`` (bounded; a down replica is no wait)."""
    deadline = time.monotonic() + float(getattr(settings, "VARNISH_PURGE_REPLICA_WAIT", 2))
    try:
        with connections["replica"].cursor() as cursor:
            while time.monotonic() < deadline:
                cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])
                if cursor.fetchone()[0] is not False:  # True, or NULL on a primary
                    return
                time.sleep(0.02)
        logger.warning("Replica still behind %s; purging anyway", position)
    except DatabaseError as error:
        logger.info("Replica not reachable while purging (%s)", error)
        connections["replica"].close()


def send(target, keys):
    """One ``PURGE`` to one Varnish; returns True when it answered 200."""
    request = urllib.request.Request(
        target, method="PURGE", headers={"xkey-purge": " ".join(keys), "User-Agent": "hanoi-creative-purger"}
    )
    try:
        with urllib.request.urlopen(request, timeout=getattr(settings, "VARNISH_PURGE_TIMEOUT", 3)) as reply:
            reply.read()
            logger.info("Purged %d keys at %s", len(keys), target)
            return True
    except (urllib.error.URLError, OSError) as error:
        logger.warning(
            "Could not purge %d keys at %s (%s); cached copies expire on their own.", len(keys), target, error
        )
        return False


purger = Purger()
atexit.register(purger.flush)


def purge(keys):
    purger.purge(keys)
