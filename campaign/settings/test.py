"""Test settings: fast hashing, in-memory cache and mail, immediate tasks, media in a temp dir."""

import tempfile

from .base import *

DEBUG = False
SECRET_KEY = "test-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="enddemand-test-media-")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Find static files through the finders on each request: no collectstatic needed here.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# campaign.ops: off here so other tests can use force_login and client.login; tests/ops turn
# them on where they exercise two-factor sign-in and login throttling.
ADMIN_REQUIRE_2FA = False
AXES_ENABLED = False

# campaign.alerts: no provider unless a test sets one up against its local stand-in server;
# alerts then go to Django's in-memory outbox. Fixed webhook secrets so tests can sign events.
ALERTS_ESP = ""
ALERTS_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALERTS_BASE_URL = "https://testserver"
ANYMAIL = {
    **ANYMAIL,
    "MAILGUN_API_KEY": "key-test",
    "MAILGUN_WEBHOOK_SIGNING_KEY": "mailgun-signing-key-test",
    "POSTMARK_SERVER_TOKEN": "postmark-token-test",
    "WEBHOOK_SECRET": "anymail:webhook-secret-test",
    "REQUESTS_TIMEOUT": (2, 2.0),
}
TOOLKIT_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests fire hundreds of counted hits from one address; tests/toolkit lower it where they check it.
TOOLKIT_COUNT_RATE_LIMIT = (10_000, 60)
