"""Local development: safe defaults so `make run` works on a bare machine."""

import os

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
# A fixed key is fine for a local machine only; production refuses to start without one.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_AUTOREFRESH = True
# Templates change under a developer's hands: the page cache and the pieces of pages are
# opt-in locally (PAGE_CACHE=on, FRAGMENT_CACHE=on).
PAGE_CACHE = env_bool("PAGE_CACHE", False)
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", False)
