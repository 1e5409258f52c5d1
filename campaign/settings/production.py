"""Production: every secret and host comes from the environment; a missing one stops start-up.

README.md ("Production") lists every variable. Required ones go through `require_env`, which
raises ImproperlyConfigured naming the variable, so gunicorn, the worker and manage.py all refuse
to start with the same clear message.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from campaign.alerts.providers import PROVIDERS

from .base import *


def require_env(name: str) -> str:
    """Return an environment variable or refuse to start, naming the variable that is missing."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable (see README.md).")
    return value


def env_flag(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


def origin(url: str) -> str:
    """scheme://host[:port] of a URL, as CSP source lists want it."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


DEBUG = False
SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in require_env("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
# base.py already parsed DATABASE_URL; here it must be present rather than fall back to SQLite.
require_env("DATABASE_URL")
WAGTAILADMIN_BASE_URL = require_env("WAGTAILADMIN_BASE_URL")
# `manage.py collectstatic` writes hashed, compressed files here; WhiteNoise serves them.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", "").strip() or STATIC_ROOT)

# Django's built-in Redis cache, shared by every app server; sessions live there too.
CACHES = {
    "default": {
        "BACKEND": "campaign.ops.redis_cache.RedisCache",
        "LOCATION": require_env("REDIS_URL"),
        "KEY_PREFIX": "enddemand",
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"

# Background work runs in separate `manage.py db_worker` processes (see README "Operations").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}

# TLS ends at nginx, which sets X-Forwarded-Proto; Varnish passes it through.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
NUM_PROXIES = int(os.environ.get("NUM_PROXIES", 2))  # nginx + Varnish
ADMIN_REQUIRE_2FA = env_flag("ADMIN_REQUIRE_2FA", True)

# Varnish in front of the app servers: Wagtail purges a page's URLs on publish, unpublish and move.
VARNISH_URL = os.environ.get("VARNISH_URL", "").strip()
if VARNISH_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": VARNISH_URL,
        }
    }

# Media: local disk (MEDIA_ROOT) unless an S3-compatible bucket is named. Credentials come from
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role, read by boto3 itself.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            # Public campaign media: plain URLs that Varnish and browsers can cache.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = f"https://{AWS_S3_CUSTOM_DOMAIN}"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_ORIGIN = origin(AWS_S3_ENDPOINT_URL)
    else:
        MEDIA_ORIGIN = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    for directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"].setdefault(directive, ["'self'"])
        CONTENT_SECURITY_POLICY["DIRECTIVES"][directive].append(MEDIA_ORIGIN)
        ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"].setdefault(directive, ["'self'"])
        ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"][directive].append(MEDIA_ORIGIN)

# Plausible (engagement; base.py reads PLAUSIBLE_*): its script and event endpoint are allowed
# only when a site is set, so an unconfigured site allows no third party at all.
if PLAUSIBLE_SITE_ID or PLAUSIBLE_SCRIPT_ID:
    for directive in ("script-src", "connect-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][directive].append(origin(PLAUSIBLE_BASE_URL))

# Media alerts (campaign.alerts; base.py reads ANYMAIL_ESP and the provider's keys). With a
# provider chosen, its keys and the webhook secret are required; without one, alerts go through
# Django's SMTP backend (EMAIL_HOST, ...) one message per recipient, never to the local outbox.
if ALERTS_ESP:
    if ALERTS_ESP not in PROVIDERS:
        names = " or ".join(f"'{name}'" for name in PROVIDERS)
        raise ImproperlyConfigured(f"ANYMAIL_ESP must be {names} (see README.md).")
    ANYMAIL["WEBHOOK_SECRET"] = require_env("ANYMAIL_WEBHOOK_SECRET")
    for key in PROVIDERS[ALERTS_ESP].secrets:
        ANYMAIL[key] = require_env(key)
    ALERTS_FROM_EMAIL = require_env("ALERTS_FROM_EMAIL")
else:
    ALERTS_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# Partner e-mails (campaign.toolkit) are single transactional messages: Django's SMTP settings.
TOOLKIT_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# The same Redis as the cache unless another is named: its keys have no expiry, so volatile-lru
# never evicts them, and deploy/redis/enddemand.conf bounds what a crash can lose.
TOOLKIT_COUNTS_REDIS_URL = (
    os.environ.get("TOOLKIT_COUNTS_REDIS_URL", "").strip() or CACHES["default"]["LOCATION"]
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
