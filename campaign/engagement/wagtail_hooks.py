"""Admin: the Engagement menu (report, indicators, manual values), the admin home panel, the
count of form submissions for the reports, and the demo content."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign.core.counts import COUNT_SOURCES_HOOK
from campaign.core.head import PUBLIC_HEAD_HOOK
from campaign.core.navigation import ACTIONS_HOOK

from . import views
from .analytics import plausible_head_html
from .counts import form_submission_sources
from .dashboard import build_report
from .models import ActionFormPage, Indicator, ManualEntry
from .seed import seed_engagement


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "pick"
    list_display = ["name", "goal", "source_kind", "target", "period", "last_synced_at"]
    list_filter = ["goal", "source_kind", "period"]
    search_fields = ["name", "description"]


class ManualEntryViewSet(SnippetViewSet):
    model = ManualEntry
    icon = "edit"
    list_display = ["indicator", "date", "value", "note"]
    list_filter = ["indicator"]
    search_fields = ["note"]


indicator_viewset = IndicatorViewSet()
manual_entry_viewset = ManualEntryViewSet()
register_snippet(indicator_viewset)
register_snippet(manual_entry_viewset)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("engagement/", views.EngagementReportView.as_view(), name="engagement_report"),
        path(
            "engagement/results/",
            views.EngagementReportView.as_view(results_only=True),
            name="engagement_report_results",
        ),
        path("engagement/sync/", views.sync_now, name="engagement_sync_now"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_engagement_menu():
    menu = Menu(
        items=[
            PermissionMenuItem(
                _("Report"),
                reverse("engagement_report"),
                icon_name="table",
                order=100,
                permission=views.VIEW_PERMISSION,
            ),
            PermissionMenuItem(
                _("Indicators"),
                reverse(indicator_viewset.get_url_name("list")),
                icon_name="pick",
                order=200,
                permission="engagement.change_indicator",
            ),
            PermissionMenuItem(
                _("Manual values"),
                reverse(manual_entry_viewset.get_url_name("list")),
                icon_name="edit",
                order=300,
                permission="engagement.add_manualentry",
            ),
        ]
    )
    return SubmenuMenuItem(_("Engagement"), menu, icon_name="pick", name="engagement", order=250)


@hooks.register("register_reports_menu_item")
def register_engagement_report():
    return PermissionMenuItem(
        _("Engagement"),
        reverse("engagement_report"),
        icon_name="pick",
        order=50,
        permission=views.VIEW_PERMISSION,
    )


class EngagementPanel(Component):
    """The admin home's summary: each goal's indicators against target this period."""

    name = "engagement_summary"
    order = 110
    template_name = "engagement/admin/home_panel.html"

    def get_context_data(self, parent_context=None):
        # The admin home must not wait for Plausible: the totals the sync stored are enough.
        return {"report": build_report(timezone.localdate(), ask_plausible=False)}


@hooks.register("construct_homepage_panels")
def add_engagement_panel(request, panels):
    if request.user.has_perm(views.VIEW_PERMISSION):
        panels.append(EngagementPanel())


@hooks.register("insert_global_admin_css")
def engagement_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("engagement/admin.css"))


def action_form_pages(root):
    """The action forms visitors can fill in, for the menu's "Take action" and the home page."""
    return ActionFormPage.objects.descendant_of(root).live().public().select_related("goal")


hooks.register(ACTIONS_HOOK, fn=action_form_pages)
hooks.register(COUNT_SOURCES_HOOK, fn=form_submission_sources)
hooks.register(PUBLIC_HEAD_HOOK, fn=plausible_head_html)
hooks.register("register_campaign_seed", fn=seed_engagement, order=30)
