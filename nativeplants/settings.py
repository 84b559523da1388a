"""Settings for Native Plants, driven by environment variables.

Every value that differs between a laptop and a server is read from the
environment (see README, "Configuration") through `env` (nativeplants/environment.py,
which says how each kind of value is read), with defaults that are safe:
DEBUG is off unless asked for, and without DEBUG a SECRET_KEY must be given.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from nativeplants.environment import Environment
from plants.search_indexes import TRIGRAM_THRESHOLD

BASE_DIR = Path(__file__).resolve().parent.parent
env = Environment(os.environ)


def _local_secret_key() -> str:
    """A per-checkout key for local development, kept in a git-ignored file."""
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.flag("DEBUG")

SECRET_KEY = env.text("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. For local use, run `make run` (which sets DEBUG=1), "
            "or export SECRET_KEY."
        )
    SECRET_KEY = _local_secret_key()

ALLOWED_HOSTS = env.comma_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "plants",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags from the page content, so a revisit can be answered with 304 Not Modified.
    "plants.caching.ConditionalGetMiddleware",
    # Anonymous visitors' pages come from here, before sessions, CSRF and auth run (plants/caching.py).
    "plants.caching.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it can turn a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nativeplants.urls"

# The public site's templates (templates/) are Jinja2: it renders a plant page
# several times faster than Django's template language, which is most of an
# uncached page's cost.  The admin, sitemaps and form widgets keep Django's
# language, from the apps' own template folders (plants/templates/ holds the
# admin overrides).  Django's engine comes first: its names never collide
# with the public ones, and the admin is found without a miss.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "nativeplants.jinja2.environment"},
    },
]

WSGI_APPLICATION = "nativeplants.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env.text("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env.whole_number("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside a writer; the timeout makes a writer wait
    # for the lock instead of failing at once under concurrent requests.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend with a health check that costs no round trip (nativeplants/postgresql/).
    DATABASES["default"]["ENGINE"] = "nativeplants.postgresql"
    # A server that does not answer fails a request (and /healthz) in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # Parameters bound by the server, not pasted into the SQL by psycopg: a query a
    # connection runs a few times is then prepared once and only executed after that
    # (planning the plant page's one query cost more than running it). Off for a pooler
    # in transaction mode (PgBouncer's), whose server connections change under a
    # prepared statement.
    if env.flag("DB_PREPARED_STATEMENTS", True):
        DATABASES["default"]["OPTIONS"].setdefault("server_side_binding", True)
        DATABASES["default"]["OPTIONS"].setdefault("prepare_threshold", 5)
    # How alike a typed word must be to a plant's name for search to count it as
    # a (mis)spelling of it; set per connection so the trigram index can apply it.
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", f"-c pg_trgm.word_similarity_threshold={TRIGRAM_THRESHOLD}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.text("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.text("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT", str(BASE_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names so static files can be cached for a year.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SITE_NAME = "Native Plants"

# The project's own fixtures (`loaddata alumroot`) live at the top level.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# dumpdata/loaddata JSON that keeps times to the microsecond, so a dump loads back exactly.
SERIALIZATION_MODULES = {"json": "nativeplants.json_serializer"}

# Opt in to Django 6.0 behaviour now: a URL typed without a scheme means https.
FORMS_URLFIELD_ASSUME_HTTPS = True

# Upload limits for plant photos (checked on the decoded image, not the file name).
IMAGE_MAX_BYTES = env.whole_number("IMAGE_MAX_BYTES", 15 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.whole_number("IMAGE_MAX_PIXELS", 40_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = IMAGE_MAX_BYTES + 1024 * 1024

# Page cache for anonymous visitors: local memory unless REDIS_URL names a Redis server.
CACHE_SECONDS = env.whole_number("CACHE_SECONDS", 300)
REDIS_URL = env.text("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "nativeplants",
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "nativeplants"}
    }

# --- The JSON API (plants/api/) ------------------------------------------
# Read-only and anonymous: no authentication (so no session, no CSRF), JSON
# only (no browsable HTML pages, which would break the CSP and share cache
# keys with the JSON), and a per-address rate through the default cache.
API_THROTTLE_RATE = env.text("API_THROTTLE_RATE", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": API_THROTTLE_RATE},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "plants.api.errors.handle",
    # The client's address as the throttle counts it: X-Forwarded-For only behind trusted proxies.
    "NUM_PROXIES": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Native Plants API",
    "DESCRIPTION": (
        "Read-only data on North American native plants: the plant finder's filters and counts, "
        "every fact of a plant's page with its source and licence, the classification, and ZIP code zones."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    # The documentation's scripts and styles from this site, under its Content-Security-Policy.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No badge from validator.swagger.io: the page loads nothing from another origin.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}

# --- Security -------------------------------------------------------------
# HTTPS=1 when the site is served over HTTPS (always, in production): HTTP is
# redirected, cookies are sent over HTTPS only, and browsers are told by HSTS
# to use HTTPS for HSTS_SECONDS. `manage.py check --deploy` passes only with it.
HTTPS = env.flag("HTTPS")
SECURE_SSL_REDIRECT = HTTPS
# A load balancer may probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.whole_number("HSTS_SECONDS", 365 * 24 * 3600) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# No JavaScript here reads the CSRF cookie (forms carry the token), so keep it from scripts too.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
# Django's defaults, stated because the README and the tests rely on them.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# TRUSTED_PROXIES=N: N reverse proxies stand in front of Django, and each sets
# X-Forwarded-Proto and appends the client's address to X-Forwarded-For. Only
# then are those headers believed; a client that can reach Django directly
# could otherwise forge them (to look like HTTPS, or to dodge the login lock-out).
TRUSTED_PROXIES = env.whole_number("TRUSTED_PROXIES", 0)
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXIES
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXIES
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

# Content-Security-Policy (django-csp): everything from this origin only, and
# nothing inline. The plant page's JSON-LD is a data block, not a script, so it
# needs no exception. Photos on another origin (object storage) would need that
# origin added to img-src.
_SELF = "'self'"
_NONE = "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_NONE],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    }
}

# The admin, at ADMIN_URL (moving it off /admin/ turns away most scripted login attempts).
ADMIN_URL = env.text("ADMIN_URL", "admin/").strip("/") + "/"
if ADMIN_URL == "/":
    raise ImproperlyConfigured("ADMIN_URL must not be empty: give a path such as `admin/`.")

# Login lock-out (django-axes): AXES_FAILURE_LIMIT wrong passwords for one user
# name from one address lock that pair out for AXES_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.whole_number("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.whole_number("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nativeplants.lockout.locked_out"

# --- Logging --------------------------------------------------------------
# One line per record on stdout (for the platform's log collector): request
# errors carry the path; tracebacks are folded into the line; the secret key
# and sensitive POST values are blanked out (nativeplants/logs.py).
LOG_LEVEL = env.text("LOG_LEVEL", "WARNING").strip().upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {LOG_LEVEL!r}."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "one_line": {
            "()": "nativeplants.logs.OneLineFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "handlers": {
        "stdout": {"class": "nativeplants.logs.StdoutHandler", "formatter": "one_line"},
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Replaces Django's own handlers (stderr with DEBUG, e-mail to ADMINS without).
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # runserver's line per request, for local use.
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
