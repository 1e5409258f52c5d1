"""One-click unsubscribe: signed token, no login, one POST, idempotent; GET only asks."""

import pytest

from campaign.alerts.models import ContactState, Delivery
from campaign.alerts.tokens import make_unsubscribe_token, unsubscribe_url

from .factories import MediaAlertFactory, PressContactFactory

pytestmark = pytest.mark.django_db


def path_for(contact, alert=None) -> str:
    return f"/alerts/unsubscribe/{make_unsubscribe_token(contact.pk, alert.pk if alert else None)}/"


def test_get_shows_a_confirm_form_and_changes_nothing(client):
    """Link scanners that follow the link do not unsubscribe anyone."""
    contact = PressContactFactory()
    html = client.get(path_for(contact)).content.decode()
    assert "Stop sending media alerts to" in html and contact.email in html
    assert '<form method="post">' in html
    contact.refresh_from_db()
    assert contact.state == ContactState.ACTIVE


def test_one_click_post_unsubscribes_without_login(client):
    """The RFC 8058 POST from a mail program unsubscribes at once, with no session or CSRF."""
    contact = PressContactFactory()
    alert = MediaAlertFactory()
    Delivery.objects.create(alert=alert, contact=contact, email=contact.email, status="sent")
    client.handler.enforce_csrf_checks = True
    response = client.post(path_for(contact, alert), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    contact.refresh_from_db()
    assert contact.state == ContactState.UNSUBSCRIBED
    assert Delivery.objects.get(alert=alert, contact=contact).unsubscribed_at is not None


def test_unsubscribing_twice_is_harmless(client):
    """A second POST answers the same and changes nothing."""
    contact = PressContactFactory()
    client.post(path_for(contact))
    contact.refresh_from_db()
    changed_at = contact.state_changed_at
    response = client.post(path_for(contact))
    assert "You are unsubscribed" in response.content.decode()
    contact.refresh_from_db()
    assert contact.state_changed_at == changed_at


def test_do_not_contact_stays_do_not_contact(client):
    """Unsubscribing never weakens an administrator's do-not-contact flag."""
    contact = PressContactFactory(state=ContactState.DO_NOT_CONTACT)
    client.post(path_for(contact))
    contact.refresh_from_db()
    assert contact.state == ContactState.DO_NOT_CONTACT


@pytest.mark.parametrize(
    "token", ["garbage", make_unsubscribe_token(1)[:-3] + "abc"], ids=["garbage", "bad-signature"]
)
def test_forged_token_is_refused(client, token):
    """A tampered or made-up token gets a clear 400 page."""
    response = client.post(f"/alerts/unsubscribe/{token}/")
    assert response.status_code == 400
    assert "This unsubscribe link is not valid" in response.content.decode()


def test_unsubscribe_url_is_absolute_https():
    """The link in headers and bodies is a full https URL."""
    assert unsubscribe_url(5, 7).startswith("https://testserver/alerts/unsubscribe/")
