"""Samskapa's one settings module, driven by environment variables.

Production defaults are safe: DEBUG is off unless asked for, and a secret key must be given
when DEBUG is off. A newcomer who runs `make run` gets DEBUG on through the Makefile.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Test settings are chosen by the environment only: pytest's configuration (pyproject.toml,
# pytest-env) sets SAMSKAPA_TESTING=1; importing pytest changes nothing.
TESTING = env_bool("SAMSKAPA_TESTING", False)

# Without DEBUG there is no default key. It stays empty, and Django refuses it at the first use
# that needs it (signing a session, a CSRF token, a link): the site cannot serve without a
# key, while commands that need none (makemigrations --check, compilemessages) still run.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and (DEBUG or TESTING):
    # Development only: a fixed key so sessions survive restarts of `make run`.
    SECRET_KEY = "dev-only-insecure-key-samskapa-not-for-production-use-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "samskapa.core",
    "samskapa.accounts",
    "samskapa.projects",
    "samskapa.toolkit",
    "samskapa.coalitions",
    "samskapa.coaching",
    "samskapa.library",
    "samskapa.conference",
    "samskapa.evaluation",
    "samskapa.connect",
    "samskapa.europe",
    "samskapa.api",
    "samskapa.showcase",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_htmx",
    "template_partials",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # Not "rest_framework": the API renders JSON only (no browsable API, so no templates or
    # static files of its own), and its Swedish catalogue would override Django's own form
    # messages ("Detta fält måste fyllas i.") on every page.
    "drf_spectacular",
    "django_filters",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The address decides the page's language; after authentication, so that a logged-in
    # person's choice counts where an address has no language (see the classes).
    "samskapa.core.middleware.AddressLanguageMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "samskapa.accounts.middleware.AccountLanguageMiddleware",
    "samskapa.accounts.middleware.StaffSessionTimeoutMiddleware",
    "samskapa.accounts.middleware.RequireStaffMFAMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "samskapa.core.middleware.PrivateCacheMiddleware",
    "samskapa.core.middleware.AuditDeniedMiddleware",
]

ROOT_URLCONF = "samskapa.urls"
WSGI_APPLICATION = "samskapa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "samskapa.core.context_processors.site",
            ],
        },
    },
]
# Fields render with one template, core/forms/field.html (`{{ field.as_field_group }}`), and
# widgets without a template each (samskapa/core/formrenderer.py).
FORM_RENDERER = "samskapa.core.formrenderer.FormRenderer"

# --- Database -------------------------------------------------------------------------------
# SQLite in the project folder unless DATABASE_URL says otherwise. SQLite runs in WAL mode with
# IMMEDIATE transactions and a busy timeout so concurrent writers wait instead of failing with
# "database is locked".
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'samskapa.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
# Connections are kept for a minute between requests (CONN_MAX_AGE): opening one costs more
# than most pages' queries (for SQLite, Django also registers its SQL functions on each).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache shared by every process ----------------------------------------------------------
# Rate limits and the login lockout count here, so every web process (and every machine) sees
# the same counts. Redis when REDIS_URL is set; otherwise a table in the database (created by
# core's migrations), which needs no extra server on SQLite or PostgreSQL.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "samskapa.core.cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "samskapa.core.cache.DatabaseCache",
            "LOCATION": "samskapa_cache",  # samskapa.core.models.CACHE_TABLE
            # Culling drops a third of the rows when the table is full, counters included:
            # room for far more keys than the site's rate limits ever hold at once.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

# Rendered charts are a pure function of their spec: each process keeps its own copies.
CACHES["charts"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "charts",
}

# The client's address for rate limits. Behind a reverse proxy every request comes from the
# proxy, so name the header the proxy sets (a request.META key such as
# "HTTP_X_FORWARDED_FOR") and how many proxies append to it; the address is the entry that many
# places from the right. Unset, the header is ignored: a client can write anything into it.
SAMSKAPA_CLIENT_IP_HEADER = os.environ.get("SAMSKAPA_CLIENT_IP_HEADER", "")
# Public pages in the shared cache are kept per release (samskapa.core.pagecache); unset, each
# process renders its own once.
SAMSKAPA_RELEASE = os.environ.get("SAMSKAPA_RELEASE", "")
# Pages for a logged-in person from the shared cache until anything is written to the database
# (samskapa.core.pagecache.personal_cache, samskapa.core.writes). On unless set to 0.
SAMSKAPA_PERSONAL_PAGE_CACHE = os.environ.get("SAMSKAPA_PERSONAL_PAGE_CACHE", "1") != "0"
SAMSKAPA_TRUSTED_PROXY_COUNT = max(1, int(os.environ.get("SAMSKAPA_TRUSTED_PROXY_COUNT", "1")))

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]  # tests only: fast hashing
    if TESTING
    else [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.ScryptPasswordHasher",
    ]
)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_ADAPTER = "samskapa.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"login": "samskapa.accounts.forms.LoginForm"}
# Samskapa has no open sign-up: people join through invitations (projects) or are created by
# staff. Everything else of allauth (login, verification, reset, rate limits) is used as is.
# Its rate limits (the login lockout: 5 failures in 5 minutes per e-mail address) count in the
# shared cache (CACHES); the account adapter gives them the client address and queues its mail.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samskapa] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Samskapa"
# TOTP secrets and recovery-code seeds are encrypted in the database with these Fernet keys
# (comma-separated, the current one first; docs/operating.md, Two-factor secrets). Required in
# production (`check --deploy`); DEBUG and tests derive one from SECRET_KEY when unset.
MFA_ADAPTER = "samskapa.accounts.adapters.MFAAdapter"
SAMSKAPA_MFA_KEYS = env_list("SAMSKAPA_MFA_KEYS", "")
SAMSKAPA_REQUIRE_STAFF_MFA = env_bool("SAMSKAPA_REQUIRE_STAFF_MFA", not DEBUG)
# Staff sessions end after 30 minutes without a request (docs/quality.md, security).
SAMSKAPA_STAFF_IDLE_SECONDS = 30 * 60
# ... and 8 hours after they logged in, however active (an absolute lifetime).
SAMSKAPA_STAFF_SESSION_MAX_SECONDS = int(
    os.environ.get("SAMSKAPA_STAFF_SESSION_MAX_SECONDS", str(8 * 60 * 60))
)
# Disclosure control of published results (samskapa/evaluation/disclosure.py): a count from 1
# to this threshold minus one is not published (docs/evaluation.md).
SAMSKAPA_DISCLOSURE_THRESHOLD = int(os.environ.get("SAMSKAPA_DISCLOSURE_THRESHOLD", "5"))

SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "samskapa" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["samskapa.formats"]
# No language cookie: the address decides the language, and a logged-in person's choice is kept
# in their account (samskapa.core.languages, docs/architecture.md).

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media-not-served/"  # media is only ever served through access-checked views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail and tasks -----------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samskapa <noreply@samskapa.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Immediate in development and tests; the database queue (`manage.py db_worker`) in production.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "SAMSKAPA_TASK_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend"
            if DEBUG or TESTING
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and not TESTING)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline script or style anywhere: every script and stylesheet is a file from 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Public API (samskapa/api, docs/api.md) ----------------------------------------------------
# Read-only and anonymous: no authentication, JSON only, paginated, throttled per client address
# in the shared cache (CACHES["default"]; samskapa.api.throttling).
SAMSKAPA_API_RATE = os.environ.get("SAMSKAPA_API_RATE", "120/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["samskapa.api.permissions.ReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_PAGINATION_CLASS": "samskapa.api.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["samskapa.api.throttling.ClientRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samskapa public API",
    "DESCRIPTION": (
        "Read-only data that Samskapa publishes: the conference programme, published results "
        "(after disclosure control), the European catalogue of social innovation initiatives "
        "and the directory of national competence centres. Anonymous, JSON, paginated and "
        "throttled per client address."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["samskapa.api.permissions.ReadOnly"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    # Codes only: the labels would be in whichever language generated the schema.
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
}

# --- Logging --------------------------------------------------------------------------------
# Structured logs (one JSON object a line, samskapa.core.logs.JsonFormatter) in production;
# readable lines in development and tests.
SAMSKAPA_LOG_JSON = env_bool("SAMSKAPA_LOG_JSON", not DEBUG and not TESTING)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "samskapa.core.logs.JsonFormatter"},
    },
    # Paths in log records become routes: a path can carry a link token (samskapa.core.logs).
    "filters": {"route_only": {"()": "samskapa.core.logs.RouteOnlyFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if SAMSKAPA_LOG_JSON else "plain",
            "filters": ["route_only"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # The incident handler logs every unhandled error with its incident id.
        "django.request": {"handlers": [], "level": "ERROR", "propagate": False},
    },
}

# The erasure log (samskapa.accounts.erasure_log): keyed hashes of erased e-mail addresses, kept
# outside the database so that `manage.py restore` re-applies erasures made after a backup.
# Put it next to the backups, never inside what a restore replaces.
SAMSKAPA_ERASURE_LOG = Path(
    os.environ.get("SAMSKAPA_ERASURE_LOG", BASE_DIR / "var" / "erasure-log.jsonl")
)
# The key of its hashes; by default derived from SECRET_KEY (set this one to keep the log
# readable when SECRET_KEY is rotated).
SAMSKAPA_ERASURE_LOG_KEY = os.environ.get("SAMSKAPA_ERASURE_LOG_KEY", "")

# Demo mode: `manage.py demo` (known accounts and passwords) runs only when it is on.
SAMSKAPA_DEMO = env_bool("SAMSKAPA_DEMO", DEBUG)
SAMSKAPA_SECURITY_CONTACT = os.environ.get("SAMSKAPA_SECURITY_CONTACT", "security@samskapa.test")

# Development and tests serve static files straight from the apps (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
