"""The alert's admin pages: listing counts, send page, preview, test send, send now, schedule,
cancel, permissions and the audit log."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from campaign.alerts import tasks
from campaign.alerts.models import Delivery, MediaAlert

from .conftest import make_contacts
from .factories import MediaAlertFactory, MediaListFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.fixture
def alert():
    media_list = MediaListFactory()
    make_contacts(3, media_list, prefix="adm")
    return MediaAlertFactory(lists=[media_list])


def page(alert) -> str:
    return f"/admin/alerts/alert/{alert.pk}/"


def logged(alert, action) -> bool:
    return ModelLogEntry.objects.filter(object_id=str(alert.pk), action=action).exists()


def test_listing_shows_delivery_counts(admin_client, alert):
    """The alert listing has a column for each delivery count."""
    contacts = list(alert.recipients())
    Delivery.objects.create(
        alert=alert,
        contact=contacts[0],
        email="a@example.com",
        status="sent",
        opened_at=timezone.now(),
    )
    Delivery.objects.create(
        alert=alert, contact=contacts[1], email="b@example.com", status="unknown"
    )
    html = " ".join(admin_client.get("/admin/snippets/alerts/mediaalert/").content.decode().split())
    headers = ["Queued", "Sent", "Failed", "Unknown", "Delivered", "Opened", "Clicked", "Bounced"]
    assert " ".join(f"<th > {label} </th>" for label in headers) in html
    cells = [0, 1, 0, 1, 0, 1, 0, 0]
    assert "Draft </td> <td > </td> " + " ".join(f"<td > {n} </td>" for n in cells) in html
    assert "Send page" in html


def test_send_page_shows_counts_rates_and_preview(admin_client, alert):
    """The send page names the lists, counts recipients and embeds the preview."""
    html = admin_client.get(page(alert)).content.decode()
    assert "3 active contacts" in html
    assert f'src="/admin/alerts/alert/{alert.pk}/preview/"' in html
    assert 'name="addresses" value="admin@example.com"' in html


def test_send_page_shows_rates(admin_client, alert):
    """Delivered, opened, clicked and bounced are shown with their rates."""
    now = timezone.now()
    for n, contact in enumerate(alert.recipients()):
        Delivery.objects.create(
            alert=alert,
            contact=contact,
            email=contact.email,
            status="sent",
            delivered_at=now if n < 2 else None,
            opened_at=now if n == 0 else None,
            bounced_at=now if n == 2 else None,
        )
    html = " ".join(admin_client.get(page(alert)).content.decode().split())
    assert "<td>2 (67%)</td><td>1 (50%)</td> <td>0 (0%)</td><td>1 (33%)</td>" in html


def test_send_page_lists_failed_and_unknown_addresses_with_reasons(admin_client, alert):
    """The officer sees who did not get the alert, and why."""
    contact = alert.recipients().first()
    Delivery.objects.create(
        alert=alert,
        contact=contact,
        email=contact.email,
        status="failed",
        error="Refused by the provider (rejected).",
    )
    html = admin_client.get(page(alert)).content.decode()
    assert (
        f"<tr><td>{contact.email}</td><td>Failed</td><td>Refused by the provider (rejected).</td>"
        in html
    )


def test_preview_is_the_email_as_sent(admin_client, alert):
    """HTML and plain-text previews carry the text, the organisation and an unsubscribe link."""
    html = admin_client.get(f"{page(alert)}preview/").content.decode()
    assert "Second paragraph with the numbers." in html
    assert "Connecticut Trafficking in Persons Council" in html
    assert ">Unsubscribe</a>" in html
    text = admin_client.get(f"{page(alert)}preview/?format=text").content.decode()
    assert "Read the release: https://www.example.org/news/buyers/" in text


def test_send_a_test_to_me(admin_client, alert):
    """The test goes to the editor only, is marked as a test, and is in the audit log."""
    response = admin_client.post(
        f"{page(alert)}test/", {"addresses": "admin@example.com"}, follow=True
    )
    assert "Test sent to admin@example.com." in response.content.decode()
    assert [m.to for m in mail.outbox] == [["admin@example.com"]]
    assert mail.outbox[0].subject.startswith("[TEST] ")
    assert not Delivery.objects.filter(alert=alert).exists()
    assert logged(alert, "alerts.test_send")


def test_send_now_sends_to_every_contact_with_headers(
    admin_client, alert, django_capture_on_commit_callbacks
):
    """Send now: one message per contact, each with its own one-click unsubscribe."""
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"{page(alert)}send/", {"scheduled_at": "", "confirmed": "yes"})
    alert.refresh_from_db()
    assert alert.status == MediaAlert.Status.SENT
    assert sorted(m.to[0] for m in mail.outbox) == [
        "adm0@example.com",
        "adm1@example.com",
        "adm2@example.com",
    ]
    for message in mail.outbox:
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        url = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert url.startswith("https://testserver/alerts/unsubscribe/")
        assert f"Unsubscribe: {url}" in message.body
    assert logged(alert, "alerts.send")


def test_sending_twice_is_refused(admin_client, alert, django_capture_on_commit_callbacks):
    """A sent alert cannot be sent again from the admin."""
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"{page(alert)}send/", {"scheduled_at": "", "confirmed": "yes"})
    mail.outbox.clear()
    response = admin_client.post(
        f"{page(alert)}send/", {"scheduled_at": "", "confirmed": "yes"}, follow=True
    )
    assert "This alert is already sent." in response.content.decode()
    assert mail.outbox == []


def test_schedule_then_sweeper_sends_when_due(
    admin_client, alert, django_capture_on_commit_callbacks
):
    """A scheduled alert waits, and goes out once its time has come."""
    when = timezone.localtime() + datetime.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            f"{page(alert)}send/",
            {"scheduled_at": when.strftime("%Y-%m-%d %H:%M"), "confirmed": "yes"},
        )
    alert.refresh_from_db()
    assert alert.status == "scheduled" and mail.outbox == []
    assert logged(alert, "alerts.schedule")
    MediaAlert.objects.filter(pk=alert.pk).update(scheduled_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        tasks.sweep_alerts.call()
    assert MediaAlert.objects.get(pk=alert.pk).status == "sent"
    assert len(mail.outbox) == 3


def test_scheduling_in_the_past_is_refused(admin_client, alert):
    """A time in the past is a clear error, not a silent send."""
    response = admin_client.post(
        f"{page(alert)}send/", {"scheduled_at": "2001-01-01 10:00"}, follow=True
    )
    assert "Choose a time in the future" in response.content.decode()
    assert MediaAlert.objects.get(pk=alert.pk).status == "draft"


def test_cancel_a_scheduled_alert(admin_client, alert, django_capture_on_commit_callbacks):
    """Cancelling a scheduled alert means nobody gets it, even when its time comes."""
    when = timezone.localtime() + datetime.timedelta(hours=2)
    admin_client.post(
        f"{page(alert)}send/",
        {"scheduled_at": when.strftime("%Y-%m-%d %H:%M"), "confirmed": "yes"},
    )
    admin_client.post(f"{page(alert)}cancel/")
    MediaAlert.objects.filter(pk=alert.pk).update(scheduled_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        tasks.start_alert.enqueue(alert.pk)
    assert MediaAlert.objects.get(pk=alert.pk).status == "cancelled"
    assert mail.outbox == []
    assert logged(alert, "alerts.cancel")


def test_only_the_communications_group_can_send(client, django_user_model, alert):
    """Someone who may edit alerts but is not in Communications cannot send them."""
    user = django_user_model.objects.create_user("intern", "intern@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_mediaalert"),
    )
    client.force_login(user)
    assert "Only the Communications team can send" in client.get(page(alert)).content.decode()
    assert client.post(
        f"{page(alert)}send/", {"scheduled_at": "", "confirmed": "yes"}
    ).status_code in (302, 403)
    assert MediaAlert.objects.get(pk=alert.pk).status == "draft"
    assert client.post(f"{page(alert)}test/").status_code in (302, 403)
    assert mail.outbox == []


def test_communications_member_can_send(
    client, editor_user, alert, django_capture_on_commit_callbacks
):
    """The seeded Communications group has the send permission."""
    client.force_login(editor_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{page(alert)}send/", {"scheduled_at": "", "confirmed": "yes"})
    assert MediaAlert.objects.get(pk=alert.pk).status == "sent"


def test_a_sent_alert_can_no_longer_be_edited(admin_client, alert):
    """Editing a sent alert is refused with a reason; what was sent stays on record."""
    MediaAlert.objects.filter(pk=alert.pk).update(status="sent")
    response = admin_client.post(
        f"/admin/snippets/alerts/mediaalert/edit/{alert.pk}/",
        {
            "subject": "Changed afterwards",
            "summary": "x",
            "lists": [ml.pk for ml in alert.lists.all()],
        },
    )
    assert "This alert is sent and can no longer be changed." in response.content.decode()
    assert MediaAlert.objects.get(pk=alert.pk).subject != "Changed afterwards"
