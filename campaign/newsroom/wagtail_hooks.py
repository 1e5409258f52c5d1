"""The newsroom's admin (snippets, preview-link screens and buttons) and what it gives other
apps through hooks: the home page's latest news, first-party counts and demo content."""

import datetime

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaign.core.counts import COUNT_SOURCES_HOOK, CountSource

from . import admin_urls
from .models import Boilerplate, MediaContact, PressClip, PressReleasePage
from .seed import seed_newsroom, seed_translators


class MediaContactViewSet(SnippetViewSet):
    model = MediaContact
    icon = "user"
    list_display = ["name", "title", "organisation", "phone", "email"]
    search_fields = ["name", "organisation"]


class BoilerplateViewSet(SnippetViewSet):
    model = Boilerplate
    icon = "doc-full"
    menu_label = "About the Council"
    list_display = ["heading", "is_default"]


class PressClipViewSet(SnippetViewSet):
    model = PressClip
    icon = "link"
    list_display = ["headline", "outlet", "published_on", "release", "reach"]
    list_filter = ["outlet"]
    search_fields = ["headline", "outlet"]
    ordering = ["-published_on"]


class NewsroomViewSetGroup(SnippetViewSetGroup):
    menu_label = "Newsroom"
    menu_icon = "openquote"
    menu_order = 210
    items = (MediaContactViewSet, BoilerplateViewSet, PressClipViewSet)


register_snippet(NewsroomViewSetGroup)


class ExactDateColumn(Column):
    """The date and time itself: Wagtail's DateColumn says "Just now" for a future time."""

    cell_template_name = "newsroom/admin/exact_date_cell.html"


class PressReleaseListingViewSet(PageListingViewSet):
    """Every release in one flat listing, with its release time and its embargo (the go-live
    time from the schedule dialog) beside its status."""

    model = PressReleasePage
    icon = "doc-full"
    menu_label = "Press releases"
    add_to_admin_menu = True
    menu_order = 150
    name = "press_releases"
    columns = [
        *PageListingViewSet.columns,
        ExactDateColumn("release_at", label="Release", sort_key="release_at", width="14%"),
        ExactDateColumn(
            "embargo_until", label="Embargoed until", sort_key="embargo_until", width="14%"
        ),
    ]


@hooks.register("register_admin_viewset")
def register_press_release_listing():
    return PressReleaseListingViewSet()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("newsroom/", include(admin_urls))]


def preview_links_button(page, user, priority: int):
    if page.specific_class is PressReleasePage and page.permissions_for_user(user).can_edit():
        yield Button(
            "Embargo preview links",
            reverse("newsroom_admin:preview_links", args=[page.pk]),
            icon_name="link",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    yield from preview_links_button(page, user, priority=40)


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    yield from preview_links_button(page, user, priority=45)


@hooks.register("campaign_latest_news")
def latest_releases(limit: int) -> list[PressReleasePage]:
    return list(PressReleasePage.objects.live().public().released().newest_first()[:limit])


def count_clips(day_from: datetime.date, day_to: datetime.date) -> int:
    return PressClip.objects.dated_between(day_from, day_to).count()


def count_releases(day_from: datetime.date, day_to: datetime.date) -> int:
    releases = PressReleasePage.objects.live().public().released()
    return releases.released_between(day_from, day_to).count()


@hooks.register(COUNT_SOURCES_HOOK)
def count_sources():
    return [
        CountSource(
            "newsroom.press_clips", "Press clips (stories about the campaign)", count_clips
        ),
        CountSource("newsroom.releases", "Press releases published", count_releases),
    ]


hooks.register("register_campaign_seed", fn=seed_newsroom, order=10)
# After core's Spanish site (order 200), so the Communications group can translate into it.
hooks.register("register_campaign_seed", fn=seed_translators, order=210)


@hooks.register("register_log_actions")
def register_preview_link_log_actions(actions):
    actions.register_action(
        "newsroom.preview_link.create",
        _("Create embargo preview link"),
        _("Embargo preview link created"),
    )
    actions.register_action(
        "newsroom.preview_link.create_many",
        _("Create recipients' preview links"),
        _("Preview links created for a media alert's recipients"),
    )
    actions.register_action(
        "newsroom.preview_link.revoke",
        _("Revoke embargo preview link"),
        _("Embargo preview link revoked"),
    )
