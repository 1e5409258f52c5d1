"""Provider failures: transient errors are retried with backoff, a read timeout is never resent
blindly, refusals are recorded per recipient, and the sweeper recovers abandoned batches."""

import datetime
import io
import socket

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaign.alerts import sending, sweeper, tasks
from campaign.alerts.models import Delivery, MediaAlert

from .conftest import alert_is_sent, drain_tasks, make_contacts, point_anymail_at
from .factories import MediaAlertFactory, MediaListFactory
from .webhook_events import post_event

pytestmark = pytest.mark.django_db

PAST = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def due_alert(count: int, prefix: str) -> MediaAlert:
    media_list = MediaListFactory()
    make_contacts(count, media_list, prefix=prefix)
    return MediaAlertFactory(lists=[media_list], status="scheduled", scheduled_at=PAST)


@pytest.mark.parametrize("faults", [["429", "503"], ["500", "500"]])
def test_transient_errors_are_retried_until_sent(
    esp, esp_stub, db_tasks, django_capture_on_commit_callbacks, faults
):
    """Two transient failures, then success: everyone gets it once, on the third attempt."""
    alert = due_alert(30, "retry")
    esp_stub.state.faults = list(faults)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.start_alert.enqueue(alert.pk)
    drain_tasks(django_capture_on_commit_callbacks, alert_is_sent(alert))
    assert esp_stub.state.requests == 3
    assert set(esp_stub.state.recipients().values()) == {1}
    assert len(esp_stub.state.recipients()) == 30
    assert {row.attempts for row in Delivery.objects.filter(alert=alert)} == {3}
    # Each retry was a new task, deferred with run_after.
    delayed = DBTaskResult.objects.filter(
        task_path__endswith="send_batch",
        run_after__lt=datetime.datetime(3000, 1, 1, tzinfo=datetime.UTC),
    )
    assert delayed.count() == 2


def test_gives_up_after_the_last_attempt(esp, esp_stub, settings):
    """When the provider keeps failing, the rows end as failed with the reason, never sent."""
    settings.ALERTS_MAX_ATTEMPTS = 2
    alert = due_alert(3, "giveup")
    esp_stub.state.faults = ["503", "503"]
    sending.start_alert(alert.pk)
    first = sending.send_next_batch(alert.pk)
    assert first.retry_at is not None
    Delivery.objects.filter(alert=alert).update(not_before=None)
    second = sending.send_next_batch(alert.pk)
    assert second.failed == 3 and second.retry_at is None
    row = Delivery.objects.filter(alert=alert).first()
    assert row.status == "failed" and "Gave up after 2 attempts" in row.error
    assert esp_stub.state.messages == []


def test_read_timeout_is_unknown_and_settled_by_webhook_not_resent(esp, esp_stub, settings, client):
    """The provider took the batch but answered too late: rows are unknown, nothing is sent
    again, and the provider's delivery events settle them as sent."""
    settings.ANYMAIL = {**settings.ANYMAIL, "REQUESTS_TIMEOUT": (2, 0.5)}
    esp_stub.state.sleep_seconds = 1.0
    esp_stub.state.faults = ["timeout"]
    alert = due_alert(4, "slow")
    sending.start_alert(alert.pk)
    outcome = sending.send_next_batch(alert.pk)
    assert outcome.unknown == 4
    assert set(Delivery.objects.filter(alert=alert).values_list("status", flat=True)) == {"unknown"}
    # Later batches and sweeps leave unknown rows alone.
    assert sending.send_next_batch(alert.pk).claimed == 0
    sweeper.sweep()
    assert MediaAlert.objects.get(pk=alert.pk).status == "sent"
    for message in esp_stub.state.messages:
        assert post_event(client, message, "delivered").status_code == 200
    rows = Delivery.objects.filter(alert=alert)
    assert set(rows.values_list("status", flat=True)) == {"sent"}
    assert rows.filter(delivered_at__isnull=False).count() == 4
    assert set(esp_stub.state.recipients().values()) == {1}


def test_connection_refused_is_retried(esp, esp_stub, settings):
    """Nothing listening at the provider's address: nothing was posted, so it is retried."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        dead_url = f"http://127.0.0.1:{closed.getsockname()[1]}"
    live = settings.ANYMAIL
    settings.ANYMAIL = {**live, "MAILGUN_API_URL": f"{dead_url}/v3/", "POSTMARK_API_URL": dead_url}
    alert = due_alert(3, "refused")
    sending.start_alert(alert.pk)
    first = sending.send_next_batch(alert.pk)
    assert first.requeued == 3 and first.retry_at is not None
    settings.ANYMAIL = live
    Delivery.objects.filter(alert=alert).update(not_before=None)
    assert sending.send_next_batch(alert.pk).sent == 3
    assert set(esp_stub.state.recipients().values()) == {1}


def test_connection_dropped_after_posting_is_unknown_until_reconciled(esp, esp_stub):
    """A connection cut after the request went out may hide an accepted batch: the rows are
    unknown and not resent, until an operator who checked the provider's logs resends them."""
    esp_stub.state.faults = ["drop"]
    alert = due_alert(2, "recon")
    sending.start_alert(alert.pk)
    assert sending.send_next_batch(alert.pk).unknown == 2
    assert sending.send_next_batch(alert.pk).claimed == 0
    assert esp_stub.state.messages == []
    assert sweeper.reconcile_unknown(MediaAlert.objects.get(pk=alert.pk), resend=True) == 2
    sending.send_next_batch(alert.pk)
    assert set(esp_stub.state.recipients().values()) == {1}
    assert len(esp_stub.state.recipients()) == 2


def test_postmark_refusal_fails_only_that_recipient(settings, esp_stub):
    """Postmark answers per message: the inactive address fails, the others are sent."""
    point_anymail_at(settings, esp_stub, "postmark")
    alert = due_alert(5, "pmref")
    esp_stub.state.refuse = {"pmref2@example.com"}
    sending.start_alert(alert.pk)
    sending.send_next_batch(alert.pk)
    refused = Delivery.objects.get(alert=alert, email="pmref2@example.com")
    assert refused.status == "failed" and "rejected" in refused.error
    assert Delivery.objects.filter(alert=alert, status="sent").count() == 4
    assert "pmref2@example.com" not in esp_stub.state.recipients()


def test_mailgun_refusal_isolates_the_bad_address(settings, esp_stub):
    """Mailgun refuses a whole call for one bad address: the rows go again one by one, so only
    that address fails and everyone else gets the alert once."""
    point_anymail_at(settings, esp_stub, "mailgun")
    alert = due_alert(5, "mgref")
    esp_stub.state.refuse = {"mgref3@example.com"}
    sending.start_alert(alert.pk)
    for _ in range(7):
        sending.send_next_batch(alert.pk)
    assert Delivery.objects.get(alert=alert, email="mgref3@example.com").status == "failed"
    assert Delivery.objects.filter(alert=alert, status="sent").count() == 4
    assert set(esp_stub.state.recipients().values()) == {1}
    assert MediaAlert.objects.get(pk=alert.pk).status == "sent"


def test_refused_batch_is_finished_one_by_one_by_tasks(
    settings, esp_stub, django_capture_on_commit_callbacks
):
    """After a refused batch the tasks keep going, one address per call, until all are done."""
    point_anymail_at(settings, esp_stub, "mailgun")
    alert = due_alert(4, "chainref")
    esp_stub.state.refuse = {"chainref1@example.com"}
    with django_capture_on_commit_callbacks(execute=True):
        tasks.start_alert.enqueue(alert.pk)
    assert MediaAlert.objects.get(pk=alert.pk).status == "sent"
    assert Delivery.objects.filter(alert=alert, status="sent").count() == 3
    assert Delivery.objects.get(alert=alert, email="chainref1@example.com").status == "failed"


def test_sweeper_requeues_unposted_and_marks_posted_unknown(esp, esp_stub):
    """A dead worker's claimed-but-unposted rows go back to the queue and are sent; rows it had
    posted become unknown and are not sent again."""
    alert = due_alert(6, "sweep")
    sending.start_alert(alert.pk)
    rows = list(Delivery.objects.filter(alert=alert).order_by("pk"))
    expired = timezone.now() - datetime.timedelta(seconds=1)
    Delivery.objects.filter(pk__in=[r.pk for r in rows[:3]]).update(
        status="sending", claim="dead", lease_until=expired
    )
    Delivery.objects.filter(pk__in=[r.pk for r in rows[3:]]).update(
        status="sending", claim="dead", lease_until=expired, posted_at=expired
    )
    result = sweeper.sweep()
    assert (result.requeued, result.unknown) == (3, 3)
    assert result.sending == [alert.pk]
    sending.send_next_batch(alert.pk)
    assert sorted(esp_stub.state.recipients()) == sorted(r.email for r in rows[:3])
    assert Delivery.objects.filter(alert=alert, status="unknown").count() == 3


def test_sweeper_leaves_live_leases_alone(esp):
    """Rows a worker is still working on (lease not run out) are not touched."""
    alert = due_alert(2, "live")
    sending.start_alert(alert.pk)
    sending.claim_batch(alert.pk, "busy-worker")
    assert sweeper.sweep().requeued == 0
    assert Delivery.objects.filter(alert=alert, status="sending").count() == 2


def test_sweeps_keep_coming_while_an_alert_is_sending(
    esp, db_tasks, django_capture_on_commit_callbacks
):
    """While a batch is in flight the sweeper schedules its next run, deferred past the lease."""
    alert = due_alert(2, "chain")
    sending.start_alert(alert.pk)
    sending.claim_batch(alert.pk, "busy-worker")
    with django_capture_on_commit_callbacks(execute=True):
        tasks.sweep_alerts.call()
    next_sweep = DBTaskResult.objects.get(task_path="campaign.alerts.tasks.sweep_alerts")
    assert next_sweep.run_after > timezone.now() + datetime.timedelta(seconds=250)


def test_commands_sweep_and_reconcile(esp, esp_stub):
    """`sweep_alerts` recovers a dead worker's rows; `reconcile_alert --mark-failed` settles
    unknown ones, and says how many."""
    alert = due_alert(2, "cmd")
    sending.start_alert(alert.pk)
    expired = timezone.now() - datetime.timedelta(seconds=1)
    Delivery.objects.filter(alert=alert).update(
        status="sending", claim="dead", lease_until=expired, posted_at=expired
    )
    out = io.StringIO()
    call_command("sweep_alerts", stdout=out)
    assert "marked unknown 2" in out.getvalue()
    call_command("reconcile_alert", str(alert.pk), "--mark-failed", stdout=out)
    assert "Marked failed 2 delivery(ies)" in out.getvalue()
    assert set(Delivery.objects.filter(alert=alert).values_list("status", flat=True)) == {"failed"}
    with pytest.raises(CommandError, match="There is no media alert 999999"):
        call_command("reconcile_alert", "999999", "--resend")
