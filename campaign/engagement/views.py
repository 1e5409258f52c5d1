"""Admin views: the engagement report and the CSV of daily snapshots."""

import csv
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .dashboard import PERIOD_CHOICES, build_report
from .models import Indicator, IndicatorSnapshot
from .tasks import sync_engagement_task

VIEW_PERMISSION = "engagement.view_indicator"


def check_permission(request: HttpRequest) -> None:
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied


def chosen_period(request: HttpRequest) -> int:
    try:
        back = int(request.GET.get("back", 0))
    except ValueError:
        return 0
    return back if back in dict(PERIOD_CHOICES) else 0


def report(request: HttpRequest) -> TemplateResponse:
    check_permission(request)
    back = chosen_period(request)
    context = {
        "report": build_report(timezone.localdate(), back),
        "period_choices": PERIOD_CHOICES,
        "back": back,
        "last_synced_at": Indicator.objects.aggregate(last=Max("last_synced_at"))["last"],
    }
    return TemplateResponse(request, "engagement/admin/report.html", context)


@require_POST
def sync_now(request: HttpRequest) -> HttpResponse:
    """Run the sync (yesterday and today so far) in the background, as the nightly job does."""
    check_permission(request)
    transaction.on_commit(sync_engagement_task.enqueue)
    messages.success(
        request, _("Sync started in the background: reload this page in a minute to see it.")
    )
    return redirect("engagement_report")


def snapshots_csv(request: HttpRequest) -> HttpResponse:
    check_permission(request)
    snapshots = IndicatorSnapshot.objects.select_related("indicator__goal").order_by(
        "indicator__goal__number", "indicator__sort_order", "indicator__name", "date"
    )
    since = request.GET.get("since", "")
    if since:
        try:
            snapshots = snapshots.filter(date__gte=datetime.date.fromisoformat(since))
        except ValueError:
            return HttpResponse(
                f"'since' must be a date like 2026-01-31, not '{since}'.",
                status=400,
                content_type="text/plain",
            )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"engagement-snapshots-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(
        ["goal", "goal_slug", "indicator", "date", "value", "unit", "target", "period", "source"]
    )
    for snap in snapshots.iterator(chunk_size=2000):
        indicator = snap.indicator
        writer.writerow(
            [
                indicator.goal.number,
                indicator.goal.slug,
                indicator.name,
                snap.date.isoformat(),
                snap.value,
                indicator.unit,
                indicator.target,
                indicator.period,
                indicator.source_kind,
            ]
        )
    return response
