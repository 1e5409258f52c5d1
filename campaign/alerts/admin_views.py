"""Admin pages for alerts and contacts: the alert's send page (counts, preview, test, send,
schedule, cancel), composing from a release, and CSV export (the import: import_views)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.auth import permission_denied

from campaign.newsroom.models import PressReleasePage

from . import actions, csv_io
from .compose import alert_from_release
from .forms import SendAlertForm
from .models import MediaAlert, MediaList, PressContact
from .reconcile_views import unknown_deliveries_context
from .rendering import render_alert

PROBLEMS_SHOWN = 100


def _alert_or_403(request, pk: int) -> MediaAlert:
    if not request.user.has_perm("alerts.view_mediaalert") and not request.user.has_perm(
        "alerts.change_mediaalert"
    ):
        raise PermissionDenied
    return get_object_or_404(MediaAlert, pk=pk)


def rate(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def alert_detail(request, pk: int):
    alert = _alert_or_403(request, pk)
    counts = alert.deliveries.counts()
    sent = counts["sent"]
    rates = {
        "delivered": rate(counts["delivered"], sent),
        "opened": rate(counts["opened"], counts["delivered"] or sent),
        "clicked": rate(counts["clicked"], counts["delivered"] or sent),
        "bounced": rate(counts["bounced"], sent),
    }
    return render(
        request,
        "alerts/admin/alert_detail.html",
        {
            "alert": alert,
            "counts": counts,
            "rates": rates,
            "recipient_count": alert.recipients().count(),
            "problems": alert.deliveries.filter(status="failed").order_by("status", "email")[
                :PROBLEMS_SHOWN
            ],
            "can_send": actions.can_send(request.user),
            "send_form": SendAlertForm(),
            "page_title": alert.subject,
            "header_icon": "mail",
            **unknown_deliveries_context(alert, request.user),
        },
    )


@xframe_options_sameorigin
def alert_preview(request, pk: int):
    """The e-mail exactly as a recipient sees it (with a sample unsubscribe link)."""
    alert = _alert_or_403(request, pk)
    rendered = render_alert(alert, unsubscribe_url=reverse("alerts:unsubscribe", args=["sample"]))
    if request.GET.get("format") == "text":
        return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
    return HttpResponse(rendered.html)


def _do(request, pk: int, action, success: str):
    alert = _alert_or_403(request, pk)
    try:
        action(alert)
    except PermissionDenied:
        return permission_denied(request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("alerts_admin:alert_detail", pk=alert.pk)


@require_POST
def alert_send(request, pk: int):
    form = SendAlertForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("scheduled_at", ["Invalid time."])))
        return redirect("alerts_admin:alert_detail", pk=pk)
    when = form.cleaned_data["scheduled_at"]
    return _do(
        request,
        pk,
        lambda alert: actions.schedule_alert(alert, when, request.user),
        f"Scheduled for {when:%b %d, %Y %H:%M}." if when else "Sending has started.",
    )


@require_POST
def alert_cancel(request, pk: int):
    return _do(
        request, pk, lambda alert: actions.cancel_alert(alert, request.user), "Alert cancelled."
    )


@require_POST
def alert_send_test(request, pk: int):
    return _do(
        request,
        pk,
        lambda alert: actions.send_test_to_user(alert, request.user),
        f"Test sent to {request.user.email}.",
    )


@require_http_methods(["GET", "POST"])
def create_from_release(request, page_id: int):
    """GET shows what the alert will carry; the one button creates it (nothing changes on GET:
    a preview link for an embargoed release is only made on POST)."""
    if not request.user.has_perm("alerts.add_mediaalert"):
        return permission_denied(request)
    release = get_object_or_404(PressReleasePage, pk=page_id)
    if request.method == "GET":
        return render(
            request,
            "alerts/admin/from_release.html",
            {"release": release, "page_title": "Draft a media alert", "header_icon": "mail"},
        )
    alert = alert_from_release(release, user=request.user)
    messages.success(request, "Alert drafted from the release. Choose the lists, then send.")
    return redirect(reverse("wagtailsnippets_alerts_mediaalert:edit", args=[alert.pk]))


def contacts_export(request):
    if not request.user.has_perm("alerts.view_presscontact") and not request.user.has_perm(
        "alerts.change_presscontact"
    ):
        return permission_denied(request)
    contacts = PressContact.objects.prefetch_related(
        Prefetch("lists", queryset=MediaList.objects.order_by("name"))
    ).order_by("email")
    list_id = request.GET.get("list", "")
    if list_id.isdigit():
        contacts = contacts.filter(lists__pk=int(list_id))
    response = HttpResponse(csv_io.export_contacts(contacts), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="press-contacts.csv"'
    return response
