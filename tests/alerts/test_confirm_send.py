"""'Send now' and 'Schedule' ask first, with who receives the alert and who is left out and why;
tests go to the addresses the officer types; sending runs in the alerts queue."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaign.alerts import actions, tasks
from campaign.alerts.models import ContactState, MediaAlert

from .factories import MediaAlertFactory, MediaListFactory, PressContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert():
    """Three active contacts, one of them on both lists, and one of each suppressed state."""
    news, tv = MediaListFactory(), MediaListFactory()
    PressContactFactory(lists=[news, tv])
    PressContactFactory.create_batch(2, lists=[news])
    for state in [ContactState.UNSUBSCRIBED, ContactState.BOUNCED, ContactState.BOUNCED]:
        PressContactFactory(lists=[tv], state=state)
    PressContactFactory(lists=[news], state=ContactState.COMPLAINED)
    PressContactFactory(lists=[news], state=ContactState.DO_NOT_CONTACT)
    return MediaAlertFactory(lists=[news, tv])


def page(alert) -> str:
    return f"/admin/alerts/alert/{alert.pk}/"


def confirm_text(response) -> str:
    return " ".join(response.content.decode().split())


def test_send_now_asks_first_and_sends_nothing(admin_client, alert):
    """Without confirming, 'Send now' shows the confirmation and nobody is mailed."""
    response = admin_client.post(f"{page(alert)}send/", {"scheduled_at": ""}, follow=True)
    assert "Send this alert now?" in confirm_text(response)
    assert "Yes, send to 3 contacts" in confirm_text(response)
    assert MediaAlert.objects.get(pk=alert.pk).status == "draft" and mail.outbox == []


def test_confirmation_counts_who_is_left_out_and_why(admin_client, alert):
    """Each contact counts once; the left-out are counted by reason."""
    text = confirm_text(admin_client.get(f"{page(alert)}confirm/?scheduled_at="))
    assert "It goes to 3 contacts." in text
    assert "5 contacts on these lists are left out:" in text
    for line in [
        "1 unsubscribed",
        "2 their address bounced",
        "1 marked an alert as spam",
        "1 marked do-not-contact",
    ]:
        assert f"<li>{line}</li>" in text


def test_confirming_sends_to_the_counted_contacts(
    admin_client, alert, django_capture_on_commit_callbacks
):
    """The confirmation's button sends to exactly the contacts it counted."""
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"{page(alert)}send/", {"scheduled_at": "", "confirmed": "yes"})
    assert len(mail.outbox) == 3
    assert MediaAlert.objects.get(pk=alert.pk).status == "sent"


def test_schedule_asks_first_with_the_time(admin_client, alert):
    """Scheduling shows the time and the counts before anything is scheduled."""
    when = timezone.localtime() + datetime.timedelta(days=1)
    response = admin_client.get(
        f"{page(alert)}confirm/", {"scheduled_at": when.strftime("%Y-%m-%d %H:%M")}
    )
    text = confirm_text(response)
    assert "Schedule this alert for" in text and "Yes, schedule it" in text
    assert "It goes to 3 contacts." in text
    assert MediaAlert.objects.get(pk=alert.pk).status == "draft"


def test_past_time_is_refused_before_confirming(admin_client, alert):
    """A time in the past goes back to the send page with the reason."""
    response = admin_client.get(
        f"{page(alert)}confirm/", {"scheduled_at": "2001-01-01 10:00"}, follow=True
    )
    assert "Choose a time in the future" in response.content.decode()


def test_test_goes_to_every_typed_address(admin_client, alert):
    """A test goes to each address typed, one message each, marked as a test."""
    response = admin_client.post(
        f"{page(alert)}test/", {"addresses": "desk@example.com, Editor@Example.com"}, follow=True
    )
    assert "Test sent to desk@example.com, editor@example.com." in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["desk@example.com", "editor@example.com"]
    assert all(m.subject.startswith("[TEST] ") for m in mail.outbox)


def test_a_mistyped_test_address_sends_nothing(admin_client, alert):
    """One bad address is named and no test goes out."""
    response = admin_client.post(
        f"{page(alert)}test/", {"addresses": "desk@example.com not-an-address"}, follow=True
    )
    assert "Not an e-mail address: not-an-address" in response.content.decode()
    assert mail.outbox == []


def test_sending_runs_in_the_alerts_queue(
    settings, alert, admin_user, django_capture_on_commit_callbacks
):
    """'Send now' puts its task in the alerts queue, not behind the default queue's work."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    with django_capture_on_commit_callbacks(execute=True):
        actions.schedule_alert(alert, None, admin_user)
    queued = DBTaskResult.objects.get(task_path=tasks.start_alert.module_path)
    assert queued.queue_name == "alerts" and queued.args_kwargs["args"] == [alert.pk]
