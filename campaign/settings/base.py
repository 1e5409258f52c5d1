"""Settings shared by every environment. Environment-specific files import from here."""

import os
from pathlib import Path

import dj_database_url

from campaign.alerts.providers import anymail_settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "campaign.core",
    "home",
    "campaign.engagement",
    "campaign.ops",
    # Spanish beside English: translation in the admin, synchronised trees, PO export.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
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
    "django_tasks",
    "django_tasks_db",
    # Media alerts (campaign.alerts): e-mail through Anymail ESP backends.
    "campaign.alerts",
    "anymail",
    # Campaign toolkit (campaign.toolkit): assets, partners, embeds; asset pages are page routes.
    "campaign.toolkit",
    "wagtail.contrib.routable_page",
    # Newsroom (campaign.newsroom): press releases, embargo, feeds, clips; pages API for releases.
    "campaign.newsroom",
    "wagtail.api.v2",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Production hardening (campaign.ops): CSP headers, admin TOTP, login throttling.
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

# Order matters (campaign.ops): health checks answer before host checks and HTTPS redirects;
# CacheControl sits above sessions and CSRF so it sees the cookies they set; SecurityHeaders sits
# below XFrameOptions so it can exempt views that set their own frame-ancestors; the site lookup
# comes after CommonMiddleware, which refuses unknown hosts first; RejectUnusableInput sits below
# every header-setting middleware so its 400 carries them, and above anything that reads the
# path or the query (redirects, views); axes goes last.
MIDDLEWARE = [
    "campaign.ops.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "campaign.ops.middleware.CacheControlMiddleware",
    "campaign.ops.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL only: /es/... is Spanish, everything else English.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "campaign.core.render_cache.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "campaign.ops.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "campaign.ops.middleware.SecurityHeadersMiddleware",
    "campaign.ops.middleware.RejectUnusableInputMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "campaign.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "campaign.core.context_processors.site_name",
            ],
        },
    },
]

WSGI_APPLICATION = "campaign.wsgi.application"

# SQLite by default so the site runs with nothing but Python; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "America/New_York"
USE_I18N = True
# English at the unprefixed URLs it always had, Spanish under /es/ (campaign/urls.py).
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1,000 fields in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A task still running after this many seconds has lost its worker (campaign.ops.background):
# longer than any task of the project runs.
TASKS_RUNNING_TIMEOUT_SECONDS = int(os.environ.get("TASKS_RUNNING_TIMEOUT_SECONDS", 1800))
# Finished task results and old page revisions are kept this many days (`manage.py prune_history`).
TASK_RESULTS_KEEP_DAYS = int(os.environ.get("TASK_RESULTS_KEEP_DAYS", 30))
REVISIONS_KEEP_DAYS = int(os.environ.get("REVISIONS_KEEP_DAYS", 180))
# Media alerts have a queue of their own ("alerts", with its own worker) so that no backlog of
# imports, index updates or purges in "default" can hold up a "send now".
TASK_QUEUES = ["default", "alerts"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "End Demand CT"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.CampaignImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {
    # The database backend uses PostgreSQL full-text search on PostgreSQL and FTS5 on SQLite.
    # home.search_backend: stemming per language on PostgreSQL (english, spanish).
    "default": {"BACKEND": "home.search_backend", "SEARCH_CONFIG": "english"}
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Production serving and security (campaign.ops) ---------------------------------------------
# Browsers keep public pages briefly; Varnish keeps them longer because Wagtail purges it on
# publish, unpublish and move (WAGTAILFRONTENDCACHE is configured in production.py).
CACHE_CONTROL_MAX_AGE = int(os.environ.get("CACHE_CONTROL_MAX_AGE", 60))
CACHE_CONTROL_S_MAXAGE = int(os.environ.get("CACHE_CONTROL_S_MAXAGE", 600))
# Rendered pages, the site lookup and view restrictions are kept in the cache under the content
# version (campaign.core.content_version), which changes on every edit; entries expire after this
# many seconds in any case. 0 renders every request from the database.
RENDER_CACHE_SECONDS = int(os.environ.get("RENDER_CACHE_SECONDS", 600))
# Settings that change what a rendered page contains: their values are part of every render cache
# key, so a changed value (turning Plausible on, say) shows on the first request after restart.
RENDER_CACHE_KEY_SETTINGS = [
    "PLAUSIBLE_SITE_ID",
    "PLAUSIBLE_SCRIPT_ID",
    "PLAUSIBLE_BASE_URL",
    "WAGTAILADMIN_BASE_URL",
    "LANGUAGE_CODE",
]
# Reverse proxies in front of Django that append to X-Forwarded-For (nginx + Varnish = 2).
NUM_PROXIES = int(os.environ.get("NUM_PROXIES", 0))

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)
# The public site: no inline scripts or styles. Apps add hosts here (Plausible in production.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin cannot run without inline scripts and styles yet; this applies to /admin/ only.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# Admin accounts must pass a TOTP check after the password (campaign.ops.twofactor).
# test.py and dev.py turn this off so tests can use force_login; tests/ops turn it back on.
ADMIN_REQUIRE_2FA = True
OTP_TOTP_ISSUER = "End Demand CT"

# Login throttling: django-axes locks a username + address pair out after repeated failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "campaign.core.ratelimit.client_ip"
AXES_LOCKOUT_TEMPLATE = "ops/locked_out.html"
AXES_VERBOSE = False

# Media alerts (campaign.alerts). ANYMAIL_ESP picks the provider, an entry of
# campaign/alerts/providers.py ("mailgun" or "postmark"); empty
# means no provider and alerts go to the local outbox (.eml files in ALERTS_OUTBOX_DIR).
ALERTS_ESP = os.environ.get("ANYMAIL_ESP", "").strip().lower()
ALERTS_EMAIL_BACKEND = "campaign.alerts.outbox.OutboxBackend"
ALERTS_OUTBOX_DIR = Path(os.environ.get("ALERTS_OUTBOX_DIR", BASE_DIR / "outbox"))
ALERTS_FROM_EMAIL = os.environ.get("ALERTS_FROM_EMAIL", "End Demand CT <press@example.org>")
ALERTS_BASE_URL = os.environ.get("ALERTS_BASE_URL", WAGTAILADMIN_BASE_URL)
ALERTS_UNSUBSCRIBE_MAILTO = os.environ.get("ALERTS_UNSUBSCRIBE_MAILTO", "")
# 0 means the provider's own limit (Mailgun 1,000 recipients, Postmark 500 messages per call).
ALERTS_BATCH_SIZE = int(os.environ.get("ALERTS_BATCH_SIZE", "0"))
# A claimed batch left longer than this by its worker is recovered by the sweeper.
ALERTS_LEASE_SECONDS = int(os.environ.get("ALERTS_LEASE_SECONDS", "300"))
# A contacts import that ran at least this long e-mails the officer who confirmed it.
ALERTS_IMPORT_NOTIFY_SECONDS = int(os.environ.get("ALERTS_IMPORT_NOTIFY_SECONDS", "20"))
ALERTS_MAX_ATTEMPTS = int(os.environ.get("ALERTS_MAX_ATTEMPTS", "6"))
ALERTS_RETRY_BASE_SECONDS = float(os.environ.get("ALERTS_RETRY_BASE_SECONDS", "30"))
ALERTS_RETRY_MAX_SECONDS = float(os.environ.get("ALERTS_RETRY_MAX_SECONDS", "1800"))
ANYMAIL = {
    # The providers' keys and URLs (campaign/alerts/providers.py names them).
    **anymail_settings(os.environ),
    # "user:password" that the provider's webhook requests must carry (HTTP basic auth).
    "WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET", ""),
    # (connect, read) seconds: a read timeout leaves the outcome unknown, never resent blindly.
    "REQUESTS_TIMEOUT": (5, float(os.environ.get("ALERTS_ESP_READ_TIMEOUT", "30"))),
}

# --- Engagement reports and Plausible analytics (campaign.engagement) ---------------------------
# With PLAUSIBLE_SITE_ID empty no script is rendered and only first-party and hand-entered
# indicators are reported. PLAUSIBLE_BASE_URL is the cloud or a self-hosted Plausible CE; the CSP
# must allow it in script-src (the script) and connect-src (the events it sends).
PLAUSIBLE_BASE_URL = os.environ.get("PLAUSIBLE_BASE_URL", "https://plausible.io").rstrip("/")
PLAUSIBLE_SITE_ID = os.environ.get("PLAUSIBLE_SITE_ID", "")
# The site's own script, from Plausible's "Site Installation" snippet: the XXXX of /js/pa-XXXX.js.
PLAUSIBLE_SCRIPT_ID = os.environ.get("PLAUSIBLE_SCRIPT_ID", "")
PLAUSIBLE_API_KEY = os.environ.get("PLAUSIBLE_API_KEY", "")
# Action forms: at most this many accepted submissions per address per window (seconds).
ENGAGEMENT_FORM_RATE_LIMIT = (5, 60 * 60)
# The newsroom's "Get our releases" form: sign-ups per address per period (seconds).
ALERTS_SIGNUP_RATE_LIMIT = (5, 60 * 60)

# --- Campaign toolkit (campaign.toolkit) ---------------------------------------------------------
# Counting endpoints: beyond this many counted hits per address per window (seconds) the embed is
# still served but no longer counted, so one machine cannot inflate a partner's numbers.
TOOLKIT_COUNT_RATE_LIMIT = (
    int(os.environ.get("TOOLKIT_COUNT_RATE_LIMIT", "120")),
    60,
)
# Toolkit counts go to Redis and the worker's flush moves them to PostgreSQL every minute
# (campaign.toolkit.tally); unset (development, tests) = counted straight into PostgreSQL.
TOOLKIT_COUNTS_REDIS_URL = os.environ.get("TOOLKIT_COUNTS_REDIS_URL", "").strip()
TOOLKIT_COUNTS_KEY_PREFIX = os.environ.get("TOOLKIT_COUNTS_KEY_PREFIX", "enddemand:toolkit")
# Partner registrations: at most this many accepted per address per window (seconds).
TOOLKIT_REGISTER_RATE_LIMIT = (3, 60 * 60)
# Partner e-mails (registration notice to officers, approval to the partner): their sender, and
# where they go: the local outbox (.eml files in ALERTS_OUTBOX_DIR) outside production.
TOOLKIT_FROM_EMAIL = os.environ.get("TOOLKIT_FROM_EMAIL", ALERTS_FROM_EMAIL)
TOOLKIT_EMAIL_BACKEND = "campaign.alerts.outbox.OutboxBackend"
