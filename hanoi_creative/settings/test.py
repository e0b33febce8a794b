"""Test settings: the dev defaults with fast hashing and media in a temporary folder."""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

from .dev import *  # noqa: F401,F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Servers started by a test read the test process's uploads through TEST_MEDIA_ROOT.
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="hanoi-creative-test-media-")
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WAGTAILADMIN_BASE_URL = "http://testserver"

# The live server's thread must not keep a connection open, or PostgreSQL refuses to drop
# the test database at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Off for the suite as a whole (tests roll back their transactions, so nothing would
# invalidate); the page-cache tests turn it on. Its files live in a throw-away folder.
# Servers started by a test share the test process's folder through PAGE_CACHE_DIR.
PAGE_CACHE = env_bool("PAGE_CACHE", False)  # noqa: F405
# The same for pieces of pages (their tests turn them on, tests/test_fragment_cache.py).
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", False)  # noqa: F405
PAGE_CACHE_DIR = os.environ.get("PAGE_CACHE_DIR") or tempfile.mkdtemp(prefix="hanoi-creative-test-pagecache-")
if not REDIS_URL:  # noqa: F405
    CACHES["pagecache"]["LOCATION"] = PAGE_CACHE_DIR  # noqa: F405

# `make test` runs the suite in several pytest-xdist workers (gw0, gw1, ...). Tests clear the
# whole cache, so each worker has a Redis database of its own: REDIS_URL's number plus the
# worker's (gw1 of redis://host:6379/9 uses database 10). Servers and commands a test starts
# inherit PYTEST_XDIST_WORKER and so share their worker's database. Media and page-cache
# folders are temporary folders per process already; pytest-django suffixes each worker's
# test database name with its id.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and XDIST_WORKER:  # noqa: F405
    _redis = urlsplit(REDIS_URL)  # noqa: F405
    _database = int(_redis.path.strip("/") or 0) + int(XDIST_WORKER.removeprefix("gw"))
    REDIS_URL = urlunsplit(_redis._replace(path=f"/{_database}"))
    CACHES["default"]["LOCATION"] = REDIS_URL  # noqa: F405
    CACHES["pagecache"]["LOCATION"] = REDIS_URL  # noqa: F405

# On PostgreSQL, a "replica" alias mirroring the test database, for the router's tests; the
# router itself stays off unless a test turns it on (tests/test_edge_replica.py).
if DATABASES["default"]["ENGINE"].endswith("postgresql") and "replica" not in DATABASES:  # noqa: F405
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
