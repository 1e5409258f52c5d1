"""Deliveries left unknown by a dropped connection are settled on the send page, by a
Communications member, under the same rules as `manage.py reconcile_alert`, audit-logged."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from campaign.alerts import sending
from campaign.alerts.models import Delivery

from .conftest import make_contacts, point_anymail_at
from .factories import MediaAlertFactory, MediaListFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unknown_alert(settings, esp_stub):
    """An alert whose only batch went out on a connection that dropped: both rows unknown."""
    point_anymail_at(settings, esp_stub, "postmark")
    media_list = MediaListFactory()
    make_contacts(2, media_list, prefix="unknown")
    alert = MediaAlertFactory(lists=[media_list], status="scheduled", scheduled_at=timezone.now())
    esp_stub.state.faults = ["drop"]
    sending.start_alert(alert.pk)
    assert sending.send_next_batch(alert.pk).unknown == 2
    return alert


def send_page(alert) -> str:
    return reverse("alerts_admin:alert_detail", args=[alert.pk])


def decide(client, alert, decision: str):
    return client.post(
        reverse("alerts_admin:settle_unknown", args=[alert.pk]), {"decision": decision}
    )


def test_the_send_page_lists_unknown_rows_with_what_is_known(
    client, communications_member, unknown_alert
):
    """Each unknown address is listed with the reason and both decisions are offered."""
    client.force_login(communications_member)
    html = client.get(send_page(unknown_alert)).content.decode()
    assert "2 deliveries with an unknown outcome" in html
    assert "unknown0@example.com" in html and "unknown1@example.com" in html
    assert Delivery.objects.filter(alert=unknown_alert).first().error in html
    assert 'value="resend"' in html and 'value="mark_failed"' in html


def test_resend_sends_each_unknown_row_once(
    client, communications_member, unknown_alert, esp_stub, django_capture_on_commit_callbacks
):
    """After "resend", each address receives the alert exactly once and the action is logged."""
    client.force_login(communications_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, unknown_alert, "resend")
    assert response.status_code == 302
    assert esp_stub.state.recipients() == {"unknown0@example.com": 1, "unknown1@example.com": 1}
    assert set(Delivery.objects.filter(alert=unknown_alert).values_list("status", flat=True)) == {
        "sent"
    }
    assert ModelLogEntry.objects.filter(
        object_id=str(unknown_alert.pk), action="alerts.resend_unknown", user=communications_member
    ).exists()


def test_mark_failed_records_them_and_sends_nothing(
    client, communications_member, unknown_alert, esp_stub
):
    """After "mark failed", the rows are failed, nobody is e-mailed and the log says who."""
    client.force_login(communications_member)
    decide(client, unknown_alert, "mark_failed")
    assert set(Delivery.objects.filter(alert=unknown_alert).values_list("status", flat=True)) == {
        "failed"
    }
    assert esp_stub.state.recipients() == {}
    entry = ModelLogEntry.objects.get(object_id=str(unknown_alert.pk), action="alerts.fail_unknown")
    assert entry.user == communications_member and entry.data == {"deliveries": 2}


def test_someone_who_cannot_send_cannot_settle(client, django_user_model, unknown_alert):
    """An admin user without the send permission changes nothing."""
    user = django_user_model.objects.create_user("intern", "intern@example.org", "pw")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_mediaalert"])
    )
    client.force_login(user)
    assert decide(client, unknown_alert, "resend").status_code in (302, 403)
    assert Delivery.objects.filter(alert=unknown_alert, status="unknown").count() == 2
