"""What the newsroom gives other apps (latest news, counts) and its demo content and roles."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail import hooks

from campaign.core.counts import get_count_sources
from campaign.newsroom.dates import RELEASE_TIME_ZONE
from campaign.newsroom.models import (
    Boilerplate,
    EmbargoPreviewLink,
    MediaContact,
    NewsroomPage,
    PressClip,
    PressReleasePage,
)
from home.models import LATEST_NEWS_HOOK

from .factories import PressClipFactory, PressReleasePageFactory, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_latest_news_hook_returns_released_pages_with_news_date(seeded_release):
    """The hook gives released, live releases with an aware news_date, newest first."""
    newer = publish(PressReleasePageFactory(title="A newer release"))
    (fn,) = hooks.get_hooks(LATEST_NEWS_HOOK)
    items = fn(5)
    assert [item.pk for item in items[:2]] == [newer.pk, seeded_release.pk]
    assert all(item.news_date.tzinfo is not None for item in items)
    assert all(not item.is_embargoed and item.live for item in items)


def test_count_sources_count_clips_and_releases_in_a_range(seeded_release):
    """'newsroom.press_clips' counts clips dated in the range; 'newsroom.releases' releases."""
    sources = get_count_sources()
    PressClipFactory(published_on=datetime.date(2017, 1, 31))
    january = (datetime.date(2017, 1, 1), datetime.date(2017, 1, 31))
    assert sources["newsroom.press_clips"].count(*january) == 4
    assert (
        sources["newsroom.press_clips"].count(datetime.date(2017, 4, 1), datetime.date(2017, 4, 30))
        == 1
    )
    assert sources["newsroom.releases"].count(*january) == 1
    assert (
        sources["newsroom.releases"].count(datetime.date(2017, 1, 12), datetime.date(2017, 2, 1))
        == 0
    )


def test_release_count_uses_eastern_days(newsroom):
    """A release at 11 p.m. Eastern on Jan. 31 counts for Jan. 31, not Feb. 1 (UTC)."""
    publish(
        PressReleasePageFactory(
            release_at=datetime.datetime(2022, 1, 31, 23, tzinfo=RELEASE_TIME_ZONE)
        )
    )
    count = get_count_sources()["newsroom.releases"].count
    assert count(datetime.date(2022, 1, 31), datetime.date(2022, 1, 31)) == 1
    assert count(datetime.date(2022, 2, 1), datetime.date(2022, 2, 1)) == 0


def test_seeding_again_changes_nothing(seeded_release):
    """Running seed_campaign a second time adds no newsroom pages, records or groups."""
    models = [NewsroomPage, PressReleasePage, MediaContact, Boilerplate, PressClip, Group]
    before = [model.objects.count() for model in models]
    call_command("seed_campaign", stdout=io.StringIO())
    assert [model.objects.count() for model in models] == before


def test_communications_group_can_create_submit_and_publish(
    django_user_model, newsroom, seeded_release
):
    """A Communications member may add, edit and publish releases, which go through review."""
    user = django_user_model.objects.create_user("comms", password="pw")
    user.groups.add(Group.objects.get(name="Communications"))
    assert newsroom.permissions_for_user(user).can_add_subpage()
    permissions = seeded_release.permissions_for_user(user)
    assert permissions.can_edit() and permissions.can_publish()
    assert user.has_perm("newsroom.add_pressclip") and user.has_perm("newsroom.change_mediacontact")
    assert seeded_release.get_workflow().name == "Press release review"
    assert not EmbargoPreviewLink.objects.exists()


def test_setup_communications_group_recreates_the_group(newsroom):
    """On a site without the seed, the command makes the group with its page permissions."""
    Group.objects.filter(name="Communications").delete()
    out = io.StringIO()
    call_command("setup_communications_group", stdout=out)
    group = Group.objects.get(name="Communications")
    assert "Communications group" in out.getvalue()
    assert set(group.page_permissions.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
        "publish_page",
    }
