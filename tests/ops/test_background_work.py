"""Background work the officer can see, tasks whose worker died, and pruning, on every queue."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Revision

from campaign.alerts import tasks as alert_tasks
from campaign.ops import background
from tests.newsroom.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def db_tasks(settings):
    """Production's task backend with the default queue and the media-alert queue."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "alerts"]}
    }


def enqueue(queue: str = "default") -> DBTaskResult:
    result = alert_tasks.sweep_alerts.using(queue_name=queue).enqueue()
    return DBTaskResult.objects.get(pk=result.id)


def claimed(worker_id: str, queue: str = "default", minutes_ago: int = 0) -> DBTaskResult:
    """A task a worker took, as `db_worker` does, and has not finished."""
    row = enqueue(queue)
    row.claim(worker_id)
    if minutes_ago:
        started = timezone.now() - datetime.timedelta(minutes=minutes_ago)
        DBTaskResult.objects.filter(pk=row.pk).update(started_at=started)
    row.refresh_from_db()
    return row


def test_the_panel_lists_every_queue_by_kind(client, communications_member):
    """Waiting tasks on the default and the alerts queue both show, named by kind."""
    enqueue("default")
    enqueue("alerts")
    enqueue("alerts")
    client.force_login(communications_member)
    html = client.get(reverse("ops_background_work")).content.decode()
    assert html.count("campaign.alerts.tasks.sweep_alerts") == 2
    assert re.search(r">\s*alerts\s*<", html) and re.search(r">\s*default\s*<", html)


def test_the_panel_counts_waiting_running_and_failed_with_the_oldest(settings):
    """A queue's row counts each state and dates its oldest unfinished task."""
    oldest = enqueue("alerts")
    DBTaskResult.objects.filter(pk=oldest.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(hours=3)
    )
    claimed("host-1", "alerts")
    failed = enqueue("alerts")
    DBTaskResult.objects.filter(pk=failed.pk).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )
    [row] = background.queue_rows()
    assert (row.queue, row.queued, row.running, row.failed) == ("alerts", 1, 1, 1)
    assert timezone.now() - row.oldest_enqueued_at >= datetime.timedelta(hours=3)


def test_the_panel_says_when_the_queues_are_idle(client, communications_member):
    """With nothing waiting, running or failed, the officer reads that the queues are idle."""
    DBTaskResult.objects.all().delete()  # what setting up the member queued (index updates)
    client.force_login(communications_member)
    html = client.get(reverse("ops_background_work")).content.decode()
    assert "the background queues are idle" in html


def test_the_panel_is_under_reports(client, communications_member):
    """The Reports menu of a Communications member links to Background work."""
    client.force_login(communications_member)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("ops_background_work") in html


def test_a_task_whose_worker_restarted_runs_again(settings):
    """The same worker id starting another task means the first one's worker died: retried."""
    dead = claimed("host-1", "alerts", minutes_ago=5)
    claimed("host-1", "alerts")
    outcome = background.sweep_dead_tasks()
    dead.refresh_from_db()
    assert outcome.retried == 1 and dead.status == TaskResultStatus.READY


def test_a_task_running_past_the_timeout_runs_again(settings):
    """A task on the default queue running longer than any task can is retried."""
    settings.TASKS_RUNNING_TIMEOUT_SECONDS = 60
    dead = claimed("host-2", "default", minutes_ago=2)
    background.sweep_dead_tasks()
    dead.refresh_from_db()
    assert dead.status == TaskResultStatus.READY


def test_a_task_that_dies_twice_is_failed(settings):
    """After its second dead worker a task is marked failed, with the reason, not retried."""
    settings.TASKS_RUNNING_TIMEOUT_SECONDS = 60
    dead = claimed("host-1", minutes_ago=2)
    dead.claim("host-2")
    DBTaskResult.objects.filter(pk=dead.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    call_command("sweep_tasks", stdout=io.StringIO())
    dead.refresh_from_db()
    assert dead.status == TaskResultStatus.FAILED
    assert dead.exception_class_path == background.WORKER_DIED
    assert "host-2" in dead.traceback


def test_a_task_still_running_on_a_live_worker_is_left_alone():
    """A recent task whose worker has not moved on keeps running."""
    running = claimed("host-1", "alerts")
    assert background.sweep_dead_tasks().retried == 0
    running.refresh_from_db()
    assert running.status == TaskResultStatus.RUNNING


def test_pruning_deletes_old_results_on_every_queue(settings):
    """Finished results older than TASK_RESULTS_KEEP_DAYS go on both queues; recent ones stay."""
    old = [enqueue("default"), enqueue("alerts")]
    recent = enqueue("alerts")
    long_ago = timezone.now() - datetime.timedelta(days=settings.TASK_RESULTS_KEEP_DAYS + 1)
    DBTaskResult.objects.filter(pk__in=[row.pk for row in old]).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=long_ago
    )
    DBTaskResult.objects.filter(pk=recent.pk).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now()
    )
    call_command("prune_history", stdout=io.StringIO())
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [recent.pk]


def test_pruning_deletes_old_revisions_but_keeps_the_live_one(settings, seeded_site):
    """Old draft revisions go; the live revision of the page stays."""
    release = PressReleasePageFactory()
    old_draft = release.save_revision()
    live = release.save_revision()
    live.publish()
    long_ago = timezone.now() - datetime.timedelta(days=settings.REVISIONS_KEEP_DAYS + 1)
    Revision.objects.filter(pk=old_draft.pk).update(created_at=long_ago)
    call_command("prune_history", stdout=io.StringIO())
    assert not Revision.objects.filter(pk=old_draft.pk).exists()
    assert Revision.objects.filter(pk=live.pk).exists()
