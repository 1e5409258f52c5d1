"""Alerts composed from a press release, embargo handling, and sending when it is published."""

import pytest
from django.core import mail

from campaign.alerts.compose import alert_from_release
from campaign.alerts.models import MediaAlert
from campaign.alerts.rendering import render_alert
from campaign.newsroom.models import EmbargoPreviewLink, PressReleasePage

from .conftest import make_contacts
from .factories import MediaListFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.fixture
def public_release() -> PressReleasePage:
    return PressReleasePage.objects.live().public().released().first()


@pytest.fixture
def embargoed_release() -> PressReleasePage:
    release = PressReleasePage.objects.filter(embargo_until__isnull=False).first()
    assert release.is_embargoed
    return release


def test_one_click_from_a_release_fills_the_alert(admin_client, public_release):
    """The release's button drafts an alert with its headline, summary and public link."""
    before = MediaAlert.objects.count()
    confirm = admin_client.get(f"/admin/alerts/from-release/{public_release.pk}/")
    assert "Draft the alert" in confirm.content.decode()
    assert MediaAlert.objects.count() == before
    response = admin_client.post(f"/admin/alerts/from-release/{public_release.pk}/")
    alert = MediaAlert.objects.latest("pk")
    assert response.url == f"/admin/snippets/alerts/mediaalert/edit/{alert.pk}/"
    assert alert.subject == public_release.title
    assert public_release.summary_text in alert.summary
    assert alert.link_url == public_release.get_full_url()
    assert alert.embargo_notice == "" and alert.preview_url == ""


def test_embargoed_release_gets_notice_and_preview_link_never_the_public_url(
    admin_user, embargoed_release
):
    """Before release the e-mail carries the embargo notice and a private preview link only."""
    alert = alert_from_release(embargoed_release, user=admin_user)
    assert alert.embargo_notice.startswith("EMBARGOED UNTIL")
    assert alert.preview_url == EmbargoPreviewLink.objects.get(page=embargoed_release).full_url
    assert alert.link_url == ""
    rendered = render_alert(alert, preview_url=alert.preview_url)
    public_url = embargoed_release.get_full_url()
    assert alert.embargo_notice in rendered.text and alert.preview_url in rendered.text
    assert "Read the embargoed release (your own preview link" in rendered.text
    assert public_url and public_url not in rendered.text + rendered.html


def test_public_link_is_held_back_while_the_release_is_embargoed(admin_user, embargoed_release):
    """Even a public link typed in by hand stays out of the e-mail until release."""
    alert = alert_from_release(embargoed_release, user=admin_user)
    alert.link_url = "https://www.example.org/newsroom/secret/"
    assert "secret" not in render_alert(alert).html


def test_release_button_is_on_press_releases_in_the_page_listing(admin_client, public_release):
    """Editors find 'Draft a media alert' among the release's actions."""
    html = admin_client.get(f"/admin/pages/{public_release.get_parent().pk}/").content.decode()
    assert f"/admin/alerts/from-release/{public_release.pk}/" in html


def test_alert_goes_out_when_its_release_is_published(
    public_release, django_capture_on_commit_callbacks
):
    """An alert marked 'send on publish' is sent once, when the release is published."""
    media_list = MediaListFactory()
    make_contacts(2, media_list, prefix="pub")
    alert = alert_from_release(public_release)
    alert.send_on_publish = True
    alert.save()
    alert.lists.add(media_list)
    with django_capture_on_commit_callbacks(execute=True):
        public_release.save_revision().publish()
    assert MediaAlert.objects.get(pk=alert.pk).status == "sent"
    assert sorted(m.to[0] for m in mail.outbox) == ["pub0@example.com", "pub1@example.com"]
    with django_capture_on_commit_callbacks(execute=True):
        public_release.save_revision().publish()
    assert len(mail.outbox) == 2


def test_alert_without_send_on_publish_waits(public_release, django_capture_on_commit_callbacks):
    """Publishing the release leaves an ordinary draft alert alone."""
    media_list = MediaListFactory()
    make_contacts(1, media_list, prefix="wait")
    alert = alert_from_release(public_release)
    alert.lists.add(media_list)
    with django_capture_on_commit_callbacks(execute=True):
        public_release.save_revision().publish()
    assert MediaAlert.objects.get(pk=alert.pk).status == "draft"
    assert mail.outbox == []


def test_scheduling_an_embargoed_release_does_not_send_its_alert(
    embargoed_release, django_capture_on_commit_callbacks
):
    """Publishing an embargoed release only schedules it: the alert waits for it to go public."""
    media_list = MediaListFactory()
    make_contacts(1, media_list, prefix="emb")
    alert = alert_from_release(embargoed_release)
    alert.send_on_publish = True
    alert.save()
    alert.lists.add(media_list)
    with django_capture_on_commit_callbacks(execute=True):
        embargoed_release.save_revision().publish()
    assert MediaAlert.objects.get(pk=alert.pk).status == "draft"
    assert mail.outbox == []
