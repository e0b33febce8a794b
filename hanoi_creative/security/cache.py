"""Django's Redis cache, except that an unreachable Redis behaves like an empty cache.

Wagtail keeps site-root paths and renditions in the default cache, and Django's Redis backend
raises on a refused connection, so a Redis outage would turn every page into an error. Here a
failed call returns what a cache miss returns; after a failure Redis is left alone for
``RETRY_SECONDS`` (no connection attempt per call while it is down), and the outage is logged
once per ``LOG_INTERVAL`` seconds rather than on every request. django-redis offers the same
through ``IGNORE_EXCEPTIONS``; this keeps Django's own backend and its settings instead.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("hanoi_creative.security.cache")

REDIS_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)


class TolerantRedisCache(RedisCache):
    RETRY_SECONDS = 2.0
    LOG_INTERVAL = 60.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._last_logged = float("-inf")
        self.failures = 0

    def _available(self):
        return time.monotonic() >= self._down_until

    def _failed(self, error):
        now = time.monotonic()
        with self._lock:
            self.failures += 1
            self._down_until = now + self.RETRY_SECONDS
            if now - self._last_logged >= self.LOG_INTERVAL:
                self._last_logged = now
                logger.error("cache unreachable, serving uncached: %s", error)

    def _call(self, method, default, *args, **kwargs):
        if not self._available():
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except REDIS_ERRORS as error:
            self._failed(error)
            return default

    def is_reachable(self):
        """For the readiness check: a real round trip, ignoring the back-off."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except REDIS_ERRORS:
            return False

    def add(self, key, value, timeout=None, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=None, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        if not self._available():
            raise ValueError(f"Key '{key}' not found (cache unreachable)")
        try:
            return super().incr(key, delta, version)
        except REDIS_ERRORS as error:
            self._failed(error)
            raise ValueError(f"Key '{key}' not found (cache unreachable)") from error

    def set_many(self, data, timeout=None, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
