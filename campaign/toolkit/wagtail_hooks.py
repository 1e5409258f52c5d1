"""Admin for assets and partners, the first-party count sources, and the toolkit's demo content."""

import datetime

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaign.core.counts import COUNT_SOURCES_HOOK, CountSource

from . import admin_views
from .forms import CampaignAssetForm
from .kinds import CountKind
from .models import BlockedHost, CampaignAsset, DailyCount, Partner
from .operations import ExactFillOperation
from .panels import annotate_counts, count_columns
from .safe_area import SafeAreaOperation
from .seed import seed_spanish_assets, seed_toolkit


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
    list_display = ["organisation", "code", "status", "active", *count_columns()]
    list_filter = ["status", "active"]
    search_fields = ["organisation", "code"]
    ordering = ["organisation"]

    def get_queryset(self, request):
        return annotate_counts(Partner.objects.all())


class BlockedHostViewSet(SnippetViewSet):
    model = BlockedHost
    icon = "cross"
    menu_label = _("Blocked hosts")
    list_display = ["host", "reason", "created_at"]
    search_fields = ["host"]
    ordering = ["host"]


class ToolkitViewSetGroup(SnippetViewSetGroup):
    menu_label = "Toolkit"
    menu_icon = "image"
    menu_order = 210
    items = (CampaignAssetViewSet, PartnerViewSet, BlockedHostViewSet)


register_snippet(ToolkitViewSetGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "toolkit/partners/<int:pk>/approve/",
            admin_views.approve,
            name="toolkit_partner_approve",
        ),
        path(
            "toolkit/partners/<int:pk>/decline/",
            admin_views.decline,
            name="toolkit_partner_decline",
        ),
        path(
            "toolkit/partners/<int:pk>/revoke-report-link/",
            admin_views.revoke_report_link,
            name="toolkit_partner_revoke_report_link",
        ),
        path(
            "reports/toolkit-use/",
            admin_views.ToolkitUseReportView.as_view(),
            name="toolkit_use_report",
        ),
        path(
            "reports/toolkit-use/results/",
            admin_views.ToolkitUseReportView.as_view(results_only=True),
            name="toolkit_use_report_results",
        ),
    ]


class ToolkitUseMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("toolkit.view_partner") or request.user.has_perm(
            "toolkit.change_partner"
        )


@hooks.register("register_reports_menu_item")
def register_toolkit_use_report():
    return ToolkitUseMenuItem(
        _("Toolkit use by partner and host"),
        reverse("toolkit_use_report"),
        icon_name="group",
        order=700,
    )


@hooks.register("register_log_actions")
def register_partner_log_actions(actions):
    actions.register_action("toolkit.partner.approve", _("Approve partner"), _("Partner approved"))
    actions.register_action("toolkit.partner.decline", _("Decline partner"), _("Partner declined"))
    actions.register_action(
        "toolkit.partner.revoke_report_link",
        _("Replace report link"),
        _("Partner report link replaced"),
    )


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
        CountSource("toolkit.blocked", "Embeds on blocked hosts", count_of("blocked")),
        CountSource("toolkit.active_partners", "Partners with embeds seen", count_active_partners),
    ]


hooks.register("register_campaign_seed", fn=seed_toolkit, order=20)
# After core's Spanish site (order 200), which makes the Spanish toolkit page and goals.
hooks.register("register_campaign_seed", fn=seed_spanish_assets, order=205)
