"""Public partner pages: "Register your organisation" (a pending Partner the officer approves) and
each partner's own report, reached by its private link without a login."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from campaign.core.ratelimit import hit

from .forms import HONEYPOT_FIELD, PartnerRegistrationForm
from .models import DailyCount, Partner, ToolkitPage
from .partner_mail import notify_officers
from .reports import PARTNER_KINDS, csv_text, monthly_rows


def registration_page(request: HttpRequest, form, status: int = 200, partner=None):
    response = render(
        request,
        "toolkit/register.html",
        {
            "form": form,
            "honeypot": form[HONEYPOT_FIELD] if form else None,
            "partner": partner,
            "toolkit": ToolkitPage.find(),
        },
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """The form; a valid submission creates a pending partner and tells the officers."""
    if request.method != "POST":
        return registration_page(request, PartnerRegistrationForm())
    form = PartnerRegistrationForm(request.POST)
    if not form.is_valid():
        return registration_page(request, form, status=400)
    if form.caught_by_honeypot:
        # Look like success so that robots do not learn to avoid the trap.
        return registration_page(request, None, partner=form.instance)
    limit, period = settings.TOOLKIT_REGISTER_RATE_LIMIT
    if hit(request, "toolkit-register", limit, period):
        form.add_error(
            None,
            _(
                "We have had several registrations from your connection in the last hour. "
                "Please try again later."
            ),
        )
        return registration_page(request, form, status=429)
    partner = form.save(commit=False)
    partner.registered_at = timezone.now()
    partner.save()
    notify_officers(partner)
    return registration_page(request, None, partner=partner)


def report_partner(token: str) -> Partner:
    partner = Partner.for_report_token(token)
    if partner is None:
        raise Http404(_("This report link is not valid or has been replaced."))
    return partner


def private(response: HttpResponse) -> HttpResponse:
    """A report is for its partner only: never cached, never indexed, never sent on as Referer."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def report(request: HttpRequest, token: str) -> HttpResponse:
    """A partner's impressions, clicks, downloads and code copies per asset per month."""
    partner = report_partner(token)
    rows = monthly_rows(DailyCount.objects.filter(partner=partner))
    table = [(row, [row.counts[kind] for kind in PARTNER_KINDS]) for row in rows]
    context = {"partner": partner, "table": table, "kinds": PARTNER_KINDS, "token": token}
    return private(render(request, "toolkit/partner_report.html", context))


@require_safe
def report_csv(request: HttpRequest, token: str) -> HttpResponse:
    partner = report_partner(token)
    rows = monthly_rows(DailyCount.objects.filter(partner=partner))
    response = HttpResponse(
        csv_text(rows, PARTNER_KINDS, with_who=False), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{partner.code}-report.csv"'
    return private(response)
