import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date
from django.utils.translation import get_language_from_request

from . import headers, store

# Headers that belong to one response, never to a stored copy.
_NOT_STORED = {"set-cookie", "x-cache", "date"}


class PageCacheMiddleware:
    """Serves anonymous GET/HEAD requests from the page cache and sets HTTP caching headers.

    It sits right after WhiteNoise, before sessions, locale and the views: a hit costs a cache
    round trip and nothing else. Everything a request or response must be to be shared is in
    ``headers``; the cache itself and its invalidation are in ``store``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(headers.UNTOUCHED_PREFIXES):
            return self.get_response(request)
        shareable = headers.may_cache_request(request)
        use_cache = shareable and store.enabled()
        key = generation = None
        if use_cache:
            key = store.page_key(request, get_language_from_request(request, check_path=True))
            entry, generation = store.lookup(key)
            # The pieces a miss is built from are kept under the same generation (fragments).
            request.content_generation = generation
            if entry is not None:
                response = self._from_entry(entry)
                return self._answer(request, response, entry["etag"], entry["last_modified"], "hit")

        response = self.get_response(request)

        if not (shareable and headers.may_share_response(request, response)):
            if headers.is_private_request(request) or response.cookies:
                headers.make_private(response)
            return response

        headers.make_public(response)
        if not response.has_header("ETag"):
            set_response_etag(response)
        last_modified = generation["changed"] if generation else None
        if last_modified is not None and not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(last_modified)
        if not use_cache:
            return self._answer(request, response, response["ETag"], last_modified, None)
        if generation is not None and request.method == "GET" and store.may_keep(request, generation):
            timeout = settings.PAGE_CACHE_SECONDS
            if response.status_code == 404:
                timeout = settings.PAGE_CACHE_404_SECONDS
            if generation["until"] is not None:
                timeout = max(1, min(timeout, int(generation["until"] - time.time()) + 1))
            store.store(key, generation, self._to_entry(response, last_modified), timeout)
        return self._answer(request, response, response["ETag"], last_modified, "miss")

    @staticmethod
    def _answer(request, response, etag, last_modified, cache_state):
        if cache_state:
            response["X-Cache"] = cache_state
        if response.status_code == 200:
            timestamp = int(last_modified) if last_modified else None
            conditional = get_conditional_response(
                request, etag=etag, last_modified=timestamp, response=response
            )
            if conditional is not response:
                if cache_state:
                    conditional["X-Cache"] = cache_state
                return conditional
        return response

    @staticmethod
    def _to_entry(response, last_modified):
        return {
            "status": response.status_code,
            "headers": [(name, value) for name, value in response.items() if name.lower() not in _NOT_STORED],
            "content": response.content,
            "etag": response["ETag"],
            "last_modified": last_modified,
        }

    @staticmethod
    def _from_entry(entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        return response
