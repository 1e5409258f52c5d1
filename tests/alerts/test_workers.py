"""Real `manage.py db_worker` processes sending through Anymail to the local stand-in: two at
once, and one killed mid-batch and replaced. Each ends with every contact sent exactly once.

The workers are separate processes, so they need committed data in a database they share
(`transaction=True`; `serialized_rollback` puts the seeded site back afterwards). SQLite's test
database lives in this process's memory, so there they are skipped."""

import datetime
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from campaign.alerts import tasks
from campaign.alerts.models import Delivery, MediaAlert, MediaList, PressContact
from tests.services import needs_postgres

from .conftest import point_anymail_at
from .webhook_events import post_event

BASE_DIR = Path(django_settings.BASE_DIR)
PAST = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # db_worker subprocesses must share the test database, and SQLite's is in memory.
    needs_postgres,
]


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }


def due_alert(count: int, prefix: str) -> MediaAlert:
    media_list = MediaList.objects.create(name=f"Worker test {prefix}")
    contacts = PressContact.objects.bulk_create(
        [PressContact(name=f"R {i}", email=f"{prefix}{i}@example.com") for i in range(count)]
    )
    media_list.contacts.add(*contacts)
    alert = MediaAlert.objects.create(
        subject="Worker test", summary="Text.", status="scheduled", scheduled_at=PAST
    )
    alert.lists.add(media_list)
    return alert


def start_worker(stub, esp: str, worker_id: str, *, batch_size: int, lease: int, log: Path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.alerts.worker_settings",
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**connection.settings_dict),
        "ANYMAIL_ESP": esp,
        "MAILGUN_API_URL": f"{stub.url}/v3/",
        "POSTMARK_API_URL": f"{stub.url}/",
        "ALERTS_BATCH_SIZE": str(batch_size),
        "ALERTS_LEASE_SECONDS": str(lease),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.1",
            "--worker-id",
            worker_id,
            "--queue-name",
            "alerts",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            rows = Counter(Delivery.objects.values_list("status", flat=True))
            task_rows = list(DBTaskResult.objects.values_list("task_path", "status", "run_after"))
            pytest.fail(f"timed out waiting for {what}: deliveries {rows}, tasks {task_rows}")
        time.sleep(0.2)


def stop(*workers) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in workers:
        worker.wait(timeout=30)


def status_of(alert) -> str:
    return MediaAlert.objects.get(pk=alert.pk).status


def test_two_workers_send_1200_contacts_exactly_once(db_tasks, esp_stub, settings, tmp_path):
    """Two db_worker processes share 1,200 recipients in batches of 100: nobody twice, nobody
    skipped, and both workers did part of the work."""
    point_anymail_at(settings, esp_stub, "postmark")
    alert = due_alert(1200, "pair")
    esp_stub.state.delay = 0.1  # long enough for the two workers to interleave
    tasks.start_alert.enqueue(alert.pk)
    workers = [
        start_worker(
            esp_stub, "postmark", f"w{n}", batch_size=100, lease=300, log=tmp_path / f"w{n}.log"
        )
        for n in (1, 2)
    ]
    try:
        wait_until(lambda: status_of(alert) == "sent", 180, "the alert to be sent")
    finally:
        stop(*workers)
    received = esp_stub.state.recipients()
    assert len(received) == 1200 and set(received.values()) == {1}
    assert esp_stub.state.requests == 12
    assert Delivery.objects.filter(alert=alert, status="sent").count() == 1200
    batches = DBTaskResult.objects.filter(
        task_path="campaign.alerts.tasks.send_batch", status="SUCCESSFUL"
    )
    assert {worker for row in batches for worker in row.worker_ids} == {"w1", "w2"}


def test_worker_killed_mid_batch_then_sweeper_and_new_worker(
    db_tasks, esp_stub, settings, client, tmp_path
):
    """SIGKILL while the provider holds a batch: the sweeper marks that batch unknown (not
    resent), a new worker sends the rest, and the provider's events settle the unknown rows."""
    point_anymail_at(settings, esp_stub, "mailgun")
    settings.ALERTS_LEASE_SECONDS = 2
    alert = due_alert(300, "kill")
    esp_stub.state.faults = ["", "hang"]  # the second batch is accepted, then never answered
    tasks.start_alert.enqueue(alert.pk)
    first = start_worker(
        esp_stub, "mailgun", "doomed", batch_size=100, lease=2, log=tmp_path / "doomed.log"
    )
    try:
        assert esp_stub.wait_for_requests(2, timeout=120), "the worker never posted batch two"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    hung = Delivery.objects.filter(alert=alert, status="sending")
    assert hung.count() == 100 and not hung.filter(posted_at__isnull=True).exists()
    time.sleep(2.5)  # let the dead worker's lease run out
    call_command("sweep_alerts", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert Delivery.objects.filter(alert=alert, status="unknown").count() == 100
    second = start_worker(
        esp_stub, "mailgun", "fresh", batch_size=100, lease=2, log=tmp_path / "fresh.log"
    )
    try:
        wait_until(lambda: status_of(alert) == "sent", 180, "the alert to be sent")
    finally:
        stop(second)
    received = esp_stub.state.recipients()
    assert len(received) == 300 and set(received.values()) == {1}
    unknown_emails = set(
        Delivery.objects.filter(alert=alert, status="unknown").values_list("email", flat=True)
    )
    assert len(unknown_emails) == 100
    for message in esp_stub.state.messages:
        if message.to in unknown_emails:
            assert post_event(client, message, "delivered").status_code == 200
    assert Delivery.objects.filter(alert=alert, status="sent").count() == 300
