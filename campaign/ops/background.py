"""The background queue as the officer sees it, recovery from workers that died, and pruning.

django-tasks-db keeps each task as a DBTaskResult row; a worker (`manage.py db_worker`, one per
queue: "default" for imports, syncs and purges, "alerts" for media-alert sending) runs one task at
a time and marks it RUNNING under its worker id. A worker killed mid-task (out of memory,
`kill -9`, a power cut) leaves the row RUNNING for ever. `sweep_dead_tasks` counts it dead when
- the same worker id has since started another task (systemd restarts a worker under its id), or
- it has run longer than TASKS_RUNNING_TIMEOUT_SECONDS, longer than any task of this project.
A dead task goes back to READY for another worker, once: every task here is safe to repeat
(sending claims its rows, a sync replaces its day, an import applies the same rows again). A task
that dies a second time is marked failed with `WorkerDied`, for the officer to see on the panel.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

# How many times a task may be started before a death fails it.
MAX_ATTEMPTS = 2
WORKER_DIED = "campaign.ops.background.WorkerDied"
# Failures shown on the panel: recent enough to act on.
FAILED_SHOWN_DAYS = 7


class WorkerDied(Exception):
    """The worker running the task stopped before the task finished (recorded, never raised)."""


@dataclass
class QueueRow:
    """One kind of task on one queue: what waits, runs and failed, and the oldest waiting."""

    queue: str
    kind: str
    queued: int
    running: int
    failed: int
    oldest_enqueued_at: datetime.datetime | None


def queue_rows() -> list[QueueRow]:
    """Every queue by name and every kind of task on it that is waiting, running or failed
    lately, oldest first."""
    failed_since = timezone.now() - datetime.timedelta(days=FAILED_SHOWN_DAYS)
    unfinished = Q(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
    failed = Q(status=TaskResultStatus.FAILED, finished_at__gte=failed_since)
    groups = (
        DBTaskResult.objects.filter(unfinished | failed)
        .values("queue_name", "task_path")
        .annotate(
            queued=Count("pk", filter=Q(status=TaskResultStatus.READY)),
            running=Count("pk", filter=Q(status=TaskResultStatus.RUNNING)),
            failed=Count("pk", filter=failed),
            oldest=Min("enqueued_at", filter=unfinished),
        )
    )
    rows = [
        QueueRow(
            queue=group["queue_name"],
            kind=group["task_path"],
            queued=group["queued"],
            running=group["running"],
            failed=group["failed"],
            oldest_enqueued_at=group["oldest"],
        )
        for group in groups
    ]
    far_future = timezone.now() + datetime.timedelta(days=1)
    return sorted(rows, key=lambda row: (row.oldest_enqueued_at or far_future, row.queue))


@dataclass
class SweepOutcome:
    retried: int = 0
    failed: int = 0


def sweep_dead_tasks() -> SweepOutcome:
    """Find RUNNING tasks on every queue whose worker died; retry them once, then fail them."""
    outcome = SweepOutcome()
    timeout = timezone.now() - datetime.timedelta(seconds=settings.TASKS_RUNNING_TIMEOUT_SECONDS)
    for result in DBTaskResult.objects.running():
        if result.started_at < timeout or worker_moved_on(result):
            with transaction.atomic():
                # The worker may have finished it meanwhile: only a row still RUNNING is dead.
                row = DBTaskResult.objects.select_for_update().filter(
                    pk=result.pk, status=TaskResultStatus.RUNNING
                )
                if len(result.worker_ids) < MAX_ATTEMPTS:
                    outcome.retried += row.update(status=TaskResultStatus.READY, started_at=None)
                else:
                    outcome.failed += row.update(
                        status=TaskResultStatus.FAILED,
                        finished_at=timezone.now(),
                        exception_class_path=WORKER_DIED,
                        traceback=f"The worker {result.worker_ids[-1]} stopped during the task.",
                    )
    return outcome


def worker_moved_on(result: DBTaskResult) -> bool:
    """Whether the worker that claimed this task has started another one since: a worker runs
    one task at a time, so it must have died and come back under the same id."""
    worker_id = result.worker_ids[-1] if result.worker_ids else None
    later = DBTaskResult.objects.filter(started_at__gt=result.started_at).exclude(pk=result.pk)
    return any(ids and ids[-1] == worker_id for ids in later.values_list("worker_ids", flat=True))
