"""HTTP caching rules: who may keep a copy of a response, and for how long.

- Anonymous pages (public HTML, feeds, the sitemap, JSON): ``public`` with a short ``max-age``
  for browsers and a longer ``s-maxage`` for a CDN or Varnish (which the site purges on
  publish), plus ``stale-while-revalidate`` and ``stale-if-error`` so a slow or failing origin
  still gets answered from the edge. A 404 is cacheable for a minute.
- The admin, anyone with a session (logged in, or past a page password), and any response that
  sets a cookie: ``private, no-store``.
- Every cacheable response carries an ``ETag``; conditional requests get ``304 Not Modified``.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

# Paths never cached by anyone but the visitor's own browser session.
PRIVATE_PREFIXES = ("/admin/", "/documents/")
# Served by WhiteNoise with its own far-future headers, or by the web server.
UNTOUCHED_PREFIXES = ("/static/", "/media/")
# Response headers a cached page may vary on: the language (for the few URLs without a
# language prefix, which is part of the cache key) and the cookie (only session-less requests
# are cached; a proxy in front strips other cookies).
ALLOWED_VARY = {"cookie", "accept-language"}


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def is_private_request(request):
    if request.path.startswith(PRIVATE_PREFIXES) or has_session(request):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated) or getattr(request, "is_preview", False)


def may_cache_request(request):
    """Could the answer to this request be shared between visitors?"""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(PRIVATE_PREFIXES + UNTOUCHED_PREFIXES)
        and not has_session(request)
    )


def _cache_control_forbids(response):
    value = response.get("Cache-Control", "").lower()
    return any(word in value for word in ("private", "no-store", "no-cache"))


def _varies_only_on_allowed(response):
    if not response.has_header("Vary"):
        return True
    names = {name.strip().lower() for name in response["Vary"].split(",")}
    return names <= ALLOWED_VARY


def may_share_response(request, response):
    """Is this response to a shareable request the same for every anonymous visitor?"""
    return (
        response.status_code in (200, 404)
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and not _cache_control_forbids(response)
        and _varies_only_on_allowed(response)
        and not is_private_request(request)
    )


def make_private(response):
    value = response.get("Cache-Control", "").lower()
    if "private" in value and "no-store" in value:
        return
    if response.has_header("Cache-Control"):
        del response.headers["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)


def make_public(response):
    if response.has_header("Cache-Control"):
        del response.headers["Cache-Control"]
    if response.status_code == 404:
        seconds = settings.HTTP_CACHE_404_SECONDS
        patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
    else:
        patch_cache_control(
            response,
            public=True,
            max_age=settings.HTTP_CACHE_MAX_AGE,
            s_maxage=settings.HTTP_CACHE_S_MAXAGE,
            stale_while_revalidate=settings.HTTP_CACHE_STALE_WHILE_REVALIDATE,
            stale_if_error=settings.HTTP_CACHE_STALE_IF_ERROR,
        )
