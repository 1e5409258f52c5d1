"""Signed unsubscribe links: the token names the contact (and the alert, for the record), so the
endpoint needs no login and nobody can unsubscribe somebody else by guessing."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "campaign.alerts.unsubscribe"


def make_unsubscribe_token(contact_id: int, alert_id: int | None = None) -> str:
    return signing.dumps({"c": contact_id, "a": alert_id}, salt=SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, int | None]:
    """Return (contact_id, alert_id); raise signing.BadSignature for anything forged."""
    data = signing.loads(token, salt=SALT)
    if not isinstance(data, dict) or not isinstance(data.get("c"), int):
        raise signing.BadSignature("Malformed unsubscribe token.")
    alert_id = data.get("a")
    return data["c"], alert_id if isinstance(alert_id, int) else None


def unsubscribe_url(contact_id: int, alert_id: int | None = None) -> str:
    path = reverse("alerts:unsubscribe", args=[make_unsubscribe_token(contact_id, alert_id)])
    return settings.ALERTS_BASE_URL.rstrip("/") + path
