"""One row per (alert, contact): the single source of truth that the contact got the alert."""

from django.db import models
from django.db.models import Count, Q

from .alerts import MediaAlert
from .contacts import PressContact


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    # The provider may or may not have accepted it (e.g. a read timeout): never resent until a
    # webhook event or an explicit reconciliation settles it.
    UNKNOWN = "unknown", "Unknown"


class DeliveryQuerySet(models.QuerySet):
    def counts(self) -> dict[str, int]:
        """Queued/sent/failed/unknown plus tracking counts, in one query."""
        return self.aggregate(
            total=Count("id"),
            queued=Count("id", filter=Q(status__in=["queued", "sending"])),
            sent=Count("id", filter=Q(status="sent")),
            failed=Count("id", filter=Q(status="failed")),
            unknown=Count("id", filter=Q(status="unknown")),
            delivered=Count("id", filter=Q(delivered_at__isnull=False)),
            opened=Count("id", filter=Q(opened_at__isnull=False)),
            clicked=Count("id", filter=Q(clicked_at__isnull=False)),
            bounced=Count("id", filter=Q(bounced_at__isnull=False)),
            complained=Count("id", filter=Q(complained_at__isnull=False)),
            unsubscribed=Count("id", filter=Q(unsubscribed_at__isnull=False)),
        )


class Delivery(models.Model):
    """The alert to one contact. The unique constraint makes a second row impossible, and the
    status only moves forward: queued -> sending -> sent/failed/unknown."""

    Status = DeliveryStatus

    alert = models.ForeignKey(MediaAlert, on_delete=models.CASCADE, related_name="deliveries")
    contact = models.ForeignKey(PressContact, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField(help_text="The address used, as it was when queued.")
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    # The recipient's own preview link to an embargoed release (made when the alert starts).
    preview_link = models.ForeignKey(
        "newsroom.EmbargoPreviewLink",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    esp_message_id = models.CharField(max_length=255, blank=True, db_index=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # A row that once failed a whole batch with a permanent error is retried on its own,
    # so one bad address cannot sink the others.
    send_alone = models.BooleanField(default=False)
    not_before = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=40, blank=True, db_index=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    clicked_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    complained_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    last_event = models.CharField(max_length=20, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["alert", "contact"], name="alerts_delivery_once")
        ]
        indexes = [models.Index(fields=["alert", "status"])]

    def __str__(self) -> str:
        return f"{self.alert} → {self.email} ({self.status})"
