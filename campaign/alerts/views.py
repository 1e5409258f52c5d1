"""The public pages of media alerts: unsubscribe, and the newsroom's sign-up with its
confirmation.

The unsubscribe page. GET asks for confirmation and changes nothing; one POST (from
the page's button, or a mail program's RFC 8058 one-click request) unsubscribes, no login."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from campaign.core.ratelimit import RATE_LIMITED_MESSAGE, hit

from . import signups
from .forms import SignupForm
from .models import ContactState, Delivery, NewsroomSignup, PressContact
from .tokens import read_unsubscribe_token


@csrf_exempt  # mail programs post one-click unsubscribes without a CSRF token; the token signs it
@login_not_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    try:
        contact_id, alert_id = read_unsubscribe_token(token)
        contact = PressContact.objects.get(pk=contact_id)
    except (signing.BadSignature, PressContact.DoesNotExist):
        return render(request, "alerts/unsubscribe_invalid.html", status=400)
    if request.method == "GET":
        return render(
            request,
            "alerts/unsubscribe_confirm.html",
            {"contact": contact, "done": contact.state != ContactState.ACTIVE},
        )
    contact.suppress(ContactState.UNSUBSCRIBED)
    if alert_id is not None:
        Delivery.objects.filter(
            alert_id=alert_id, contact_id=contact.pk, unsubscribed_at__isnull=True
        ).update(unsubscribed_at=timezone.now())
    return render(request, "alerts/unsubscribe_done.html", {"contact": contact})


@csrf_exempt  # the form sits in cached pages shared by every visitor; double opt-in guards it
@login_not_required
@require_http_methods(["GET", "POST"])
def signup(request):
    """'Get our releases': store the request and e-mail a confirmation link. The answer is the
    same whether or not the address is known, so the form reveals nobody's subscriptions."""
    # Bound on every POST, even an empty one: the rate limit adds its error to a bound form.
    form = SignupForm(request.POST if request.method == "POST" else None, auto_id="signup-%s")
    status = 200
    if request.method == "POST":
        if hit(request, "newsroom-signup", *settings.ALERTS_SIGNUP_RATE_LIMIT):
            form.add_error(None, _(RATE_LIMITED_MESSAGE))
            status = 429
        elif form.is_valid():
            if not form.caught_by_honeypot:  # bots see the same answer and learn nothing
                signups.request_signup(
                    **{key: form.cleaned_data[key] for key in ("name", "email", "outlet", "beat")}
                )
            response = render(
                request, "alerts/signup_sent.html", {"email": form.cleaned_data["email"]}
            )
            response["Cache-Control"] = "private, no-store"
            return response
        else:
            status = 400
    response = render(request, "alerts/signup.html", {"form": form}, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@login_not_required
@require_http_methods(["GET", "POST"])
def signup_confirm(request, token: str):
    """GET asks (mail scanners open links too); the button's POST confirms the sign-up."""
    signup = get_object_or_404(NewsroomSignup, token=token)
    error = ""
    if request.method == "POST" or signup.is_confirmed:
        try:
            signups.confirm_signup(signup)
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
        else:
            return render(request, "alerts/signup_confirmed.html", {"signup": signup})
    elif signups.is_expired(signup):
        error = _("This confirmation link has expired. Please sign up again.")
    return render(
        request,
        "alerts/signup_confirm.html",
        {"signup": signup, "error": error},
        status=410 if error else 200,
    )
