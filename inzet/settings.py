"""Inzet settings. Everything that differs per installation comes from INZET_* variables.

Development defaults are safe to run on a laptop; `INZET_ENV=production` refuses to start
with missing or unsafe values and passes `manage.py check --deploy`.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from inzet.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("INZET_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

ENV = env_str("INZET_ENV", "development")
if ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured("INZET_ENV must be development, test or production")
PRODUCTION = ENV == "production"

DEBUG = env_bool("INZET_DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("INZET_DEBUG cannot be on in production")

_DEV_SECRET = "inzet-development-secret-key-do-not-use-in-production-0123456789"
SECRET_KEY = env_str("INZET_SECRET_KEY", "" if PRODUCTION else _DEV_SECRET)
if PRODUCTION and (len(SECRET_KEY) < 50 or SECRET_KEY == _DEV_SECRET):
    raise ImproperlyConfigured("Set INZET_SECRET_KEY to a random value of at least 50 characters")

# Keys for the encrypted special-category fields (comma-separated Fernet keys, newest first,
# so old keys can still decrypt during rotation).
_DEV_FIELD_KEY = "q4Kc2v1y8mU0bZ6Xn7sTqL3eR5wJ9aHdG2fP8kV1cYo="
FIELD_ENCRYPTION_KEYS = env_list("INZET_FIELD_KEYS", [] if PRODUCTION else [_DEV_FIELD_KEY])
if PRODUCTION and (not FIELD_ENCRYPTION_KEYS or _DEV_FIELD_KEY in FIELD_ENCRYPTION_KEYS):
    raise ImproperlyConfigured("Set INZET_FIELD_KEYS to one or more Fernet keys")

ALLOWED_HOSTS = env_list("INZET_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set INZET_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("INZET_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("INZET_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "inzet.lib",
    "inzet.accounts",
    "inzet.organisations",
    "inzet.dashboard",
    "inzet.taxonomy",
    "inzet.experts",
    "inzet.recruitment",
    "inzet.directory",
    "inzet.engagements",
    "inzet.matching",
    "inzet.compensation",
    "inzet.api",
    "inzet.support",
    "inzet.privacy",
    "inzet.knowledge",
    "inzet.training",
    "inzet.neighbourhood",
    "inzet.signals",
    "inzet.network",
    "inzet.conversations",
    "inzet.evaluation",
    "inzet.backup",
    "inzet.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "inzet.lib.sessions.SlidingSessionMiddleware",  # Django's, saving at most once a minute
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "inzet.lib.uploads.UploadLimitMiddleware",  # before CSRF: it reads the body
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "inzet.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "inzet.lib.headers.NoStoreForPeopleMiddleware",
    "inzet.lib.idempotency.IdempotencyMiddleware",  # last: only requests that reach a view claim a token
]

if PRODUCTION:
    # Static files are served by the app itself (no extra web server needed) in production.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "inzet.urls"
WSGI_APPLICATION = "inzet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "inzet" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["inzet.lib.templatetags.idempotency"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inzet.accounts.context_processors.roles",
                "inzet.accounts.context_processors.navigation",
                "inzet.conversations.context_processors.unread",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("INZET_DATABASE_URL", f"sqlite:///{VAR_DIR / 'inzet.sqlite3'}"),
        conn_max_age=env_int("INZET_DB_CONN_MAX_AGE", 60),
        # A kept connection may have died (PostgreSQL restarted): check it before reuse instead
        # of answering the first request of every worker with a 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process and the task worker read and write side by side.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not shared-cache memory, so tests with parallel writers behave as in real use.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
# Compiled queries of a fixed shape are prepared on PostgreSQL (lib/compiled.py): off behind a
# connection pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21).
INZET_DB_PREPARED_STATEMENTS = env_bool("INZET_DB_PREPARED_STATEMENTS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and INZET_DB_PREPARED_STATEMENTS:
    # Parameters sent apart from the SQL (server-side binding), so one statement text serves every
    # value and psycopg prepares a statement after it ran `prepare_threshold` times on a connection:
    # PostgreSQL then parses and plans the session, user, role and label queries of every page once
    # per connection instead of on every request (~0.2-1 ms each).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"server_side_binding": True, "prepare_threshold": env_int("INZET_DB_PREPARE_THRESHOLD", 5)}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Brute-force protection (inzet/accounts/axes.py): lock an e-mail address + client address after
# repeated failures, and a client address alone after many failures over any e-mail addresses.
AXES_FAILURE_LIMIT = env_int("INZET_AXES_FAILURE_LIMIT", 5)
AXES_IP_FAILURE_LIMIT = env_int("INZET_AXES_IP_FAILURE_LIMIT", 50)
AXES_COOLOFF_TIME = env_int("INZET_AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "inzet.accounts.axes.InzetAxesHandler"
# Behind reverse proxies, the number of them that add X-Forwarded-For (0: use the connection).
INZET_TRUSTED_PROXY_COUNT = env_int("INZET_TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "inzet.accounts.axes.client_ip"
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("INZET_AXES_ENABLED", True)

# Two-factor login. Required for coordinators and operators in production unless the
# operator switches it off in the policy settings (organisations.PolicySettings).
TWO_FACTOR_ENFORCED = env_bool("INZET_TWO_FACTOR_ENFORCED", PRODUCTION)
OTP_TOTP_ISSUER = "Inzet"

# Sessions end after a period of inactivity; every request extends them.
SESSION_COOKIE_AGE = env_int("INZET_SESSION_MINUTES", 120) * 60
# Inactivity ends a session: lib.sessions moves its expiry forward at most once a minute.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "inzet" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "inzet" / "static", BASE_DIR / "build" / "assets"]
STORAGES = {
    # Encrypted at rest, 0600, written when the transaction commits (inzet/lib/storage.py).
    "default": {"BACKEND": "inzet.lib.storage.EncryptedFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("INZET_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"  # never served directly: uploads go through permission-checked views
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600  # media holds personal data: readable by the application only
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# E-mail: console by default; SMTP when INZET_EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = env_str("INZET_FROM_EMAIL", "Inzet <noreply@inzet.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("INZET_EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("INZET_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("INZET_EMAIL_USER")
    EMAIL_HOST_PASSWORD = env_str("INZET_EMAIL_PASSWORD")
    EMAIL_USE_TLS = env_bool("INZET_EMAIL_TLS", True)
else:
    EMAIL_BACKEND = env_str("INZET_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Background work runs in the database: `manage.py db_worker` picks it up; no extra server.
TASKS = {
    "default": {
        "BACKEND": env_str("INZET_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500
NINJA_PAGINATION_CLASS = "inzet.api.pagination.Pagination"

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("INZET_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("INZET_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): only our own files run or style the page; no inline code
# (inzet/static/inzet/inzet.js), no frames, no plugins. The API's Swagger page loads its viewer
# from a CDN and holds no personal data, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/api/docs"],
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF, "data:"],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "form-action": [CSP_SELF],
        "base-uri": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
        "object-src": [CSP_NONE],
    },
}
# Permissions-Policy (django-permissions-policy): Inzet uses no device features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("INZET_LOG_LEVEL", "INFO" if PRODUCTION else "WARNING")},
}

FORM_RENDERER = "inzet.lib.forms.InzetFormRenderer"
