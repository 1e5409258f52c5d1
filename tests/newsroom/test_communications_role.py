"""`setup_communications_group` on a real site: the role can do its whole job, and no more."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from campaign.alerts.models import ContactState
from campaign.newsroom.models import NewsroomPage
from tests.alerts.factories import PressContactFactory
from tests.newsroom.factories import PressReleasePageFactory, publish

pytestmark = pytest.mark.django_db


def test_the_role_may_send_media_alerts(communications_member):
    """Without the demo seed, the group may write and send media alerts."""
    assert communications_member.has_perm("alerts.add_mediaalert")
    assert communications_member.has_perm("alerts.send_mediaalert")


def test_the_role_manages_contacts_and_lists(communications_member):
    """The group may add and change press contacts and media lists."""
    for codename in ("add_presscontact", "change_presscontact", "add_medialist"):
        assert communications_member.has_perm(f"alerts.{codename}")


def test_the_role_runs_the_toolkit_and_partners(communications_member):
    """The group may add campaign assets and partners, and upload images for them."""
    assert communications_member.has_perm("toolkit.add_campaignasset")
    assert communications_member.has_perm("toolkit.change_partner")
    images = policy_registry.get_by_type(get_image_model())
    assert images.user_has_permission(communications_member, "add")


def test_the_role_sees_engagement_and_edits_search_promotions(communications_member):
    """The group may open the engagement report and promote search results."""
    assert communications_member.has_perm("engagement.view_indicator")
    assert communications_member.has_perm("engagement.add_manualentry")
    assert communications_member.has_perm("wagtailsearchpromotions.add_searchpromotion")


def test_the_role_publishes_releases_through_review(communications_member):
    """The group may add and publish releases under the newsroom, which has the review workflow."""
    newsroom = NewsroomPage.objects.get()
    assert newsroom.permissions_for_user(communications_member).can_add_subpage()
    assert newsroom.permissions_for_user(communications_member).can_publish_subpage()
    assert newsroom.get_workflow().name == "Press release review"


def test_the_role_cannot_clear_do_not_contact(communications_member):
    """Clearing a do-not-contact flag stays with administrators."""
    contact = PressContactFactory(state=ContactState.DO_NOT_CONTACT)
    contact.refresh_from_db()
    contact.state = ContactState.ACTIVE
    contact.acting_user = communications_member
    with pytest.raises(ValidationError):
        contact.full_clean()


def test_the_role_cannot_manage_users(communications_member):
    """The group has no say over users, groups or sites."""
    assert not communications_member.has_perm("auth.change_user")
    assert not communications_member.has_perm("wagtailcore.change_site")


def test_the_release_listing_shows_each_embargo(client, communications_member):
    """The Press releases listing in the admin shows a scheduled release's embargo time."""
    embargo = timezone.now() + datetime.timedelta(days=3)
    publish(PressReleasePageFactory(title="Quiet until Friday", embargo_until=embargo))
    client.force_login(communications_member)
    html = client.get(reverse("press_releases:index")).content.decode()
    assert "Quiet until Friday" in html and "Embargoed until" in html
    assert (
        localtime(embargo).strftime("%Y-%m-%d") in html or date_format(localtime(embargo)) in html
    )


def test_a_recreated_group_reviews_releases(communications_member):
    """After the group is deleted and the command run again, its members still approve."""
    task = NewsroomPage.objects.get().get_workflow().tasks.get().specific
    assert communications_member.groups.get() in task.groups.all()
