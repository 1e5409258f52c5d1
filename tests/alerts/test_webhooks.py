"""Anymail tracking webhooks update deliveries and contacts, idempotently and in any order, and
refuse anything unsigned, wrongly signed or malformed."""

import json

import pytest
from anymail import urls as anymail_urls

from campaign.alerts import sending
from campaign.alerts.models import Delivery

from .conftest import make_contacts, point_anymail_at
from .esp_stub import Recorded
from .factories import MediaAlertFactory, MediaListFactory
from .webhook_events import AUTH, mailgun_body, post_event, postmark_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(esp, esp_stub):
    """An alert sent to two contacts through the stand-in; returns the recorded messages."""
    media_list = MediaListFactory()
    make_contacts(2, media_list, prefix="hook")
    alert = MediaAlertFactory(
        lists=[media_list], status="scheduled", scheduled_at="2020-01-01T00:00Z"
    )
    sending.start_alert(alert.pk)
    sending.send_next_batch(alert.pk)
    return esp_stub.state.messages


def delivery_for(message) -> Delivery:
    return Delivery.objects.select_related("contact").get(pk=int(message.metadata["delivery"]))


@pytest.mark.parametrize("kind", ["delivered", "opened", "clicked"])
def test_engagement_events_are_recorded(client, sent, kind):
    """Delivered, opened and clicked events each fill their own time on the delivery."""
    assert post_event(client, sent[0], kind).status_code == 200
    row = delivery_for(sent[0])
    assert getattr(row, f"{kind}_at") is not None
    assert row.contact.state == "active"
    assert delivery_for(sent[1]).delivered_at is None


@pytest.mark.parametrize(
    ("kind", "state"),
    [("bounced", "bounced"), ("complained", "complained"), ("unsubscribed", "unsubscribed")],
)
def test_bounce_complaint_and_unsubscribe_suppress_the_contact(client, sent, kind, state):
    """A bounce, a complaint or an unsubscribe at the provider stops all future alerts."""
    assert post_event(client, sent[0], kind).status_code == 200
    row = delivery_for(sent[0])
    assert getattr(row, f"{kind}_at") is not None
    assert row.contact.state == state


def test_duplicate_and_out_of_order_events_leave_correct_state(client, sent):
    """An open before its delivery event, and every event twice: one time each, all kept."""
    for kind in ["opened", "delivered", "opened", "clicked", "delivered", "clicked"]:
        assert post_event(client, sent[0], kind).status_code == 200
    row = delivery_for(sent[0])
    first_open = row.opened_at
    post_event(client, sent[0], "opened")
    row.refresh_from_db()
    assert row.status == "sent"
    assert row.delivered_at and row.clicked_at and row.opened_at == first_open
    assert Delivery.objects.filter(delivered_at__isnull=False, alert=row.alert).count() == 1


def test_webhook_without_the_secret_is_refused(client, sent):
    """No basic auth, or the wrong one: 400 and nothing changes."""
    wrong = {"HTTP_AUTHORIZATION": "Basic d3Jvbmc6c2VjcmV0"}
    assert post_event(client, sent[0], "bounced", **wrong).status_code == 400
    body = (
        mailgun_body(sent[0], "bounced")
        if sent[0].esp == "mailgun"
        else postmark_body(sent[0], "bounced")
    )
    unsigned = client.post(
        f"/anymail/{sent[0].esp}/tracking/", data=body, content_type="application/json"
    )
    assert unsigned.status_code == 400
    assert delivery_for(sent[0]).contact.state == "active"


def test_mailgun_event_with_a_bad_signature_is_refused(settings, esp_stub, client):
    """Mailgun's HMAC signature must match the signing key, even with the right secret."""

    point_anymail_at(settings, esp_stub, "mailgun")
    message = Recorded("mailgun", "x@example.com", "", "", "", {}, {"delivery": "1"}, "<a@b>")
    body = mailgun_body(message, "bounced", signing_key="not-the-key")
    response = client.post(
        "/anymail/mailgun/tracking/", data=body, content_type="application/json", **AUTH
    )
    assert response.status_code == 400


@pytest.mark.parametrize("esp_name", ["mailgun", "postmark"])
@pytest.mark.parametrize("body", ["not json", "[]", json.dumps("text"), '{"event-data": '])
def test_malformed_webhook_is_a_400_not_a_500(client, esp_name, body):
    """Garbage in the body gets a clear 4xx."""
    response = client.post(
        f"/anymail/{esp_name}/tracking/", data=body, content_type="application/json", **AUTH
    )
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000,  # deeper than the JSON parser goes
        '{"RecordType": "Delivery", "Metadata": ' + "[" * 900 + "]" * 900 + "}",  # parsed, deep
    ],
)
def test_deeply_nested_webhook_body_is_a_400(settings, client, body):
    """JSON nested beyond any real event is refused with a 400, not a RecursionError."""
    settings.ALERTS_ESP = "postmark"
    response = client.post(
        "/anymail/postmark/tracking/", data=body, content_type="application/json", **AUTH
    )
    assert response.status_code == 400


def test_event_for_an_unknown_delivery_is_accepted_and_ignored(client, sent):
    """Events for mail we did not send (or rows since deleted) do not fail the webhook."""
    Delivery.objects.all().delete()
    assert post_event(client, sent[0], "delivered").status_code == 200


def anymail_webhook_paths() -> list[str]:
    """Every inbound and tracking URL Anymail offers, for every provider it supports."""
    paths = []
    for pattern in anymail_urls.urlpatterns:
        route = str(pattern.pattern).lstrip("^").rstrip("$")
        paths.append("/anymail/" + route.replace("(?P<basic_auth>)", ""))
    return [path for path in paths if path != "/anymail/postmark/tracking/"]


@pytest.mark.parametrize("path", anymail_webhook_paths())
def test_only_the_configured_providers_webhook_exists(settings, client, path):
    """With Postmark configured, every other Anymail webhook (signed or not) is a 404."""
    settings.ALERTS_ESP = "postmark"
    assert client.post(path, data="{}", content_type="application/json", **AUTH).status_code == 404


def test_another_registered_providers_webhook_is_a_404(settings, client, sent):
    """Mailgun's tracking URL does not answer while Postmark is the provider, and vice versa."""
    other = "postmark" if sent[0].esp == "mailgun" else "mailgun"
    response = client.post(
        f"/anymail/{other}/tracking/", data="{}", content_type="application/json", **AUTH
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"RecordType": "Delivery", "Recipient": 42, "MessageID": 7},
        {"RecordType": "Delivery", "Recipient": "a@example.com", "Metadata": "x"},
        {"RecordType": ["Delivery"]},
        {"RecordType": "Delivery", "Recipient": "a\x00@example.com", "MessageID": "m"},
        {"RecordType": "Bounce", "TypeCode": True, "Recipient": "a@example.com"},
    ],
)
def test_postmark_body_of_the_wrong_shape_is_a_400(settings, client, body):
    """An authenticated Postmark event with wrongly typed fields is refused, and says why."""
    settings.ALERTS_ESP = "postmark"
    response = client.post(
        "/anymail/postmark/tracking/",
        data=json.dumps(body),
        content_type="application/json",
        **AUTH,
    )
    assert response.status_code == 400
    assert b"Malformed webhook payload" in response.content


def test_mailgun_body_of_the_wrong_shape_is_a_400(settings, esp_stub, client):
    """A correctly signed Mailgun event whose event-data is not an object is refused."""
    point_anymail_at(settings, esp_stub, "mailgun")
    message = Recorded("mailgun", "x@example.com", "", "", "", {}, {"delivery": "1"}, "<a@b>")
    body = json.loads(mailgun_body(message, "delivered"))
    body["event-data"]["recipient"] = ["x@example.com"]
    response = client.post(
        "/anymail/mailgun/tracking/", data=json.dumps(body), content_type="application/json", **AUTH
    )
    assert response.status_code == 400


def test_mailgun_event_signed_with_an_empty_key_is_never_accepted(settings, esp_stub, client):
    """Without a signing key configured, an event signed with the empty key is not accepted."""
    point_anymail_at(settings, esp_stub, "mailgun")
    settings.ANYMAIL = {
        key: value
        for key, value in settings.ANYMAIL.items()
        if key not in ("MAILGUN_WEBHOOK_SIGNING_KEY", "MAILGUN_API_KEY")
    }
    message = Recorded("mailgun", "x@example.com", "", "", "", {}, {"delivery": "1"}, "<a@b>")
    body = mailgun_body(message, "bounced", signing_key="")
    response = client.post(
        "/anymail/mailgun/tracking/", data=body, content_type="application/json", **AUTH
    )
    assert response.status_code == 404
