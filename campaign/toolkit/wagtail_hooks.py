"""Admin for assets and partners, the first-party count sources, and the toolkit's demo content."""

import datetime

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaign.core.counts import COUNT_SOURCES_HOOK, CountSource

from .forms import CampaignAssetForm
from .kinds import CountKind
from .models import CampaignAsset, DailyCount, Partner
from .operations import ExactFillOperation
from .panels import annotate_counts, count_columns
from .safe_area import SafeAreaOperation
from .seed import seed_toolkit


class CampaignAssetViewSet(SnippetViewSet):
    model = CampaignAsset
    icon = "image"
    menu_label = "Assets"
    list_display = ["title", "goal", "state", *count_columns()]
    list_filter = ["state", "goal"]
    search_fields = ["title", "message"]
    ordering = ["title"]
    edit_handler = ObjectList(CampaignAsset.panels, base_form_class=CampaignAssetForm)

    def get_queryset(self, request):
        return annotate_counts(CampaignAsset.objects.select_related("goal"))


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partners"
    list_display = ["organisation", "code", "active", *count_columns()]
    list_filter = ["active"]
    search_fields = ["organisation", "code"]
    ordering = ["organisation"]

    def get_queryset(self, request):
        return annotate_counts(Partner.objects.all())


class ToolkitViewSetGroup(SnippetViewSetGroup):
    menu_label = "Toolkit"
    menu_icon = "image"
    menu_order = 210
    items = (CampaignAssetViewSet, PartnerViewSet)


register_snippet(ToolkitViewSetGroup)


@hooks.register("register_image_operations")
def register_image_operations():
    return [("exactfill", ExactFillOperation), ("safearea", SafeAreaOperation)]


def count_of(kind: str):
    def count(day_from: datetime.date, day_to: datetime.date) -> int:
        return DailyCount.objects.between(day_from, day_to).filter(kind=kind).total()

    return count


def count_active_partners(day_from: datetime.date, day_to: datetime.date) -> int:
    """Partners whose embeds were seen or clicked at least once in the range."""
    return (
        DailyCount.objects.between(day_from, day_to)
        .filter(partner__isnull=False, kind__in=[CountKind.IMPRESSION, CountKind.CLICK], n__gt=0)
        .values("partner")
        .distinct()
        .count()
    )


@hooks.register(COUNT_SOURCES_HOOK)
def count_sources():
    return [
        CountSource("toolkit.impressions", "Partner embed impressions", count_of("impression")),
        CountSource("toolkit.clicks", "Partner embed click-throughs", count_of("click")),
        CountSource("toolkit.downloads", "Toolkit downloads", count_of("download")),
        CountSource("toolkit.embed_copies", "Embed codes copied", count_of("embed_copy")),
        CountSource("toolkit.active_partners", "Partners with embeds seen", count_active_partners),
    ]


hooks.register("register_campaign_seed", fn=seed_toolkit, order=20)
