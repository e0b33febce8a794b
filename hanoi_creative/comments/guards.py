"""What keeps spam and floods out: the form token, rate limits, links, duplicates, word list.

The form token replaces the session CSRF token. Article pages are served from a shared page
cache (and a CDN), so their HTML must be the same for every reader: a session CSRF token baked
into it would be another reader's token, and an anonymous reader has no session at all. The
token is instead signed with the site's secret key and says which article and language the form
was shown for and when; it carries nothing about the reader. Forging it needs the secret key,
and a cross-site post gains an attacker nothing a reader could not do themselves (the comment
still waits for moderation, under the poster's own IP address and rate limits).
"""

import hashlib
import hmac
import logging
import re
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from hanoi_creative.search.text import fold

logger = logging.getLogger(__name__)

TOKEN_SALT = "hanoi_creative.comments.form"


def setting(name, default):
    return getattr(settings, name, default)


def min_seconds():
    """Fewer seconds than this between showing the form and posting it: a robot."""
    return setting("COMMENTS_MIN_SECONDS", 3)


def token_max_age():
    """A form older than this (a page kept open for days) is shown again with a fresh token."""
    return setting("COMMENTS_TOKEN_MAX_AGE", 7 * 24 * 3600)


def make_token(article_id, language, issued_at=None):
    issued_at = int(time.time() if issued_at is None else issued_at)
    return signing.dumps([article_id, language, issued_at], salt=TOKEN_SALT, compress=False)


class TokenError(Exception):
    """Why a token is refused: ``code`` is "invalid", "expired" or "too-fast"."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def check_token(token, article_id, language, now=None):
    try:
        value = signing.loads(token or "", salt=TOKEN_SALT)
        token_article, token_language, issued_at = value
        issued_at = int(issued_at)
    except (signing.BadSignature, TypeError, ValueError):
        raise TokenError("invalid") from None
    if token_article != article_id or token_language != language:
        raise TokenError("invalid")
    age = (time.time() if now is None else now) - issued_at
    if age > token_max_age():
        raise TokenError("expired")
    if age < min_seconds():
        raise TokenError("too-fast")


# Rate limits: counters in the shared cache (Redis in production), so every worker and every
# machine counts the same posts. A cache outage lets comments through (they still wait for
# moderation) rather than refusing every reader.
def rate_limits():
    """(scope, number of posts, window in seconds)."""
    return [
        ("ip", setting("COMMENTS_RATE_PER_IP", 5), setting("COMMENTS_RATE_WINDOW", 600)),
        ("article", setting("COMMENTS_RATE_PER_ARTICLE", 30), setting("COMMENTS_RATE_WINDOW", 600)),
    ]


def _count(key, window):
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:
        # Expired between add and incr: start a new window.
        cache.set(key, 1, window)
        return 1


def over_rate_limit(ip_hash, article_id):
    """Count this post; return the window (seconds) of the first limit it exceeds, or None."""
    keys = {"ip": ip_hash, "article": str(article_id)}
    try:
        for scope, limit, window in rate_limits():
            if _count(f"comments:rate:{scope}:{keys[scope]}", window) > limit:
                return window
    except Exception:  # noqa: BLE001 - any cache failure degrades to no limit
        logger.warning("comment rate limit unavailable (cache error); post allowed", exc_info=True)
    return None


def hash_ip(ip):
    """A keyed hash of an IP address: the same address gives the same hash, and the hash cannot
    be turned back into the address without the secret key."""
    if not ip:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"comments-ip:{ip}".encode(), hashlib.sha256).hexdigest()


_LINK = re.compile(r"(https?://|www\.|\b[a-z0-9-]+\.(?:com|net|org|vn|info|xyz|top|ru|io|biz)\b)", re.I)


def count_links(text):
    return len(_LINK.findall(text or ""))


def max_links():
    return setting("COMMENTS_MAX_LINKS", 2)


def fingerprint(text):
    return hashlib.sha256(fold(text).encode()).hexdigest()


def blocked_word(text, word_list):
    """The first entry of ``word_list`` (one per line) found in ``text``, ignoring accents and
    case, matched on whole words; or ''."""
    folded = f" {fold(text)} "
    for line in (word_list or "").splitlines():
        entry = fold(line)
        if entry and f" {entry} " in folded:
            return line.strip()
    return ""
