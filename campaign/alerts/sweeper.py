"""Recovering from dead workers, and settling rows whose outcome is unknown."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from .models import Delivery, DeliveryStatus, MediaAlert


@dataclass
class SweepResult:
    requeued: int = 0
    unknown: int = 0
    finished: int = 0
    due: list[int] | None = None
    sending: list[int] | None = None
    # Some alert is still sending, so another sweep should follow.
    active: bool = False


def sweep() -> SweepResult:
    """Rows whose lease ran out: never posted -> queued again; posted -> unknown (the provider
    may have them). Alerts with nothing left in flight become sent. Reports the alerts that are
    due to start and those still sending, so the caller can enqueue their work."""
    now = timezone.now()
    expired = Delivery.objects.filter(status=DeliveryStatus.SENDING, lease_until__lt=now)
    result = SweepResult()
    result.requeued = expired.filter(posted_at__isnull=True).update(
        status=DeliveryStatus.QUEUED,
        claim="",
        lease_until=None,
        error="Requeued by the sweeper: the worker stopped before posting.",
    )
    result.unknown = expired.filter(posted_at__isnull=False).update(
        status=DeliveryStatus.UNKNOWN,
        error="The worker stopped after posting: outcome unknown until the provider reports.",
    )
    for alert in MediaAlert.objects.filter(status=MediaAlert.Status.SENDING):
        result.finished += alert.mark_finished_if_done()
    result.due = list(
        MediaAlert.objects.filter(
            status=MediaAlert.Status.SCHEDULED, scheduled_at__lte=now
        ).values_list("pk", flat=True)
    )
    result.sending = list(
        MediaAlert.objects.filter(status=MediaAlert.Status.SENDING)
        .filter(Q(deliveries__status=DeliveryStatus.QUEUED))
        .distinct()
        .values_list("pk", flat=True)
    )
    result.active = MediaAlert.objects.filter(status=MediaAlert.Status.SENDING).exists()
    return result


def reconcile_unknown(alert: MediaAlert, *, resend: bool) -> int:
    """An operator's explicit decision about rows no webhook has settled, after checking the
    provider's logs: resend them (`resend=True`) or record them as failed."""
    unknown = alert.deliveries.filter(status=DeliveryStatus.UNKNOWN)
    if resend:
        changed = unknown.update(
            status=DeliveryStatus.QUEUED,
            claim="",
            posted_at=None,
            lease_until=None,
            not_before=None,
            error="Requeued by reconciliation.",
        )
        if changed:
            MediaAlert.objects.filter(pk=alert.pk, status=MediaAlert.Status.SENT).update(
                status=MediaAlert.Status.SENDING, finished_at=None
            )
        return changed
    return unknown.update(status=DeliveryStatus.FAILED, error="Marked failed by reconciliation.")
