"""Embargoed preview links: signed, expiring, revocable, showing the latest draft as EMBARGOED."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from campaign.newsroom.embargo import create_preview_link
from campaign.newsroom.models import EmbargoPreviewLink, PressReleasePage

from .factories import PressReleasePageFactory, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.fixture
def embargoed(newsroom) -> PressReleasePage:
    release = PressReleasePageFactory(
        title="Embargoed headline for preview",
        live=False,
        embargo_until=timezone.now() + datetime.timedelta(days=2),
    )
    return publish(release)


def test_default_expiry_is_the_embargo_time(embargoed):
    """A link for an embargoed release expires when the embargo lifts."""
    link = create_preview_link(embargoed)
    assert link.expires_at == embargoed.embargo_until
    assert link.is_valid


def test_default_expiry_without_embargo_is_a_week(seeded_release):
    """Without an embargo ahead, a link lasts seven days."""
    link = create_preview_link(seeded_release)
    assert abs(link.expires_at - (timezone.now() + datetime.timedelta(days=7))).total_seconds() < 60


def test_preview_link_cannot_expire_in_the_past(embargoed):
    """Asking for a link that is already expired is refused."""
    with pytest.raises(ValueError, match="expire in the future"):
        create_preview_link(embargoed, expires_at=timezone.now() - datetime.timedelta(hours=1))


def test_full_url_is_absolute_and_signed(embargoed):
    """The URL starts with WAGTAILADMIN_BASE_URL and carries the token with its signature."""
    link = create_preview_link(embargoed)
    assert link.full_url == f"http://testserver/press-preview/{link.signed_token}/"
    assert link.signed_token.startswith(link.token + ":")


def test_preview_shows_latest_draft_with_banner_and_noindex(client, embargoed):
    """The link shows the newest draft, an EMBARGOED banner, and tells robots and caches off."""
    draft = embargoed.get_latest_revision_as_object()
    draft.title = "Redrafted embargoed headline"
    draft.save_revision()
    link = create_preview_link(embargoed)
    response = client.get(link.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Redrafted embargoed headline" in html
    assert "<strong>EMBARGOED</strong>" in html
    assert "EMBARGOED UNTIL" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"


def test_preview_link_expires(client, embargoed):
    """After its expiry the link answers 410 Gone and shows nothing of the release."""
    link = create_preview_link(embargoed, expires_at=timezone.now() + datetime.timedelta(hours=1))
    with time_machine.travel(link.expires_at + datetime.timedelta(seconds=1)):
        response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    html = response.content.decode()
    assert "This link expired" in html and embargoed.title not in html
    assert response["Cache-Control"] == "private, no-store"


def test_revoked_link_stops_working(client, embargoed):
    """A revoked link answers 410 Gone at once."""
    link = create_preview_link(embargoed)
    link.revoke()
    response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
    assert embargoed.title not in response.content.decode()


def test_forged_token_is_not_found(client, embargoed):
    """A token with a wrong signature, or no link behind it, is a 404."""
    link = create_preview_link(embargoed)
    assert client.get(f"/press-preview/{link.token}:forged/").status_code == 404
    assert client.get(f"/press-preview/{link.token}/").status_code == 404


def test_edit_page_offers_preview_links(admin_client, embargoed):
    """The release's admin header links to its preview-link screen; other pages do not."""
    html = admin_client.get(f"/admin/pages/{embargoed.pk}/edit/").content.decode()
    assert f'href="/admin/newsroom/releases/{embargoed.pk}/preview-links/"' in html
    newsroom_edit = admin_client.get(f"/admin/pages/{embargoed.get_parent().pk}/edit/")
    assert "preview-links" not in newsroom_edit.content.decode()


def test_page_listing_offers_preview_links(admin_client, embargoed):
    """The newsroom's page listing has 'Embargo preview links' among a release's actions."""
    html = admin_client.get(f"/admin/pages/{embargoed.get_parent().pk}/").content.decode()
    assert f"/admin/newsroom/releases/{embargoed.pk}/preview-links/" in html


def test_admin_creates_and_revokes_a_link(admin_client, embargoed):
    """An editor creates a link from the page's admin, sees its URL, and revokes it."""
    url = f"/admin/newsroom/releases/{embargoed.pk}/preview-links/"
    response = admin_client.post(url, {"note": "AP Hartford desk", "expires_at": ""}, follow=True)
    link = EmbargoPreviewLink.objects.get(page=embargoed)
    html = response.content.decode()
    assert link.full_url in html and "AP Hartford desk" in html and "Active" in html
    assert link.created_by.is_superuser and link.expires_at == embargoed.embargo_until
    response = admin_client.post(f"/admin/newsroom/preview-links/{link.pk}/revoke/", follow=True)
    link.refresh_from_db()
    assert link.revoked_at is not None and "Revoked" in response.content.decode()


def test_admin_rejects_a_past_expiry(admin_client, embargoed):
    """A past expiry is a 400 with the reason on the form, and no link is made."""
    response = admin_client.post(
        f"/admin/newsroom/releases/{embargoed.pk}/preview-links/",
        {"expires_at": "2001-01-01T10:00"},
    )
    assert response.status_code == 400
    assert "must expire in the future" in response.content.decode()
    assert not EmbargoPreviewLink.objects.exists()


def test_user_without_edit_permission_cannot_create_links(client, django_user_model, embargoed):
    """An admin user who cannot edit the release is turned away and no link is made."""
    user = django_user_model.objects.create_user("viewer", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(f"/admin/newsroom/releases/{embargoed.pk}/preview-links/", {})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not EmbargoPreviewLink.objects.exists()


def test_communications_user_can_create_links(client, django_user_model, embargoed):
    """A member of the Communications group can make preview links for releases."""
    user = django_user_model.objects.create_user("press-officer", password="pw")
    user.groups.add(Group.objects.get(name="Communications"))
    client.force_login(user)
    response = client.post(f"/admin/newsroom/releases/{embargoed.pk}/preview-links/", {})
    assert response.status_code == 302
    assert EmbargoPreviewLink.objects.get().created_by == user
