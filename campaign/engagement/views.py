"""Admin views: the engagement report (a Wagtail report with its spreadsheet export) and the
"Sync now" button."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from campaign.core.models import CampaignGoal
from campaign.core.text import neutralise_formula

from .dashboard import PERIOD_CHOICES, IndicatorRow, build_report
from .models import Indicator
from .tasks import sync_engagement_task

VIEW_PERMISSION = "engagement.view_indicator"
# Ten years of days is more than the campaign has; a longer range is a typing mistake.
MAX_RANGE_DAYS = 3700


def check_permission(request: HttpRequest) -> None:
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied


class ReportFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        dates = cleaned.get("dates")
        if dates and (dates.start is None) != (dates.stop is None):
            raise forms.ValidationError(_("Choose both a first and a last day, or neither."))
        if dates and dates.start and dates.start > dates.stop:
            raise forms.ValidationError(_("The first day is after the last day."))
        if dates and dates.start and (dates.stop - dates.start).days > MAX_RANGE_DAYS:
            raise forms.ValidationError(_("Choose a range of at most ten years."))
        return cleaned


class EngagementFilterSet(WagtailFilterSet):
    goal = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Goal"),
        # The goals of the default language: indicators belong to those, not to translations.
        queryset=lambda request: CampaignGoal.objects.filter(
            locale=Locale.get_default()
        ).in_order(),
        empty_label=gettext_lazy("All goals"),
    )
    period = django_filters.ChoiceFilter(
        label=gettext_lazy("Period"),
        choices=PERIOD_CHOICES,
        empty_label=gettext_lazy("Current period"),
        method="keep_all",
    )
    dates = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Any dates (instead of the period)"),
        widget=DateRangePickerWidget,
        method="keep_all",
    )

    class Meta:
        model = Indicator
        fields = ["goal"]
        form = ReportFilterForm

    def keep_all(self, queryset, name, value):
        """Periods and dates choose what the values cover, not which indicators are listed."""
        return queryset


@dataclass
class ExportRow:
    """One line of the spreadsheet: an indicator's total for the range, or one of its days."""

    goal: int
    indicator: str
    row: str
    start: datetime.date
    end: datetime.date
    value: Decimal | str
    target: Decimal | str = ""
    progress: int | str = ""
    unit: str = ""
    source: str = ""


def export_rows(row: IndicatorRow) -> list[ExportRow]:
    indicator = row.indicator
    total = ExportRow(
        indicator.goal.number,
        indicator.name,
        _("period total"),
        row.start,
        row.end,
        row.value if row.has_data else "",
        indicator.target,
        row.percent,
        indicator.unit,
        indicator.get_source_kind_display(),
    )
    days = [
        ExportRow(indicator.goal.number, indicator.name, _("day"), day, day, value)
        for day, value in sorted(row.daily.items())
    ]
    return [total, *days]


class EngagementReportView(ReportView):
    """Each goal's indicators against target for a period or any dates; the export has each
    indicator's total and progress beside its daily values."""

    page_title = gettext_lazy("Engagement")
    header_icon = "pick"
    model = Indicator
    permission_required = "view"
    filterset_class = EngagementFilterSet
    index_url_name = "engagement_report"
    index_results_url_name = "engagement_report_results"
    results_template_name = "engagement/admin/report_results.html"
    paginate_by = None
    list_export = [
        "goal",
        "indicator",
        "row",
        "start",
        "end",
        "value",
        "target",
        "progress",
        "unit",
        "source",
    ]
    export_headings = {
        "goal": gettext_lazy("Goal"),
        "indicator": gettext_lazy("Indicator"),
        "row": gettext_lazy("Row"),
        "start": gettext_lazy("From"),
        "end": gettext_lazy("To"),
        "value": gettext_lazy("Value"),
        "target": gettext_lazy("Target"),
        "progress": gettext_lazy("Progress (% of target)"),
        "unit": gettext_lazy("Unit"),
        "source": gettext_lazy("Source"),
    }
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        # Indicator names are typed by people: a spreadsheet must not run one as a formula
        # (Wagtail's XLSX export already stores such cells as text).
        str: {ReportView.FORMAT_CSV: neutralise_formula},
    }

    def get_base_queryset(self):
        return Indicator.objects.for_report()

    @cached_property
    def chosen(self) -> dict:
        filters = self.filters
        if filters.is_valid():
            return filters.form.cleaned_data
        return {}

    @cached_property
    def report(self):
        dates = self.chosen.get("dates")
        return build_report(
            timezone.localdate(),
            back=int(self.chosen.get("period") or 0),
            # The range field gives the first and last moments of the days chosen.
            date_range=(dates.start.date(), dates.stop.date()) if dates and dates.start else None,
            indicators=list(self.object_list),
        )

    def decorate_paginated_queryset(self, object_list):
        rows = [row for goal in self.report.goals for row in goal.rows]
        if self.is_export:
            return [line for row in rows for line in export_rows(row)]
        return rows

    def get_filename(self):
        return f"engagement-{timezone.localdate():%Y-%m-%d}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.report
        context["filter_errors"] = self.filters.form.errors if not self.filters.is_valid() else {}
        context["last_synced_at"] = Indicator.objects.aggregate(last=Max("last_synced_at"))["last"]
        return context


@require_POST
def sync_now(request: HttpRequest) -> HttpResponse:
    """Run the sync (yesterday and today so far) in the background, as the nightly job does."""
    check_permission(request)
    transaction.on_commit(sync_engagement_task.enqueue)
    messages.success(
        request, _("Sync started in the background: reload this page in a minute to see it.")
    )
    return redirect("engagement_report")
