"""Test settings: the dev defaults with fast hashing and media in a temporary folder."""

import os
import tempfile

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
PAGE_CACHE_DIR = os.environ.get("PAGE_CACHE_DIR") or tempfile.mkdtemp(prefix="hanoi-creative-test-pagecache-")
if not REDIS_URL:  # noqa: F405
    CACHES["pagecache"]["LOCATION"] = PAGE_CACHE_DIR  # noqa: F405

# On PostgreSQL, a "replica" alias mirroring the test database, for the router's tests; the
# router itself stays off unless a test turns it on (tests/test_edge_replica.py).
if DATABASES["default"]["ENGINE"].endswith("postgresql") and "replica" not in DATABASES:  # noqa: F405
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
