"""A 3,000-row contacts import with production's task backend: confirming only queues the job,
and a worker finishes it in the background."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaign.alerts.models import ContactImport, PressContact

from .conftest import drain_tasks

pytestmark = pytest.mark.django_db

ROWS = 3000


def big_csv() -> bytes:
    lines = ["name,email,outlet,lists"]
    lines += [f"Reporter {n},bulk{n}@example.com,Outlet {n % 40},Statewide" for n in range(ROWS)]
    return ("\n".join(lines) + "\n").encode()


def test_confirming_3000_rows_returns_before_the_import_runs(
    client, communications_member, db_tasks, django_capture_on_commit_callbacks
):
    """The officer is back on the report page with the job queued; the worker then imports all."""
    client.force_login(communications_member)
    file = SimpleUploadedFile("big.csv", big_csv(), content_type="text/csv")
    preview = client.post(reverse("alerts_admin:contacts_import"), {"file": file}, follow=True)
    assert f"{ROWS} to add, 0 to update, 0 refused." in preview.content.decode()
    job = ContactImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        confirm_url = reverse("alerts_admin:contacts_import_confirm", args=[job.pk])
        response = client.post(confirm_url, {"new_lists": ["Statewide"]})
    report = client.get(response.url).content.decode()
    assert "Importing in the background" in report and f"0 of {ROWS} rows done" in report
    assert not PressContact.objects.filter(email__startswith="bulk").exists()

    drain_tasks(django_capture_on_commit_callbacks, lambda: job_is(job, "done"), timeout=300)
    assert (
        PressContact.objects.filter(email__startswith="bulk", lists__name="Statewide").count()
        == ROWS
    )
    assert f"{ROWS} contacts added" in client.get(response.url).content.decode()


def job_is(job: ContactImport, status: str):
    job.refresh_from_db()
    return job.status == status
