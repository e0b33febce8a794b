"""Cache backends: Django's, with two costs of a page-cache hit taken out.

``UncompressedFileCache``: the page cache's store on one machine without Redis.

Django's ``FileBasedCache`` compresses every entry with zlib. The page cache reads an entry on
every hit and writes it once per generation, and a page is tens of kilobytes: decompressing it
was the largest single cost of a hit (about a fifth of its CPU time, ``docs/performance.md``),
while the uncompressed file stays in the operating system's page cache. Entries use their own
file suffix, so files written by the compressing backend are never read as plain pickles.

``RedisCache``: Django's Redis backend builds a new ``redis.Redis`` client object for every
operation (about 0.1 ms of CPU, half the cost of a small ``get``); this one keeps one client per
connection pool. A client is safe to share between threads, and its pool notices a fork and
opens new connections in the child, so gunicorn's workers never share a socket.
"""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.core.files import locks


class UncompressedFileCache(FileBasedCache):
    cache_suffix = ".page"

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return pickle.loads(file.read())  # noqa: S301 - written by this process's code
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as file:
                locks.lock(file, locks.LOCK_EX)
                try:
                    if self._is_expired(file):
                        return False
                    value = pickle.loads(file.read())  # noqa: S301
                    file.seek(0)
                    self._write_content(file, timeout, value)
                    file.truncate()
                    return True
                finally:
                    locks.unlock(file)
        except FileNotFoundError:
            return False


class _ReusedClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClient
