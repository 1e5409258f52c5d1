"""What an editor does to an alert: send now, schedule, cancel, send a test. Each checks the
permission (the Communications group has it) and writes the audit log."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import tasks
from .models import MediaAlert
from .sending import send_test

SEND_PERMISSION = "alerts.send_mediaalert"

Status = MediaAlert.Status


def can_send(user) -> bool:
    return bool(user and user.has_perm(SEND_PERMISSION))


def _require(user) -> None:
    if not can_send(user):
        raise PermissionDenied("Only the Communications team can send media alerts.")


def schedule_alert(alert: MediaAlert, when: datetime | None, user) -> MediaAlert:
    """Send at `when`, or now when it is None. Only drafts and scheduled alerts can be sent."""
    _require(user)
    if not alert.lists.exists():
        raise ValidationError("Choose at least one media list first.")
    now = timezone.now()
    when = max(when or now, now)
    with transaction.atomic():
        if not MediaAlert.objects.filter(
            pk=alert.pk, status__in=[Status.DRAFT, Status.SCHEDULED]
        ).update(status=Status.SCHEDULED, scheduled_at=when):
            raise ValidationError(f"This alert is already {alert.get_status_display().lower()}.")
        alert.refresh_from_db()
        log(
            alert,
            "alerts.send" if when <= now else "alerts.schedule",
            user=user,
            data={"scheduled_at": when.isoformat()},
        )
        tasks.schedule_alert(alert.pk, when)
    return alert


def cancel_alert(alert: MediaAlert, user) -> MediaAlert:
    """Cancel a scheduled alert, or stop one that is sending: rows not yet claimed stay unsent."""
    _require(user)
    with transaction.atomic():
        if not MediaAlert.objects.filter(
            pk=alert.pk, status__in=[Status.DRAFT, Status.SCHEDULED, Status.SENDING]
        ).update(status=Status.CANCELLED, finished_at=timezone.now()):
            raise ValidationError(f"This alert is already {alert.get_status_display().lower()}.")
        alert.deliveries.filter(status="queued").update(
            status="failed", error="Alert cancelled before sending."
        )
        alert.refresh_from_db()
        log(alert, "alerts.cancel", user=user)
    return alert


def send_test_to(alert: MediaAlert, addresses: list[str], user) -> list[str]:
    """Send a test of the alert to the addresses the editor typed."""
    _require(user)
    if not addresses:
        raise ValidationError("Type at least one address to send the test to.")
    send_test(alert, addresses)
    log(alert, "alerts.test_send", user=user, data={"to": addresses})
    return addresses


def settle_unknown(alert: MediaAlert, *, resend: bool, user) -> int:
    """The officer's decision about rows no provider event has settled, after checking the
    provider's logs: send them again, or record them as failed. Same rules as
    `manage.py reconcile_alert`, plus the audit log."""
    _require(user)
    with transaction.atomic():
        changed = tasks.reconcile_unknown(alert.pk, resend=resend)
        if changed:
            action = "alerts.resend_unknown" if resend else "alerts.fail_unknown"
            log(alert, action, user=user, data={"deliveries": changed})
    return changed
