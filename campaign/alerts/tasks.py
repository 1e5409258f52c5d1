"""Background work on django-tasks. The tasks hold no logic of their own: they call the sending
service and enqueue what comes next (django-tasks does not retry, so retries are new tasks with
`run_after`).

Every alert task runs in the "alerts" queue, which has a worker of its own (deploy/ and the
README), so a backlog in the default queue never delays a "send now"."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import imports, sending, sweeper
from .models import MediaAlert

ALERTS_QUEUE = "alerts"


def enqueue_at(task_obj, when: datetime | None, *args) -> None:
    """Enqueue once the current transaction commits; delayed when the backend can defer.
    (The immediate backend cannot: delayed work then waits for the next sweep.)"""

    def enqueue():
        if when is not None and when > timezone.now():
            if not task_obj.get_backend().supports_defer:
                return
            task_obj.using(run_after=when).enqueue(*args)
        else:
            task_obj.enqueue(*args)

    transaction.on_commit(enqueue)


@task(queue_name=ALERTS_QUEUE)
def start_alert(alert_id: int) -> int:
    """Start a due alert: queue its deliveries and one task per batch."""
    batches = sending.start_alert(alert_id)
    for _ in range(batches):
        enqueue_at(send_batch, None, alert_id)
    if batches:
        sweep_soon()
    return batches


@task(queue_name=ALERTS_QUEUE)
def send_batch(alert_id: int) -> dict:
    """Send one provider batch of the alert; retry later on a transient error."""
    outcome = sending.send_next_batch(alert_id)
    if outcome.retry_at is not None:
        enqueue_at(send_batch, outcome.retry_at, alert_id)
    elif outcome.needs_follow_up:
        enqueue_at(send_batch, None, alert_id)
    return {
        "claimed": outcome.claimed,
        "sent": outcome.sent,
        "failed": outcome.failed,
        "unknown": outcome.unknown,
        "requeued": outcome.requeued,
    }


@task(queue_name=ALERTS_QUEUE)
def sweep_alerts() -> dict:
    """Recover rows left by dead workers, start due alerts, and keep sweeping while any alert
    is still sending."""
    result = sweeper.sweep()
    for alert_id in result.due:
        enqueue_at(start_alert, None, alert_id)
    for alert_id in result.sending:
        enqueue_at(send_batch, None, alert_id)
    if result.due or result.active:
        sweep_soon()
    return {"requeued": result.requeued, "unknown": result.unknown, "finished": result.finished}


def sweep_soon() -> None:
    """A sweep just after the leases of the batches now starting would have run out."""
    when = timezone.now() + timedelta(seconds=settings.ALERTS_LEASE_SECONDS + 5)
    enqueue_at(sweep_alerts, when)


def schedule_alert(alert_id: int, when: datetime) -> None:
    enqueue_at(start_alert, when, alert_id)


def reconcile_unknown(alert_id: int, *, resend: bool) -> int:
    """Settle an alert's unknown rows (see sweeper.reconcile_unknown); resent rows get a batch
    task once the decision commits."""
    alert = MediaAlert.objects.get(pk=alert_id)
    changed = sweeper.reconcile_unknown(alert, resend=resend)
    if resend and changed:
        enqueue_at(send_batch, None, alert_id)
    return changed


@task()
def run_contact_import(import_id: int) -> None:
    """Apply a contacts import the officer confirmed."""
    imports.run(import_id)
