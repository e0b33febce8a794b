"""Pieces of pages kept for one content generation, in each worker's memory.

The page cache keeps whole responses, one per URL. A page it does not hold (its first request
after a change, a URL with a tracking parameter such as ``?fbclid=…``, ``PAGE_CACHE=off``) is
built again, and most of what it is built from is the same for every
page and every visitor: the header menu, the footer, an article's text, its lists of other
articles. Those pieces are kept here, keyed by the same content generation as the page cache
(``store``): any change the public could see starts a new generation, on every worker and
machine sharing the cache, so a piece from before the change is never found again.

Why memory and not the shared cache: a piece's key holds the generation, so the markup under a
key never changes and a worker can keep it without asking anyone; reading it costs a dictionary
lookup instead of a network round trip and unpickling. Only the generation itself is read from
the shared cache, once per request (the page cache has read it already when it is on). A
worker keeps the ``FRAGMENT_CACHE_ENTRIES`` most recently used pieces (those of past generations
are never used again and go first), each for at most ``FRAGMENT_CACHE_SECONDS`` (as long as
the page cache keeps a page: what depends on the time, such as a comment form's token or an
article's comments closing after some days, is as old at most as in a cached page); a new
deploy starts new workers with none.

Nothing is kept for previews (a draft is not the live page), for requests with a session (signed
in, or past a page password) or other than GET/HEAD, for requests reading a read replica that
has not replayed the generation's change yet (``store.may_keep``), when the generation cannot be
read (the cache is down: everything is built, nothing fails), or when ``FRAGMENT_CACHE`` is off.
"""

import threading
import time
from collections import OrderedDict
from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation

from . import headers, store

_MISSING = object()


class _Pieces:
    """The most recently used pieces, under keys that begin with their generation."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = OrderedDict()

    def get(self, key):
        with self.lock:
            value = self.entries.get(key, _MISSING)
            if value is not _MISSING:
                self.entries.move_to_end(key)
            return value

    def put(self, key, value):
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            # Pieces of a past generation are never asked for again and go first.
            while len(self.entries) > settings.FRAGMENT_CACHE_ENTRIES:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


_pieces = _Pieces()


def clear():
    """Forget every piece (tests; a worker never needs to)."""
    _pieces.clear()


# Query-string parameters that only say where a visitor came from (links shared on Facebook
# and Zalo, newsletters, ads): the page is the same with or without them.
TRACKING_PARAMETERS = {"fbclid", "gclid", "zarsrc", "utm_source", "utm_medium", "utm_campaign"}
TRACKING_PARAMETERS |= {"utm_term", "utm_content", "mc_cid", "mc_eid"}


def page_address(request):
    """The request's path and query string, tracking parameters left out."""
    if request is None:
        return ""
    query = [(name, value) for name, value in request.GET.lists() if name not in TRACKING_PARAMETERS]
    return request.path + ("?" + urlencode(query, doseq=True) if query else "")


def generation(request):
    """The content generation this request's pieces are kept under, or None (keep nothing).

    Only for the requests the page cache could share (reading, no session): a form sent back
    with its errors, a signed-in editor's page or one behind a page password is that visitor's
    own.
    """
    if (
        request is None
        or not settings.FRAGMENT_CACHE
        or not headers.may_cache_request(request)
        or getattr(request, "is_preview", False)
    ):
        return None
    try:
        return request.fragment_generation
    except AttributeError:
        pass
    try:
        current = request.content_generation  # read by the page cache already
    except AttributeError:
        current = request.content_generation = store.current()
    keep = current is not None and store.may_keep(request, current)
    request.fragment_generation = current["token"] if keep else None
    return request.fragment_generation


def _key(token, request, name, parts):
    # Pieces may hold absolute URLs (share links, canonical addresses): the scheme and host
    # belong to the key, as does the language every text and URL is in.
    return (token, name, request.scheme, request.get_host(), translation.get_language(), *parts)


def remembered(request, name, parts, compute):
    """``compute()`` for this generation, language and host: kept after the first call.

    ``parts`` must name everything else the result depends on (a page's id, a page number);
    the result must be the same for every visitor.
    """
    token = generation(request)
    if token is None:
        return compute()
    key = _key(token, request, name, parts)
    now = time.monotonic()
    found = _pieces.get(key)
    if found is not _MISSING and found[1] > now:
        return found[0]
    value = compute()
    _pieces.put(key, (value, now + settings.FRAGMENT_CACHE_SECONDS))
    return value
