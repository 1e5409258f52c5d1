"""Fixtures for media alerts: the local ESP stand-in, Anymail pointed at it, contacts in bulk,
and an in-process worker loop for the database task backend."""

import time

import pytest
from django.contrib.auth.models import Group, Permission
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from campaign.alerts.models import MediaAlert, MediaList, PressContact

from .esp_stub import ESPStub


@pytest.fixture
def esp_stub():
    stub = ESPStub().start()
    yield stub
    stub.stop()


def point_anymail_at(settings, stub: ESPStub, esp: str) -> None:
    settings.ALERTS_ESP = esp
    settings.ANYMAIL = {
        **settings.ANYMAIL,
        "MAILGUN_API_URL": f"{stub.url}/v3/",
        "POSTMARK_API_URL": f"{stub.url}/",
    }


@pytest.fixture(params=["postmark", "mailgun"])
def esp(request, settings, esp_stub):
    """Each test using this runs once against each provider's API."""
    point_anymail_at(settings, esp_stub, request.param)
    settings.ALERTS_BATCH_SIZE = 50
    return request.param


@pytest.fixture
def db_tasks(settings):
    """The production task backend (rows in the database), run by `drain_tasks`."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    settings.ALERTS_RETRY_BASE_SECONDS = 0.05
    settings.ALERTS_RETRY_MAX_SECONDS = 0.2


def make_contacts(count: int, media_list: MediaList, prefix: str = "bulk") -> list[PressContact]:
    contacts = PressContact.objects.bulk_create(
        [PressContact(name=f"Reporter {i}", email=f"{prefix}{i}@example.com") for i in range(count)]
    )
    media_list.contacts.add(*contacts)
    return contacts


def drain_tasks(capture, until, timeout: float = 30) -> None:
    """Run ready database tasks in this process, as db_worker would, until `until()` is true."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, "tasks did not finish in time"
        with capture(execute=True):
            task_result = DBTaskResult.objects.ready().order_by("run_after").first()
            if task_result is not None:
                task_result.claim(worker.worker_id)
                worker.run_task(task_result)
                continue
        time.sleep(0.05)


def alert_is_sent(alert: MediaAlert):
    return lambda: MediaAlert.objects.get(pk=alert.pk).status == MediaAlert.Status.SENT


@pytest.fixture
def editor_user(seeded_site, django_user_model):
    """A Communications member with admin access; not an administrator."""
    user = django_user_model.objects.create_user("comms", "comms@example.org", "pw")
    user.groups.add(Group.objects.get(name="Communications"))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user
