"""A media alert to N contacts: a real `manage.py db_worker` sends it through Anymail's Postmark
backend to the local provider stand-in from the alerts tests (tests/alerts/esp_stub.py)."""

import datetime
import os
import signal
import subprocess
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.tasks import update_reference_index_task

from campaign.alerts import actions, tasks
from campaign.alerts.models import Delivery, MediaAlert, MediaList, PressContact
from campaign.newsroom.models import PressReleasePage
from tests.alerts.esp_stub import ESPStub

from .env import ENV, PYTHON, ROOT

PAST = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
TIME_TARGET_S = 60.0
SEND_NOW_TARGET_S = 2.0
BACKLOG_TASKS = 3000
MEMORY_GROWTH_LIMIT = 1.10  # peak RSS at the large list within 10% of the small list's


def vm_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def due_alert(count: int, label: str) -> MediaAlert:
    media_list = MediaList.objects.create(name=f"Benchmark list {label}")
    contacts = PressContact.objects.bulk_create(
        [
            PressContact(name=f"Reporter {i}", email=f"{label}-{i}@newsroom{i % 97}.example.com")
            for i in range(count)
        ],
        batch_size=2000,
    )
    media_list.contacts.add(*contacts)
    alert = MediaAlert.objects.create(
        subject=f"Benchmark alert to {count:,} contacts",
        summary="The Council publishes its benchmark report today.",
        status=MediaAlert.Status.SCHEDULED,
        scheduled_at=PAST,
    )
    alert.lists.add(media_list)
    return alert


def start_worker(stub: ESPStub, log: Path, queue: str = "alerts") -> subprocess.Popen:
    """A db_worker for one queue, as deploy/ runs one per queue."""
    env = {**os.environ, **ENV, "POSTMARK_API_URL": f"{stub.url}/", "LOG_LEVEL": "INFO"}
    args = [PYTHON, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    interval = "0.2" if queue == "alerts" else "0.5"  # as in deploy/systemd
    args += ["--interval", interval, "--worker-id", f"bench-{queue}", "--queue-name", queue]
    process = subprocess.Popen(
        args,
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while "Starting worker" not in log.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            raise RuntimeError(f"db_worker did not start; see {log}")
        time.sleep(0.1)
    return process


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def send(count: int, label: str, workdir: Path, timeout: float = 240) -> dict:
    alert = due_alert(count, label)
    stub = ESPStub().start()
    worker = start_worker(stub, workdir / f"worker-{label}.log")
    try:
        baseline_kib = vm_kib(worker.pid, "VmRSS")
        start = time.monotonic()
        tasks.start_alert.enqueue(alert.pk)
        deadline = start + timeout
        while MediaAlert.objects.get(pk=alert.pk).status != MediaAlert.Status.SENT:
            if time.monotonic() > deadline or worker.poll() is not None:
                break
            time.sleep(0.1)
        elapsed = time.monotonic() - start
        peak_kib = vm_kib(worker.pid, "VmHWM")
    finally:
        stop(worker)
        stub.stop()
    received = stub.state.recipients()
    counts = Delivery.objects.filter(alert=alert).counts()
    sent = MediaAlert.objects.get(pk=alert.pk).status == MediaAlert.Status.SENT
    return {
        "contacts": count,
        "finished": sent,
        "seconds": elapsed,
        "messages_per_second": len(received) / elapsed if elapsed else 0.0,
        "provider_requests": stub.state.requests,
        "received": len(received),
        "messages": sum(received.values()),
        "duplicates": sum(n - 1 for n in received.values()),
        "missing": count - len(received),
        "deliveries": {k: counts[k] for k in ("total", "sent", "queued", "failed", "unknown")},
        "worker_rss_start_mb": baseline_kib / 1024,
        "worker_peak_rss_mb": peak_kib / 1024,
    }


def measure_alerts(sizes: tuple[int, int], workdir: Path) -> dict:
    small, large = (send(n, f"bench{n}", workdir) for n in sizes)
    growth = large["worker_peak_rss_mb"] / (small["worker_peak_rss_mb"] or 1)
    return {
        "runs": [small, large],
        "memory_growth": growth,
        "memory_pass": growth <= MEMORY_GROWTH_LIMIT,
        "time_pass": large["finished"] and large["seconds"] < TIME_TARGET_S,
        "duplicates_pass": small["duplicates"] == large["duplicates"] == 0
        and small["missing"] == large["missing"] == 0,
    }


def queue_backlog(count: int) -> int:
    """`count` real reference-index updates in the default queue, as a contacts import or a bulk
    edit leaves behind: the work that used to hold up a "send now"."""
    pages = list(PressReleasePage.objects.values_list("pk", flat=True)[:count])
    for n in range(count):
        update_reference_index_task.enqueue("newsroom", "pressreleasepage", pages[n % len(pages)])
    return DBTaskResult.objects.filter(queue_name="default", status=TaskResultStatus.READY).count()


def measure_send_now(workdir: Path, contacts: int = 50, backlog: int = BACKLOG_TASKS) -> dict:
    """From the officer's confirmed "send now" (actions.schedule_alert, what the admin's POST
    runs) to the first message at the provider, with `backlog` tasks queued in the default
    queue and both workers running, one per queue, as in deploy/."""
    media_list = MediaList.objects.create(name="Benchmark send-now list")
    media_list.contacts.add(
        *PressContact.objects.bulk_create(
            [PressContact(name=f"R {i}", email=f"now-{i}@example.com") for i in range(contacts)]
        )
    )
    alert = MediaAlert.objects.create(subject="Benchmark send now", summary="Send now.")
    alert.lists.add(media_list)
    officer, _ = get_user_model().objects.get_or_create(
        username="bench-officer", defaults={"is_superuser": True, "email": "officer@example.org"}
    )
    queued = queue_backlog(backlog)
    stub = ESPStub().start()
    workers = [
        start_worker(stub, workdir / "worker-send-now-default.log", queue="default"),
        start_worker(stub, workdir / "worker-send-now-alerts.log", queue="alerts"),
    ]
    try:
        start = time.monotonic()
        actions.schedule_alert(alert, None, officer)
        while not stub.state.messages and time.monotonic() - start < 60:
            time.sleep(0.01)
        first = time.monotonic() - start
        backlog_left = DBTaskResult.objects.filter(
            queue_name="default", status=TaskResultStatus.READY
        ).count()
        deadline = time.monotonic() + 60
        while MediaAlert.objects.get(pk=alert.pk).status != MediaAlert.Status.SENT:
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
    finally:
        for worker in workers:
            stop(worker)
        stub.stop()
    DBTaskResult.objects.filter(queue_name="default", status=TaskResultStatus.READY).delete()
    received = stub.state.recipients()
    return {
        "backlog_queued": queued,
        "backlog_left_at_first_message": backlog_left,
        "first_message_seconds": first,
        "received": len(received),
        "duplicates": sum(n - 1 for n in received.values()),
        "contacts": contacts,
        "pass": bool(received) and first < SEND_NOW_TARGET_S,
    }
