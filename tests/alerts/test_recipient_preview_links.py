"""Each journalist's own preview link: made when the alert starts, in their message only, listed
on the alert with its openings, revocable one by one, and leading to the release once public."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from wagtail.models import PageLogEntry

from campaign.alerts import tasks
from campaign.alerts.compose import alert_from_release
from campaign.alerts.models import Delivery, MediaAlert
from campaign.newsroom.models import EmbargoPreviewLink

from .factories import MediaListFactory, PressContactFactory, release_for_alert

# The release factories file releases under the demo seed's newsroom.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

PREVIEW_LINK = re.compile(r"https?://testserver/press-preview/[^/\s\"]+/")


def send_embargoed_alert(emails: list[str], user, capture) -> MediaAlert:
    """An alert about an embargoed release, sent now to these journalists."""
    media_list = MediaListFactory()
    for address in emails:
        PressContactFactory(lists=[media_list], email=address)
    alert = alert_from_release(release_for_alert(embargoed=True), user=user)
    alert.lists.add(media_list)
    alert.status, alert.scheduled_at = MediaAlert.Status.SCHEDULED, alert.created_at
    alert.save()
    with capture(execute=True):
        tasks.start_alert.enqueue(alert.pk)
    return alert


@pytest.fixture
def sent_alert(admin_user, django_capture_on_commit_callbacks):
    """An alert about an embargoed release, sent to three journalists."""
    emails = [f"journalist{n}@example.com" for n in range(3)]
    return send_embargoed_alert(emails, admin_user, django_capture_on_commit_callbacks)


def links_in(message) -> set[str]:
    return set(PREVIEW_LINK.findall(message.body)) | set(
        PREVIEW_LINK.findall(message.alternatives[0][0])
    )


def test_each_recipient_gets_a_preview_link_of_their_own(sent_alert):
    """Three messages carry three different links, each the one recorded for that recipient."""
    assert len(mail.outbox) == 3
    seen = set()
    for message in mail.outbox:
        delivery = Delivery.objects.get(alert=sent_alert, email=message.to[0])
        assert links_in(message) == {delivery.preview_link.full_url}
        seen |= links_in(message)
    assert len(seen) == 3


def test_recipient_links_are_listed_on_the_alert_with_copy_buttons(admin_client, sent_alert):
    """The send page lists every recipient's link, its openings and a copy button."""
    html = admin_client.get(f"/admin/alerts/alert/{sent_alert.pk}/").content.decode()
    for delivery in Delivery.objects.filter(alert=sent_alert):
        assert delivery.email in html and f'value="{delivery.preview_link.full_url}"' in html
    assert html.count('data-action="w-clipboard#copy"') == 3
    assert html.count("Not yet") == 3


def test_opening_a_link_is_counted(client, admin_client, sent_alert):
    """The alert shows when a link was first opened and how often."""
    link = Delivery.objects.filter(alert=sent_alert).first().preview_link
    assert client.get(link.get_absolute_url()).status_code == 200
    assert client.get(link.get_absolute_url()).status_code == 200
    link.refresh_from_db()
    assert link.open_count == 2 and link.first_opened_at is not None
    html = admin_client.get(f"/admin/alerts/alert/{sent_alert.pk}/").content.decode()
    assert ", 2 times" in html


def test_link_works_before_the_release_and_redirects_for_good_after(client, sent_alert):
    """Before release the link shows the embargoed draft; after, a 301 to the public page."""
    release = sent_alert.release
    link = Delivery.objects.filter(alert=sent_alert).first().preview_link
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200 and "EMBARGOED" in response.content.decode()
    with time_machine.travel(release.embargo_until + datetime.timedelta(days=30)):
        release.refresh_from_db()
        release.get_latest_revision().publish()
        response = client.get(link.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == release.url


def test_revoked_link_is_refused_politely_and_names_the_press_contact(
    client, admin_client, sent_alert
):
    """Revoking one link from the alert stops it alone; its page names whom to ask."""
    first, second = [d.preview_link for d in Delivery.objects.filter(alert=sent_alert)][:2]
    alert_page = f"/admin/alerts/alert/{sent_alert.pk}/"
    response = admin_client.post(
        f"/admin/newsroom/preview-links/{first.pk}/revoke/", {"next": alert_page}
    )
    assert response["Location"] == alert_page
    refused = client.get(first.get_absolute_url())
    html = refused.content.decode()
    assert refused.status_code == 410 and "withdrawn" in html
    assert "Dana Spokesperson" in html and "dana@example.org" in html
    assert sent_alert.release.title not in html
    assert client.get(second.get_absolute_url()).status_code == 200


def test_revoked_link_stays_refused_after_the_release(client, sent_alert):
    """A revoked link does not turn into a redirect when the release goes public."""
    link = Delivery.objects.filter(alert=sent_alert).first().preview_link
    link.revoke()
    release = sent_alert.release
    with time_machine.travel(release.embargo_until + datetime.timedelta(days=30)):
        release.refresh_from_db()
        release.get_latest_revision().publish()
        assert client.get(link.get_absolute_url()).status_code == 410


def test_making_and_revoking_links_is_in_the_audit_log(admin_client, sent_alert):
    """The release's history records the recipients' links and each revocation."""
    release = sent_alert.release
    made = PageLogEntry.objects.get(page=release, action="newsroom.preview_link.create_many")
    assert made.data["count"] == 3
    link = Delivery.objects.filter(alert=sent_alert).first().preview_link
    admin_client.post(f"/admin/newsroom/preview-links/{link.pk}/revoke/")
    revoked = PageLogEntry.objects.get(page=release, action="newsroom.preview_link.revoke")
    assert revoked.user.is_superuser and revoked.data["link"] == link.pk
    history = admin_client.get(f"/admin/pages/{release.pk}/history/").content.decode()
    assert "Embargo preview link revoked" in history


def test_link_made_in_the_admin_is_in_the_audit_log(admin_client, sent_alert):
    """A link made by hand on the release's preview-link screen is logged on the release."""
    release = sent_alert.release
    admin_client.post(f"/admin/newsroom/releases/{release.pk}/preview-links/", {"note": "AP desk"})
    entry = PageLogEntry.objects.filter(page=release, action="newsroom.preview_link.create")
    assert entry.filter(data__note="AP desk").exists()
    assert EmbargoPreviewLink.objects.filter(note="AP desk").count() == 1


def test_provider_batches_carry_each_recipients_own_link(
    esp, esp_stub, admin_user, django_capture_on_commit_callbacks
):
    """Through Postmark's and Mailgun's batch APIs each journalist still gets their own link."""
    emails = [f"batch{n}@example.com" for n in range(3)]
    alert = send_embargoed_alert(emails, admin_user, django_capture_on_commit_callbacks)
    assert esp_stub.state.requests == 1
    for message in esp_stub.state.messages:
        own = Delivery.objects.get(alert=alert, email=message.to).preview_link.full_url
        assert set(PREVIEW_LINK.findall(message.text + message.html)) == {own}
