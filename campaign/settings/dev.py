"""Local development: DEBUG on, SQLite unless DATABASE_URL says otherwise, e-mail to the console."""

import os

from .base import *

DEBUG = True
SECRET_KEY = "dev-only-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Find static files through the finders on each request: no collectstatic needed here.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# campaign.ops: no two-factor step or login throttling for local development.
ADMIN_REQUIRE_2FA = False
AXES_ENABLED = False
# Template edits show at once, and so do changes made by management commands in other processes
# (the local-memory cache is not shared): no render cache unless asked for.
RENDER_CACHE_SECONDS = int(os.environ.get("RENDER_CACHE_SECONDS", 0))
