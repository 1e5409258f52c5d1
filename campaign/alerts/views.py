"""The public unsubscribe page. GET asks for confirmation and changes nothing; one POST (from
the page's button, or a mail program's RFC 8058 one-click request) unsubscribes, no login."""

from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .models import ContactState, Delivery, PressContact
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
