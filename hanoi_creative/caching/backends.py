"""The page cache's store on one machine without Redis: Django's file cache, uncompressed.

Django's ``FileBasedCache`` compresses every entry with zlib. The page cache reads an entry on
every hit and writes it once per generation, and a page is tens of kilobytes: decompressing it
was the largest single cost of a hit (about a fifth of its CPU time, ``docs/performance.md``),
while the uncompressed file stays in the operating system's page cache. Entries use their own
file suffix, so files written by the compressing backend are never read as plain pickles.
"""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
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
