"""Production settings choose the provider from the environment and refuse to start without its
keys."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PROBE = (
    "from django.conf import settings; "
    "print(settings.ALERTS_ESP, settings.ANYMAIL.get('POSTMARK_SERVER_TOKEN') or '-', "
    "settings.ANYMAIL['MAILGUN_API_URL'], settings.ALERTS_EMAIL_BACKEND)"
)


def boot(tmp_path, probe: str = PROBE, **env: str) -> subprocess.CompletedProcess:
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "ANYMAIL_", "MAILGUN_", "POSTMARK_", "ALERTS_"))
    }
    base.update(
        DJANGO_SETTINGS_MODULE="campaign.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="enddemandct.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6379/15",
        WAGTAILADMIN_BASE_URL="https://enddemandct.example",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", probe],
        env=base,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("esp", "missing"),
    [("postmark", "POSTMARK_SERVER_TOKEN"), ("mailgun", "MAILGUN_WEBHOOK_SIGNING_KEY")],
)
def test_chosen_provider_without_its_key_stops_start_up(tmp_path, esp, missing):
    """ANYMAIL_ESP without the provider's keys names the missing variable."""
    keys = {
        "ANYMAIL_WEBHOOK_SECRET": "user:pass",
        "ALERTS_FROM_EMAIL": "press@example.org",
        "MAILGUN_API_KEY": "k",
        "MAILGUN_WEBHOOK_SIGNING_KEY": "s",
        "POSTMARK_SERVER_TOKEN": "t",
    }
    del keys[missing]
    result = boot(tmp_path, ANYMAIL_ESP=esp, **keys)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_provider_and_api_url_come_from_the_environment(tmp_path):
    """ANYMAIL_ESP=postmark with its token; the Mailgun API URL can point anywhere (EU region)."""
    result = boot(
        tmp_path,
        ANYMAIL_ESP="postmark",
        POSTMARK_SERVER_TOKEN="token-123",
        ANYMAIL_WEBHOOK_SECRET="user:pass",
        ALERTS_FROM_EMAIL="press@example.org",
        MAILGUN_API_URL="https://api.eu.mailgun.net/v3",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:3] == ["postmark", "token-123", "https://api.eu.mailgun.net/v3"]


def test_without_a_provider_production_uses_smtp_not_the_outbox(tmp_path):
    """No ANYMAIL_ESP: alerts go through Django's SMTP backend."""
    result = boot(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "django.core.mail.backends.smtp.EmailBackend"


def test_another_providers_empty_signing_key_is_not_set(tmp_path):
    """With Postmark chosen, no Mailgun signing key exists at all, not even an empty one."""
    result = boot(
        tmp_path,
        probe="from django.conf import settings; print(sorted(settings.ANYMAIL))",
        ANYMAIL_ESP="postmark",
        POSTMARK_SERVER_TOKEN="token-123",
        ANYMAIL_WEBHOOK_SECRET="user:pass",
        ALERTS_FROM_EMAIL="press@example.org",
        MAILGUN_WEBHOOK_SIGNING_KEY="",
    )
    assert result.returncode == 0, result.stderr
    assert "POSTMARK_SERVER_TOKEN" in result.stdout
    assert "MAILGUN_WEBHOOK_SIGNING_KEY" not in result.stdout
