"""The send page's section for deliveries whose outcome is unknown: each row with what the
provider last said, and the officer's two decisions, "resend" and "mark failed"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied

from . import actions
from .models import DeliveryStatus, MediaAlert

UNKNOWN_SHOWN = 200


def unknown_deliveries_context(alert: MediaAlert, user) -> dict:
    """What the include `alerts/admin/includes/unknown_deliveries.html` shows."""
    unknown = alert.deliveries.filter(status=DeliveryStatus.UNKNOWN).order_by("email")
    return {
        "unknown_deliveries": unknown[:UNKNOWN_SHOWN],
        "unknown_count": unknown.count(),
        "can_settle_unknown": actions.can_send(user),
    }


@require_POST
def settle_unknown(request, pk: int):
    alert = get_object_or_404(MediaAlert, pk=pk)
    resend = request.POST.get("decision") == "resend"
    try:
        changed = actions.settle_unknown(alert, resend=resend, user=request.user)
    except PermissionDenied:
        return permission_denied(request)
    if not changed:
        messages.info(request, _("No delivery is unknown any more: nothing changed."))
    elif resend:
        messages.success(
            request,
            ngettext(
                "%(count)d delivery will be sent again.",
                "%(count)d deliveries will be sent again.",
                changed,
            )
            % {"count": changed},
        )
    else:
        messages.success(
            request,
            ngettext(
                "%(count)d delivery marked failed.", "%(count)d deliveries marked failed.", changed
            )
            % {"count": changed},
        )
    return redirect("alerts_admin:alert_detail", pk=alert.pk)
