"""Alerts go out through Anymail's real Mailgun and Postmark backends to the local stand-in."""

import pytest

from campaign.alerts import actions, sending, tasks
from campaign.alerts.models import ContactState, Delivery, MediaAlert
from campaign.alerts.rendering import organisation
from campaign.alerts.tokens import read_unsubscribe_token

from .conftest import make_contacts
from .factories import MediaAlertFactory, MediaListFactory, PressContactFactory

pytestmark = pytest.mark.django_db


def start(alert, capture):
    alert.status = MediaAlert.Status.SCHEDULED
    alert.scheduled_at = alert.created_at
    alert.save()
    with capture(execute=True):
        tasks.start_alert.enqueue(alert.pk)


def test_every_contact_gets_the_alert_once_in_provider_batches(
    esp, esp_stub, django_capture_on_commit_callbacks
):
    """120 contacts in batches of 50 make three API calls and 120 messages, one each."""
    media_list = MediaListFactory()
    contacts = make_contacts(120, media_list)
    alert = MediaAlertFactory(lists=[media_list])
    start(alert, django_capture_on_commit_callbacks)
    received = esp_stub.state.recipients()
    assert len(received) == 120 and set(received.values()) == {1}
    assert esp_stub.state.requests == 3
    assert Delivery.objects.filter(alert=alert, status="sent").count() == len(contacts)
    assert not Delivery.objects.filter(alert=alert, esp_message_id="").exists()
    assert MediaAlert.objects.get(pk=alert.pk).status == MediaAlert.Status.SENT


def test_each_message_has_its_own_unsubscribe_link_and_one_click_headers(
    esp, esp_stub, django_capture_on_commit_callbacks
):
    """List-Unsubscribe, List-Unsubscribe-Post and the visible link name the recipient."""
    media_list = MediaListFactory()
    contacts = make_contacts(3, media_list, prefix="link")
    alert = MediaAlertFactory(lists=[media_list])
    start(alert, django_capture_on_commit_callbacks)
    by_email = {c.email: c for c in contacts}
    for message in esp_stub.state.messages:
        header = message.headers["List-Unsubscribe"]
        assert header.startswith("<https://testserver/alerts/unsubscribe/")
        url = header[1:].split(">")[0]
        token = url.rstrip("/").rsplit("/", 1)[1]
        assert read_unsubscribe_token(token) == (by_email[message.to].pk, alert.pk)
        assert message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert f'<a href="{url}">Unsubscribe</a>' in message.html
        assert f"Unsubscribe: {url}" in message.text
        assert message.metadata["delivery"] == str(
            Delivery.objects.get(alert=alert, contact=by_email[message.to]).pk
        )


def test_body_carries_organisation_name_and_postal_address(
    esp, esp_stub, django_capture_on_commit_callbacks
):
    """The footer names the organisation and its postal address from the campaign settings."""
    org = organisation()
    org.postal_address = "450 Capitol Avenue\nHartford, CT 06106"
    org.save()
    media_list = MediaListFactory()
    PressContactFactory(lists=[media_list])
    start(MediaAlertFactory(lists=[media_list]), django_capture_on_commit_callbacks)
    message = esp_stub.state.messages[0]
    assert org.organisation_name in message.text and "Hartford, CT 06106" in message.text
    assert "450 Capitol Avenue<br />Hartford, CT 06106" in message.html
    assert "Second paragraph with the numbers." in message.html


def test_suppressed_contacts_get_nothing(esp, esp_stub, django_capture_on_commit_callbacks):
    """Unsubscribed, bounced, complained and do-not-contact contacts are never sent to."""
    media_list = MediaListFactory()
    active = PressContactFactory(lists=[media_list])
    for state in [s for s in ContactState.values if s != ContactState.ACTIVE]:
        PressContactFactory(lists=[media_list], state=state)
    alert = MediaAlertFactory(lists=[media_list])
    start(alert, django_capture_on_commit_callbacks)
    assert list(esp_stub.state.recipients()) == [active.email]
    assert Delivery.objects.filter(alert=alert).count() == 1


def test_contact_suppressed_after_queueing_is_not_sent(
    esp, esp_stub, django_capture_on_commit_callbacks
):
    """Someone who unsubscribes between queueing and sending is skipped, and the row says so."""
    media_list = MediaListFactory()
    keep, leave = PressContactFactory(lists=[media_list]), PressContactFactory(lists=[media_list])
    alert = MediaAlertFactory(
        lists=[media_list], status="scheduled", scheduled_at="2020-01-01T00:00Z"
    )
    sending.start_alert(alert.pk)
    leave.suppress(ContactState.UNSUBSCRIBED)
    sending.send_next_batch(alert.pk)
    assert list(esp_stub.state.recipients()) == [keep.email]
    row = Delivery.objects.get(alert=alert, contact=leave)
    assert row.status == "failed" and "Suppressed" in row.error


def test_starting_twice_queues_each_contact_once(esp, django_capture_on_commit_callbacks):
    """Re-running the start of an alert cannot create a second Delivery row for anyone."""
    media_list = MediaListFactory()
    make_contacts(5, media_list, prefix="twice")
    alert = MediaAlertFactory(
        lists=[media_list], status="scheduled", scheduled_at="2020-01-01T00:00Z"
    )
    sending.start_alert(alert.pk)
    assert sending.start_alert(alert.pk) == 0
    assert sending.queue_deliveries(alert) == 5
    assert Delivery.objects.filter(alert=alert).count() == 5


def test_send_a_test_goes_through_the_provider_to_the_editor_only(esp, esp_stub, admin_user):
    """'Send a test to me' posts one message, marked as a test, to the editor's address."""
    alert = MediaAlertFactory()
    actions.send_test_to(alert, [admin_user.email], admin_user)
    assert [(m.to, m.subject[:7]) for m in esp_stub.state.messages] == [
        ("admin@example.com", "[TEST] ")
    ]
    assert not Delivery.objects.filter(alert=alert).exists()
