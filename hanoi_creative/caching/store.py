"""Cached pages and the content generation.

Every cached page is stored with the generation it was rendered under. Any change to what the
public sees replaces the generation (after the change commits), so every cached page in both
languages, on every worker and machine sharing the cache, stops matching at once; the next
request for each URL renders it again. A page and the current generation are read in one round
trip (``get_many``).

The generation also carries the next moment a page goes live or expires by its schedule, so a
listing never outlives an article's expiry even if ``publish_scheduled`` has not run yet.

The cache is a copy: any error reading or writing it is a miss, logged at most once a minute,
and the cache is left alone for a few seconds. A process that saw an error replaces the
generation when the cache answers again, so a change made while the cache was unreachable
cannot leave older pages in it.
"""

import atexit
import hashlib
import itertools
import logging
import secrets
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

from hanoi_creative.core.replication import primary_position, replica_replayed

logger = logging.getLogger(__name__)

ALIAS = "pagecache"
GENERATION_KEY = "generation"
RETRY_SECONDS = 5
LOG_INTERVAL_SECONDS = 60


class _Health:
    """This process's view of the cache: reachable, or left alone until ``retry_at``."""

    retry_at = 0.0
    logged_at = float("-inf")
    replace_generation = False
    retry_registered = False


health = _Health()
_tickets = itertools.count()
_committed = threading.local()


def enabled():
    return settings.PAGE_CACHE


def _cache():
    return caches[ALIAS]


def _failed(action, error):
    now = time.monotonic()
    health.retry_at = now + RETRY_SECONDS
    health.replace_generation = True
    if now - health.logged_at >= LOG_INTERVAL_SECONDS:
        health.logged_at = now
        logger.warning(
            "Page cache unavailable (%s): serving uncached. %s: %s", action, type(error).__name__, error
        )


def _usable():
    if time.monotonic() < health.retry_at:
        return False
    if health.replace_generation:
        # The cache answers again after an error: whatever changed meanwhile may not have
        # reached it, so start a new generation before trusting what it holds.
        try:
            _write_generation()
        except Exception as error:  # noqa: BLE001 - any cache failure is a miss
            _failed("new generation", error)
            return False
        health.replace_generation = False
    return True


def _next_scheduled_change():
    """The next go-live or expiry time of a page, as a timestamp, or None."""
    from wagtail.models import Page

    now = timezone.now()
    found = Page.objects.filter(Q(go_live_at__gt=now) | Q(expire_at__gt=now, live=True)).aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expire=Min("expire_at", filter=Q(expire_at__gt=now, live=True)),
    )
    times = [moment.timestamp() for moment in found.values() if moment is not None]
    return min(times) if times else None


def _new_generation():
    return {
        "token": secrets.token_hex(8),
        "changed": time.time(),
        "until": _next_scheduled_change(),
        # With a read replica: what it must have replayed before pages built from it are kept.
        "position": primary_position(),
    }


def _write_generation():
    generation = _new_generation()
    # Longer than any page it covers, so a page can never outlive its generation.
    _cache().set(GENERATION_KEY, generation, timeout=settings.PAGE_CACHE_SECONDS * 2)
    return generation


def _current(generation):
    """The generation to use, starting a new one when there is none or its schedule passed."""
    if generation is not None and (generation["until"] is None or time.time() < generation["until"]):
        return generation
    if generation is None:
        fresh = _new_generation()
        # Several workers may start at once: the first one's generation wins.
        if _cache().add(GENERATION_KEY, fresh, timeout=settings.PAGE_CACHE_SECONDS * 2):
            return fresh
        return _cache().get(GENERATION_KEY) or fresh
    return _write_generation()


def page_key(request, language):
    """One entry per scheme, host, language and full path with its query string."""
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.blake2b(raw.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return f"page:{language}:{digest}"


def lookup(key):
    """``(entry or None, generation or None)``; the generation is None when the cache is out."""
    if not _usable():
        return None, None
    try:
        found = _cache().get_many([GENERATION_KEY, key])
        generation = _current(found.get(GENERATION_KEY))
    except Exception as error:  # noqa: BLE001 - any cache failure is a miss
        _failed("read", error)
        return None, None
    entry = found.get(key)
    if entry is None or entry["generation"] != generation["token"]:
        return None, generation
    return entry, generation


def current():
    """The current generation (one cache read), or None when the cache is out."""
    if not _usable():
        return None
    try:
        return _current(_cache().get(GENERATION_KEY))
    except Exception as error:  # noqa: BLE001 - any cache failure means nothing is kept
        _failed("read", error)
        return None


# Generations whose change this process has seen the read replica replay.
_replayed = set()


def may_keep(request, generation):
    """May what this request builds be kept under ``generation``?

    Not when it reads from a read replica that has not replayed the change that started the
    generation yet: the page would show the content from before the change for as long as the
    generation lasts. One query per generation and process once the replica has caught up.
    """
    position = generation.get("position")
    if position is None or not getattr(request, "reads_from_replica", False):
        return True
    if generation["token"] in _replayed:
        return True
    if not replica_replayed(position):
        return False
    if len(_replayed) > 100:
        _replayed.clear()
    _replayed.add(generation["token"])
    return True


def store(key, generation, entry, timeout):
    if not _usable():
        return
    entry["generation"] = generation["token"]
    try:
        _cache().set(key, entry, timeout=timeout)
    except Exception as error:  # noqa: BLE001 - any cache failure only loses this copy
        _failed("write", error)


def invalidate_all():
    """Start a new generation now: every cached page is out of date."""
    try:
        _write_generation()
    except Exception as error:  # noqa: BLE001
        _failed("invalidate", error)
        # A short-lived command (publish_scheduled, an import) may end before the cache is
        # back; try once more on the way out.
        if not health.retry_registered:
            health.retry_registered = True
            atexit.register(_retry_at_exit)
        return False
    health.replace_generation = False
    return True


def _retry_at_exit():
    if health.replace_generation:
        health.retry_at = 0.0
        _usable()


def invalidate_on_commit(using=None):
    """Invalidate once the current transaction commits (at once outside a transaction).

    Before the commit, another worker could render the old content under the new generation.
    Many changes in one transaction (an import, a bulk publish) invalidate once: a callback
    skips itself when another one already invalidated after it was registered, which on one
    connection can only be that same transaction's commit.
    """
    if not transaction.get_connection(using).in_atomic_block:
        invalidate_all()
        return
    ticket = next(_tickets)

    def after_commit():
        if getattr(_committed, "ticket", -1) > ticket:
            return
        _committed.ticket = next(_tickets)
        invalidate_all()

    transaction.on_commit(after_commit, using=using, robust=True)
