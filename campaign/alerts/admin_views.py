"""Admin pages for alerts and contacts: the alert's send page (counts, preview, test, send,
schedule, cancel), composing from a release, and CSV export (the import: import_views)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.auth import permission_denied

from campaign.newsroom.models import PressReleasePage

from . import actions, csv_io, signups
from .compose import alert_from_release
from .forms import SendAlertForm, SignupReviewForm, TestSendForm
from .models import ContactState, MediaAlert, MediaList, NewsroomSignup, PressContact
from .reconcile_views import unknown_deliveries_context
from .rendering import render_alert

PROBLEMS_SHOWN = 100
RECIPIENT_LINKS_PER_PAGE = 100


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
            "test_form": TestSendForm(initial={"addresses": request.user.email}),
            "recipient_links": recipient_links(alert, request.GET.get("links_page")),
            "page_title": alert.subject,
            "header_icon": "mail",
            **unknown_deliveries_context(alert, request.user),
        },
    )


def recipient_links(alert: MediaAlert, page_number):
    """The recipients' own preview links, a page at a time (empty without an embargo)."""
    deliveries = alert.deliveries.filter(preview_link__isnull=False).select_related("preview_link")
    return Paginator(deliveries.order_by("email"), RECIPIENT_LINKS_PER_PAGE).get_page(page_number)


@xframe_options_sameorigin
def alert_preview(request, pk: int):
    """The e-mail exactly as a recipient sees it (with a sample unsubscribe link)."""
    alert = _alert_or_403(request, pk)
    rendered = render_alert(
        alert,
        unsubscribe_url=reverse("alerts:unsubscribe", args=["sample"]),
        preview_url=alert.preview_url,
    )
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


LEFT_OUT_REASONS = {
    ContactState.UNSUBSCRIBED: gettext_lazy("unsubscribed"),
    ContactState.BOUNCED: gettext_lazy("their address bounced"),
    ContactState.COMPLAINED: gettext_lazy("marked an alert as spam"),
    ContactState.DO_NOT_CONTACT: gettext_lazy("marked do-not-contact"),
}


def alert_confirm_send(request, pk: int):
    """'Send now' and 'Schedule' first show who will receive the alert, who is left out and
    why, and ask to confirm. Nothing changes here."""
    alert = _alert_or_403(request, pk)
    if not actions.can_send(request.user):
        return permission_denied(request)
    form = SendAlertForm(request.GET)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("scheduled_at", [_("Invalid time.")])))
        return redirect("alerts_admin:alert_detail", pk=pk)
    audience = alert.audience()
    left_out = [
        (LEFT_OUT_REASONS[state], audience[state]) for state in LEFT_OUT_REASONS if audience[state]
    ]
    return render(
        request,
        "alerts/admin/confirm_send.html",
        {
            "alert": alert,
            "when": form.cleaned_data["scheduled_at"],
            "scheduled_at": request.GET.get("scheduled_at", ""),
            "recipient_count": audience[ContactState.ACTIVE],
            "left_out": left_out,
            "left_out_count": sum(count for _reason, count in left_out),
            "page_title": _("Confirm: %(subject)s") % {"subject": alert.subject},
            "header_icon": "mail",
        },
    )


@require_POST
def alert_send(request, pk: int):
    form = SendAlertForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("scheduled_at", [_("Invalid time.")])))
        return redirect("alerts_admin:alert_detail", pk=pk)
    if request.POST.get("confirmed") != "yes":
        query = urlencode({"scheduled_at": request.POST.get("scheduled_at", "")})
        return redirect(reverse("alerts_admin:alert_confirm_send", args=[pk]) + "?" + query)
    when = form.cleaned_data["scheduled_at"]
    return _do(
        request,
        pk,
        lambda alert: actions.schedule_alert(alert, when, request.user),
        _("Scheduled for %(when)s.") % {"when": f"{when:%b %d, %Y %H:%M}"}
        if when
        else _("Sending has started."),
    )


@require_POST
def alert_cancel(request, pk: int):
    return _do(
        request, pk, lambda alert: actions.cancel_alert(alert, request.user), "Alert cancelled."
    )


@require_POST
def alert_send_test(request, pk: int):
    form = TestSendForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["addresses"]))
        return redirect("alerts_admin:alert_detail", pk=pk)
    addresses = form.cleaned_data["addresses"]
    return _do(
        request,
        pk,
        lambda alert: actions.send_test_to(alert, addresses, request.user),
        _("Test sent to %(addresses)s.") % {"addresses": ", ".join(addresses)},
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


@require_http_methods(["GET", "POST"])
def signup_review(request, pk: int):
    """Accept a confirmed sign-up into media lists, or decline it."""
    if not request.user.has_perm("alerts.change_presscontact"):
        return permission_denied(request)
    signup = get_object_or_404(NewsroomSignup.objects.awaiting_review(), pk=pk)
    form = SignupReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.POST.get("decision") == "decline":
            signups.decline_signup(signup, request.user)
            messages.success(
                request, _("Sign-up from %(email)s declined.") % {"email": signup.email}
            )
        else:
            signups.accept_signup(signup, form.cleaned_data["lists"], request.user)
            messages.success(request, _("%(email)s accepted.") % {"email": signup.email})
        return redirect("wagtailsnippets_alerts_newsroomsignup:list")
    return render(
        request,
        "alerts/admin/signup_review.html",
        {
            "signup": signup,
            "form": form,
            "page_title": _("Review sign-up: %(name)s") % {"name": signup.name},
            "header_icon": "user",
        },
    )
