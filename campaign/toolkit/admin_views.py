"""The officer's side of partners: approve or decline a registration, replace a report link, and
the report of every partner, unregistered host and blocked host (a Wagtail report view)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from .models import DailyCount, Partner
from .partner_mail import send_approval, send_decline
from .reports import REPORT_KINDS, monthly_rows

EDIT_URL_NAME = "wagtailsnippets_toolkit_partner:edit"


def changeable_partner(request: HttpRequest, pk: int) -> Partner:
    if not request.user.has_perm("toolkit.change_partner"):
        raise PermissionDenied
    return get_object_or_404(Partner, pk=pk)


@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve a registration and e-mail the partner its code, embed codes and report link."""
    partner = changeable_partner(request, pk)
    if partner.status == Partner.Status.APPROVED:
        messages.info(request, _("%(name)s was already approved.") % {"name": partner})
        return redirect(EDIT_URL_NAME, pk)
    partner.status, partner.active = Partner.Status.APPROVED, True
    partner.save(update_fields=["status", "active"])
    log(partner, "toolkit.partner.approve", user=request.user)
    send_approval(partner, request)
    messages.success(
        request,
        _("%(name)s is approved; its code, embed codes and report link went to %(email)s.")
        % {"name": partner, "email": partner.contact_email},
    )
    return redirect(EDIT_URL_NAME, pk)


@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    partner = changeable_partner(request, pk)
    if partner.status != Partner.Status.PENDING:
        messages.info(request, _("Only a registration waiting for approval can be declined."))
        return redirect(EDIT_URL_NAME, pk)
    partner.status, partner.active = Partner.Status.DECLINED, False
    partner.save(update_fields=["status", "active"])
    log(partner, "toolkit.partner.decline", user=request.user)
    send_decline(partner)
    messages.success(request, _("%(name)s is declined and was told so.") % {"name": partner})
    return redirect(EDIT_URL_NAME, pk)


@require_POST
def revoke_report_link(request: HttpRequest, pk: int) -> HttpResponse:
    partner = changeable_partner(request, pk)
    partner.revoke_report_link()
    log(partner, "toolkit.partner.revoke_report_link", user=request.user)
    messages.success(
        request, _("The old report link of %(name)s no longer works.") % {"name": partner}
    )
    return redirect(EDIT_URL_NAME, pk)


def kind_column(kind) -> Column:
    return Column(kind.value, label=kind.label, accessor=lambda row: row.counts[kind])


class ToolkitUseReportView(ReportView):
    """Per month and asset: every partner, unregistered host and blocked host, with a CSV/XLSX."""

    page_title = gettext_lazy("Toolkit use by partner and host")
    header_icon = "group"
    index_url_name = "toolkit_use_report"
    index_results_url_name = "toolkit_use_report_results"
    permission_policy = ModelPermissionPolicy(Partner)
    any_permission_required = ["add", "change", "delete", "view"]
    columns = [
        Column("month", label=gettext_lazy("Month")),
        Column("who", label=gettext_lazy("Partner or host")),
        Column("who_kind", label=gettext_lazy("Type")),
        Column("asset", label=gettext_lazy("Asset")),
        *[kind_column(kind) for kind in REPORT_KINDS],
    ]
    list_export = [
        "month",
        "who",
        "who_kind",
        "asset",
        *[f"counts.{k.value}" for k in REPORT_KINDS],
    ]
    export_headings = {
        "month": gettext_lazy("Month"),
        "who": gettext_lazy("Partner or host"),
        "who_kind": gettext_lazy("Type"),
        "asset": gettext_lazy("Asset"),
        **{f"counts.{k.value}": k.label for k in REPORT_KINDS},
    }

    def get_filename(self) -> str:
        return f"toolkit-use-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return monthly_rows(DailyCount.objects.all())
