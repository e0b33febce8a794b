"""Settings shared by every environment; everything that varies comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from hanoi_creative.core.languages import language_name

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the project's apps (README: "Installed apps").
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "hanoi_creative.core",
    "news",
    "hanoi_creative.translations",
    "hanoi_creative.newsroom",
    "hanoi_creative.search",
    "hanoi_creative.seo",
    "hanoi_creative.caching",
    "hanoi_creative.comments",
    "wagtail.contrib.settings",
    "django_tasks",
    "django_tasks_db",
    # After caching: its purges go out after the page cache has moved to a new generation.
    "hanoi_creative.edge",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so every query of the request (sessions included) reads from the chosen database.
    "hanoi_creative.edge.replica.ReplicaMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files leave here, already compressed by CompressedManifestStaticFilesStorage.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages (HTML, feeds, JSON) are gzipped here, with "Vary: Accept-Encoding". It sits above
    # every middleware that reads or changes the body, so it compresses their final output
    # (page-cache hits included: the cache keeps the uncompressed body); Django's gzip pads
    # each response with random bytes against BREACH-style guessing.
    "django.middleware.gzip.GZipMiddleware",
    # Before sessions and everything else: a page-cache hit skips the rest of the stack.
    "hanoi_creative.caching.middleware.PageCacheMiddleware",
    # Inside the page cache, so a stored page keeps its surrogate keys.
    "hanoi_creative.edge.middleware.SurrogateKeyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hanoi_creative.core.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "hanoi_creative.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # {{ settings.core.PublisherSettings }} in the footer (loaded once per request).
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "hanoi_creative.wsgi.application"

# Unset DATABASE_URL means an SQLite file under var/, so the site runs on a bare machine.
SQLITE_PATH = BASE_DIR / "var" / "db.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
# A PostgreSQL streaming replica for anonymous public reads (hanoi_creative/edge/replica.py).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
DATABASE_REPLICA_MAX_LAG = float(os.environ.get("DATABASE_REPLICA_MAX_LAG", "10"))
DATABASE_REPLICA_STICKY_SECONDS = int(os.environ.get("DATABASE_REPLICA_STICKY_SECONDS", "15"))
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]
    )
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 2
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["hanoi_creative.edge.replica.ReplicaRouter"]

# Varnish addresses to send surrogate-key purges to (hanoi_creative/edge/purge.py); empty: none.
VARNISH_PURGE_URLS = env_list("VARNISH_PURGE_URLS")

# SQLite allows one writer at a time. In WAL mode readers never block the writer; the busy
# timeout makes a second writer wait for the first instead of failing at once; and immediate
# transactions take the write lock at BEGIN, so a transaction that read first cannot find the
# data changed under it when it comes to write (SQLite answers that with "database is locked"
# whatever the timeout). Together they let the admin's autosave and a Publish a second later
# both succeed.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "hanoi_creative.caching.backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "hanoi_creative"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The full-page cache for anonymous visitors (hanoi_creative/caching): its own alias, so that
# its keys, timeouts and failure handling stay apart from the default cache. Redis when
# REDIS_URL is set (shared by every worker and machine); otherwise files under var/, which
# every worker of one machine shares (a local-memory cache would give each worker its own).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
PAGE_CACHE_404_SECONDS = 60
PAGE_CACHE_DIR = Path(os.environ.get("PAGE_CACHE_DIR", BASE_DIR / "var" / "pagecache"))
if REDIS_URL:
    CACHES["pagecache"] = {
        "BACKEND": "hanoi_creative.caching.backends.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "hanoi_creative") + ":page",
        "TIMEOUT": PAGE_CACHE_SECONDS,
        # A Redis that hangs must cost a request a fraction of a second, not a worker timeout.
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
else:
    CACHES["pagecache"] = {
        "BACKEND": "hanoi_creative.caching.backends.UncompressedFileCache",
        "LOCATION": str(PAGE_CACHE_DIR),
        "TIMEOUT": PAGE_CACHE_SECONDS,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }

# Pieces of pages (menus, footer, an article's text and lists) kept in each worker's memory
# for one content generation (hanoi_creative/caching/fragments.py): they make a page that the
# page cache does not hold cheaper to build. FRAGMENT_CACHE=off builds everything every time.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", True)
FRAGMENT_CACHE_ENTRIES = int(os.environ.get("FRAGMENT_CACHE_ENTRIES", "2000"))
FRAGMENT_CACHE_SECONDS = PAGE_CACHE_SECONDS

# HTTP caching of anonymous pages (browsers and a CDN or Varnish in front), in seconds: a short
# max-age for browsers, a longer s-maxage for shared caches that are purged on publish.
HTTP_CACHE_MAX_AGE = int(os.environ.get("HTTP_CACHE_MAX_AGE", "60"))
HTTP_CACHE_S_MAXAGE = int(os.environ.get("HTTP_CACHE_S_MAXAGE", "600"))
HTTP_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("HTTP_CACHE_STALE_WHILE_REVALIDATE", "60"))
HTTP_CACHE_STALE_IF_ERROR = int(os.environ.get("HTTP_CACHE_STALE_IF_ERROR", "86400"))
HTTP_CACHE_404_SECONDS = 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese is the default and source language.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", _("Vietnamese")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["hanoi_creative.core.formats"]
LANGUAGE_COOKIE_NAME = "django_language"

MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_LANGUAGES = ("vi", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi",)
# Editors see each field's language in words, "Tiêu đề (Tiếng Việt)", not "Tiêu đề [vi]".
LANGUAGE_NATIVE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def localized_verbose_name(verbose_name, language):
    return f"{verbose_name} ({LANGUAGE_NATIVE_NAMES.get(language, language)})"


MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_verbose_name
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_SITE_NAME = "Hà Nội – Thành phố sáng tạo"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.SiteImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Alt text required in Vietnamese, every upload decoded in full (see newsroom/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "hanoi_creative.newsroom.forms.SiteImageForm"
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Each language named in itself ("Tiếng Việt", "English"), from Django's own table.
WAGTAILADMIN_PERMITTED_LANGUAGES = [(code, language_name(code)) for code, _name in LANGUAGES]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
    # The public site search: per-language, accent-insensitive documents (hanoi_creative/search).
    "site": {"BACKEND": "hanoi_creative.search.backend"},
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # The admin's search ignores accents too; site_search's migration creates this configuration.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "hc_unaccent"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No admin request leaves the site: no gravatar.com avatars, no releases.wagtail.org check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded images served by Django itself: for one machine without a web server in front
# (`make serve` turns it on); nginx serves MEDIA_ROOT directly in the deployment in deploy/.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background tasks (django-tasks). Wagtail's own small tasks stay immediate (the default
# backend); translation imports go to a database queue that `manage.py db_worker --backend
# imports` works through (`make worker`; started by `make run`).
TASKS = {
    # Immediate, but deferred to the end of a bulk write (hanoi_creative/core/deferred.py).
    "default": {"BACKEND": "hanoi_creative.core.deferred.DeferringImmediateBackend"},
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"hanoi_creative.edge": {"level": os.environ.get("EDGE_LOG_LEVEL", "WARNING")}},
}


# --- Hardening: security headers, login protection, outages, e-mail ------------------------
# One block, read with docs/operations.md ("Security and outages"); hanoi_creative/security
# holds the code. Anything added to MIDDLEWARE here is placed by name, not by index, so a page
# cache inserted before these entries keeps answering while the database is down.
import dj_email_url  # noqa: E402
from csp.constants import NONE, SELF  # noqa: E402

INSTALLED_APPS += [  # noqa: F405
    "hanoi_creative.security",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

# Outermost: refuse TRACE, strip HEAD bodies. After the session and authentication: the admin's
# two-factor check and the login lockout (django-axes wants to be last). The database-outage
# answer comes from the 500 handler and DatabaseOutageMiddleware, both inside any page cache.
MIDDLEWARE.insert(0, "hanoi_creative.security.middleware.MethodGuardMiddleware")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "hanoi_creative.security.middleware.SecurityHeadersMiddleware",
)
# Inside the page cache: a stored page keeps its policy header (the public policy has no nonce),
# so a hit does not build the policy again.
MIDDLEWARE.insert(
    MIDDLEWARE.index("hanoi_creative.caching.middleware.PageCacheMiddleware") + 1,
    "hanoi_creative.security.middleware.SiteCSPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE += [
    "hanoi_creative.security.middleware.SuperuserOTPMiddleware",
    "hanoi_creative.security.middleware.DatabaseOutageMiddleware",
    "hanoi_creative.security.middleware.UploadStorageErrorMiddleware",
    "axes.middleware.AxesMiddleware",
]

# The public policy: no inline script or style, nothing from other origins, no nonce (pages are
# cached whole). JSON-LD data blocks are not scripts and need no source.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "media-src": [SELF],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
    },
}
# The admin's policy (paths under /admin/): Wagtail 8's editor and choosers still run inline
# scripts (chooser URLs, editor set-up) and set inline styles, and read image previews from
# blob: URLs; previews are framed by the admin itself. Nothing is loaded from other origins.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "media-src": [SELF, "blob:"],
    "frame-src": [SELF, "https:"],
    "worker-src": [SELF, "blob:"],
    "form-action": [SELF],
    "base-uri": [SELF],
    "frame-ancestors": [SELF],
    "object-src": [NONE],
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Login protection: django-axes counts failures in the database (shared by every worker and
# machine) per user name and per address; unlock with `manage.py axes_reset_username NAME`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_LOCKOUT_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "hanoi_creative.security.logins.client_ip"
# Proxies in front of the site that append to X-Forwarded-For (0: use the peer address).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
# Two-factor (TOTP) sign-in for staff through django-otp; required for superusers when on.
WAGTAILADMIN_USER_LOGIN_FORM = "hanoi_creative.security.forms.LoginForm"
OTP_REQUIRED_FOR_SUPERUSERS = env_bool("OTP_REQUIRED_FOR_SUPERUSERS", False)
OTP_TOTP_ISSUER = "Hanoi Creative City"

# Media uploads: no partial file on a full or read-only disk; a form error instead of a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "hanoi_creative.security.forms.StorageCheckedImageForm"
STORAGES["default"] = {"BACKEND": "hanoi_creative.security.storage.CleanFileSystemStorage"}

# E-mail: EMAIL_URL (smtp://user:password@host:587/?tls=True) or EMAIL_HOST and friends.
if os.environ.get("EMAIL_URL"):
    globals().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
else:
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Sender of notifications and password resets; sender and receivers of error mails.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
)
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [(address, address) for address in env_list("DJANGO_ADMINS")]
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "hanoi_creative.security.forms.PasswordResetForm"

# The default cache (Wagtail's site roots, renditions): a Redis outage means uncached serving
# and one logged error per interval, never an error page.
if REDIS_URL:
    CACHES["default"]["BACKEND"] = "hanoi_creative.security.cache.TolerantRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update({"socket_connect_timeout": 0.5, "socket_timeout": 0.5})
DATABASE_OUTAGE_RETRY_AFTER = 30

LOGGING["filters"] = {"quiet": {"()": "hanoi_creative.security.logging.QuietProbesAndOutages"}}
LOGGING["loggers"] = {
    "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False, "filters": ["quiet"]},
    # Successful and failed sign-ins, lockouts, outages: INFO and up.
    "hanoi_creative.security": {"handlers": ["console"], "level": "INFO", "propagate": False},
    "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
}
# --- end of hardening ----------------------------------------------------------------------
