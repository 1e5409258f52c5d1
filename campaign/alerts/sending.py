"""Sending an alert exactly once to each contact.

Every (alert, contact) has one Delivery row. A worker claims a batch of queued rows atomically
(SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional UPDATE elsewhere), stamps them
`posted_at` just before the HTTP call, and records the provider's message ids afterwards. What can
go wrong and what happens:

- worker dies after claiming, before posting: the lease expires and the sweeper requeues the rows;
- worker dies after posting: the sweeper marks them `unknown`; they are never resent unless a
  webhook event or an explicit reconciliation says so;
- read timeout, or the connection dropped after the request went out: `unknown` at once, for the
  same reason;
- no connection at all (refused, DNS, connect timeout), 429 or 5xx: back to `queued` with a
  `not_before` time (exponential backoff) and the caller enqueues a delayed task; after
  ALERTS_MAX_ATTEMPTS the rows fail;
- per-recipient rejection: that row fails, the rest are sent;
- any other error for a batch of several: the rows are requeued to go one by one, so a single bad
  address cannot sink the others.
"""

import logging
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import requests
from anymail.exceptions import AnymailError, AnymailRequestsAPIError
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from urllib3.exceptions import ConnectTimeoutError

from campaign.newsroom.embargo import create_recipient_links

from .esp import batch_size, fill_merge_fields, get_alert_connection, supports_batch
from .models import ContactState, Delivery, DeliveryStatus, MediaAlert
from .rendering import ONE_CLICK_HEADERS, RenderedAlert, render_alert, unsubscribe_headers
from .tokens import unsubscribe_url

logger = logging.getLogger(__name__)

Status = MediaAlert.Status
ACCEPTED = {"sent", "queued"}
REFUSED = {"rejected", "invalid", "failed"}


@dataclass
class BatchOutcome:
    """What one batch did, so the task knows whether to enqueue more work."""

    claimed: int = 0
    sent: int = 0
    failed: int = 0
    unknown: int = 0
    requeued: int = 0
    retry_at: datetime | None = None
    # Rows that go one per call (after a refused batch) need one task after another.
    alone: bool = False

    @property
    def needs_follow_up(self) -> bool:
        """Rows were put back for an immediate new try, or one-by-one sending continues."""
        return self.retry_at is None and (self.requeued > 0 or self.alone)


def start_alert(alert_id: int) -> int:
    """Move a due alert to `sending` and queue one Delivery per sendable contact. Returns how
    many batches there are to send (0 if the alert was cancelled, not due or already started)."""
    now = timezone.now()
    with transaction.atomic():
        started = MediaAlert.objects.filter(
            pk=alert_id, status=Status.SCHEDULED, scheduled_at__lte=now
        ).update(status=Status.SENDING, started_at=now)
        if not started:
            return 0
        alert = MediaAlert.objects.get(pk=alert_id)
        queued = queue_deliveries(alert)
    if not queued:
        alert.mark_finished_if_done()
    return -(-queued // batch_size())


def queue_deliveries(alert: MediaAlert) -> int:
    """Create the missing Delivery rows; the unique constraint makes this safe to repeat."""
    contacts = alert.recipients().values_list("pk", "email")
    Delivery.objects.bulk_create(
        [Delivery(alert=alert, contact_id=pk, email=email) for pk, email in contacts],
        ignore_conflicts=True,
        batch_size=500,
    )
    if alert.release_id and alert.under_embargo:
        give_preview_links(alert)
    return alert.deliveries.filter(status=DeliveryStatus.QUEUED).count()


def give_preview_links(alert: MediaAlert) -> None:
    """Each recipient of an alert about an embargoed release gets a preview link of their own,
    so one forwarded link can be revoked without cutting off everyone else."""
    rows = list(
        alert.deliveries.filter(status=DeliveryStatus.QUEUED, preview_link__isnull=True)
        .select_related("contact")
        .order_by("pk")
    )
    notes = [f"{row.contact.name} <{row.email}>"[:200] for row in rows]
    links = create_recipient_links(
        alert.release, notes, created_by=alert.created_by, reason=f"Media alert: {alert.subject}"
    )
    for row, link in zip(rows, links, strict=True):
        row.preview_link = link
    Delivery.objects.bulk_update(rows, ["preview_link"], batch_size=500)


def send_next_batch(alert_id: int) -> BatchOutcome:
    """Claim up to one provider batch of queued rows for this alert and send it."""
    if not MediaAlert.objects.filter(pk=alert_id, status=Status.SENDING).exists():
        return BatchOutcome()  # cancelled, or already finished
    drop_suppressed(alert_id)
    token = uuid.uuid4().hex
    rows = claim_batch(alert_id, token)
    outcome = BatchOutcome(claimed=len(rows), alone=any(row.send_alone for row in rows))
    if rows:
        alert = MediaAlert.objects.get(pk=alert_id)
        post_batch(alert, rows, token, outcome)
    MediaAlert.objects.get(pk=alert_id).mark_finished_if_done()
    return outcome


def drop_suppressed(alert_id: int) -> int:
    """A contact who unsubscribed, bounced or complained after queueing gets nothing."""
    return (
        Delivery.objects.filter(alert_id=alert_id, status=DeliveryStatus.QUEUED)
        .exclude(contact__state=ContactState.ACTIVE)
        .update(status=DeliveryStatus.FAILED, error="Suppressed before sending.")
    )


def claim_batch(alert_id: int, token: str) -> list[Delivery]:
    """Atomically take queued rows for this worker. Two workers never get the same row."""
    now = timezone.now()
    ready = (
        Delivery.objects.filter(alert_id=alert_id, status=DeliveryStatus.QUEUED)
        .exclude(not_before__gt=now)
        .order_by("send_alone", "pk")
    )
    first = ready.values_list("send_alone", flat=True).first()
    if first is None:
        return []
    size = 1 if first else batch_size()
    lease = now + timedelta(seconds=settings.ALERTS_LEASE_SECONDS)
    claim = {
        "status": DeliveryStatus.SENDING,
        "claim": token,
        "lease_until": lease,
        "attempts": F("attempts") + 1,
    }
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            ids = list(
                ready.select_for_update(skip_locked=True, of=("self",)).values_list(
                    "pk", flat=True
                )[:size]
            )
            Delivery.objects.filter(pk__in=ids).update(**claim)
        else:
            # SQLite serialises writers, so the status condition in this one UPDATE is the lock.
            ids = list(ready.values_list("pk", flat=True)[:size])
            Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.QUEUED).update(**claim)
    return list(
        Delivery.objects.filter(claim=token, status=DeliveryStatus.SENDING).select_related(
            "contact", "preview_link"
        )
    )


def post_batch(alert: MediaAlert, rows: list[Delivery], token: str, outcome: BatchOutcome) -> None:
    """Send the claimed rows in one provider call and record each recipient's outcome."""
    # The heartbeat: from here on a dead worker's rows become `unknown`, never `queued`.
    posted = Delivery.objects.filter(claim=token, status=DeliveryStatus.SENDING).update(
        posted_at=timezone.now(),
        lease_until=timezone.now() + timedelta(seconds=settings.ALERTS_LEASE_SECONDS),
    )
    if posted != len(rows):
        # The sweeper took some rows back; never post what this worker no longer owns.
        rows = list(Delivery.objects.filter(claim=token, status=DeliveryStatus.SENDING))
        if not rows:
            return
    rendered = render_alert(alert)
    mail = get_alert_connection()
    try:
        statuses = deliver(mail, alert, rendered, rows)
    except AnymailRequestsAPIError as error:
        handle_api_error(error, rows, token, outcome)
    except (AnymailError, OSError) as error:
        logger.exception("Alert %s: batch failed", alert.pk)
        handle_permanent_error(str(error), rows, token, outcome)
    else:
        record_statuses(statuses, rows, token, outcome)


def recipient_values(alert: MediaAlert, row: Delivery) -> dict[str, str]:
    """The merge fields of one recipient: their unsubscribe and preview links."""
    preview = row.preview_link.full_url if row.preview_link else alert.preview_url
    return {"unsubscribe_url": unsubscribe_url(row.contact_id, alert.pk), "preview_url": preview}


def deliver(mail, alert: MediaAlert, rendered: RenderedAlert, rows: list[Delivery]) -> dict:
    """Post the batch; return {email: (status, message_id)}."""
    values = {row.email: recipient_values(alert, row) for row in rows}
    links = {email: merge["unsubscribe_url"] for email, merge in values.items()}
    from_email = settings.ALERTS_FROM_EMAIL
    if supports_batch(mail):
        message = EmailMultiAlternatives(
            subject=rendered.subject,
            body=rendered.text,
            from_email=from_email,
            to=[row.email for row in rows],
            headers=dict(ONE_CLICK_HEADERS),
            connection=mail,
        )
        message.attach_alternative(rendered.html, "text/html")
        message.merge_data = values
        message.merge_headers = {email: unsubscribe_headers(url) for email, url in links.items()}
        message.merge_metadata = {row.email: {"delivery": str(row.pk)} for row in rows}
        message.metadata = {"alert": str(alert.pk)}
        message.tags = ["media-alert"]
        message.send()
        return {
            email: (status.status, status.message_id or "")
            for email, status in message.anymail_status.recipients.items()
        }
    messages = []
    for row in rows:
        message = EmailMultiAlternatives(
            subject=rendered.subject,
            body=fill_merge_fields(rendered.text, values[row.email]),
            from_email=from_email,
            to=[row.email],
            headers={**ONE_CLICK_HEADERS, **unsubscribe_headers(links[row.email])},
            connection=mail,
        )
        message.attach_alternative(fill_merge_fields(rendered.html, values[row.email]), "text/html")
        messages.append(message)
    mail.send_messages(messages)
    return {row.email: ("sent", "") for row in rows}


def record_statuses(statuses: dict, rows: list[Delivery], token: str, outcome) -> None:
    lower = {email.lower(): value for email, value in statuses.items()}
    now = timezone.now()
    for row in rows:
        status, message_id = lower.get(row.email.lower(), ("unknown", ""))
        mine = Delivery.objects.filter(
            pk=row.pk,
            claim=token,
            status__in=[DeliveryStatus.SENDING, DeliveryStatus.UNKNOWN],
        )
        if status in ACCEPTED:
            outcome.sent += mine.update(
                status=DeliveryStatus.SENT, esp_message_id=message_id, sent_at=now, error=""
            )
        elif status in REFUSED:
            outcome.failed += mine.update(
                status=DeliveryStatus.FAILED, error=f"Refused by the provider ({status})."
            )
        else:
            outcome.unknown += mine.update(
                status=DeliveryStatus.UNKNOWN, error="The provider did not report this address."
            )


def never_reached_provider(error: AnymailRequestsAPIError) -> bool:
    """The connection could not be made (refused, DNS, connect timeout): nothing was posted."""
    cause = error.__cause__
    if not isinstance(cause, requests.ConnectionError):
        return False
    reason = cause.args[0] if cause.args else None
    reason = getattr(reason, "reason", reason)  # urllib3's MaxRetryError wraps the real reason
    return isinstance(cause, requests.ConnectTimeout) or isinstance(reason, ConnectTimeoutError)


def outcome_unknown(error: AnymailRequestsAPIError) -> bool:
    """The request may have reached the provider but no answer came back: a read timeout, or a
    connection dropped after the request was sent."""
    return isinstance(error.__cause__, requests.RequestException) and not never_reached_provider(
        error
    )


def is_transient(error: AnymailRequestsAPIError) -> bool:
    if never_reached_provider(error):
        return True
    return error.status_code is not None and (error.status_code == 429 or error.status_code >= 500)


def handle_api_error(error, rows: list[Delivery], token: str, outcome: BatchOutcome) -> None:
    if outcome_unknown(error):
        # The provider may have accepted the batch: resending could mail everyone twice.
        reason = type(error.__cause__).__name__
        outcome.unknown += Delivery.objects.filter(
            claim=token, status=DeliveryStatus.SENDING
        ).update(status=DeliveryStatus.UNKNOWN, error=f"{reason}: outcome unknown.")
    elif is_transient(error):
        retry_later(rows, token, str(error).splitlines()[0], outcome)
    else:
        handle_permanent_error(str(error).splitlines()[0], rows, token, outcome)


def backoff(attempts: int) -> timedelta:
    base = settings.ALERTS_RETRY_BASE_SECONDS
    delay = min(base * 2 ** max(attempts - 1, 0), settings.ALERTS_RETRY_MAX_SECONDS)
    return timedelta(seconds=delay * random.uniform(1.0, 1.25))  # noqa: S311


def retry_later(rows: list[Delivery], token: str, reason: str, outcome: BatchOutcome) -> None:
    attempts = max(row.attempts for row in rows)  # the claim counted this attempt
    mine = Delivery.objects.filter(claim=token, status=DeliveryStatus.SENDING)
    if attempts >= settings.ALERTS_MAX_ATTEMPTS:
        outcome.failed += mine.update(
            status=DeliveryStatus.FAILED, error=f"Gave up after {attempts} attempts: {reason}"
        )
        return
    retry_at = timezone.now() + backoff(attempts)
    outcome.requeued += mine.update(
        status=DeliveryStatus.QUEUED,
        claim="",
        posted_at=None,
        lease_until=None,
        not_before=retry_at,
        error=f"Will retry: {reason}",
    )
    outcome.retry_at = retry_at


def handle_permanent_error(reason: str, rows: list[Delivery], token: str, outcome) -> None:
    mine = Delivery.objects.filter(claim=token, status=DeliveryStatus.SENDING)
    if len(rows) > 1:
        outcome.requeued += mine.update(
            status=DeliveryStatus.QUEUED,
            claim="",
            posted_at=None,
            lease_until=None,
            send_alone=True,
            error=f"Batch refused, sending one by one: {reason}",
        )
    else:
        outcome.failed += mine.update(status=DeliveryStatus.FAILED, error=reason)


def send_test(alert: MediaAlert, addresses: list[str]) -> None:
    """Send the alert to the typed addresses, one message each, outside any list and any
    Delivery. The preview link is the alert's own (recipients get theirs when it is sent)."""
    rendered = render_alert(
        alert, unsubscribe_url=settings.ALERTS_BASE_URL, preview_url=alert.preview_url
    )
    mail = get_alert_connection()
    messages = []
    for address in addresses:
        message = EmailMultiAlternatives(
            subject=f"[TEST] {rendered.subject}",
            body=rendered.text,
            from_email=settings.ALERTS_FROM_EMAIL,
            to=[address],
            connection=mail,
        )
        message.attach_alternative(rendered.html, "text/html")
        messages.append(message)
    mail.send_messages(messages)
