"""A media alert: one e-mail, composed once, sent to everyone on the chosen lists."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .contacts import ContactState, MediaList, PressContact


class AlertStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    CANCELLED = "cancelled", "Cancelled"


class AlertContent(models.TextChoices):
    LEAD = "lead", _("The lead paragraphs (the message below)")
    FULL = "full", _("The whole release")


class MediaAlert(index.Indexed, models.Model):
    """An e-mail to journalists about a release, an event or a statement. Created from a
    press release in one click, or written from scratch."""

    # Never on a public page: saving one keeps rendered pages (campaign.core.content_version).
    shown_on_public_pages = False

    Status = AlertStatus
    Content = AlertContent

    subject = models.CharField(max_length=200, help_text="The e-mail's subject line.")
    summary = models.TextField(
        help_text="The message itself: a few short paragraphs, separated by blank lines."
    )
    link_url = models.URLField(
        blank=True,
        help_text="Where to read more: the release's public address. Leave empty while the "
        "release is under embargo.",
    )
    embargo_notice = models.CharField(
        max_length=300,
        blank=True,
        help_text="Shown at the top of the e-mail, e.g. 'Embargoed until 6 a.m. ET, 12 Jan'.",
    )
    preview_url = models.URLField(
        blank=True,
        max_length=500,
        help_text="Private preview link to an embargoed release. Never the public address.",
    )
    release = models.ForeignKey(
        "newsroom.PressReleasePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="media_alerts",
        help_text="The press release this alert is about, if any.",
    )
    content = models.CharField(
        max_length=4,
        choices=AlertContent.choices,
        default=AlertContent.LEAD,
        help_text=_(
            "With a press release: send the message above as its lead, or the release's whole text."
        ),
    )
    lists = models.ManyToManyField(
        MediaList, blank=True, related_name="alerts", help_text="Who receives the alert."
    )
    send_on_publish = models.BooleanField(
        default=False,
        help_text="Send automatically when the linked release is published.",
    )
    status = models.CharField(
        max_length=12, choices=AlertStatus.choices, default=AlertStatus.DRAFT, editable=False
    )
    scheduled_at = models.DateTimeField(null=True, blank=True, editable=False)
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("subject"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("link_url"), FieldPanel("embargo_notice"), FieldPanel("preview_url")],
            heading="Links and embargo",
        ),
        MultiFieldPanel(
            [FieldPanel("release"), FieldPanel("content"), FieldPanel("send_on_publish")],
            heading="Press release",
        ),
        FieldPanel("lists"),
    ]
    search_fields = [index.SearchField("subject"), index.AutocompleteField("subject")]

    class Meta:
        ordering = ["-created_at"]
        permissions = [("send_mediaalert", "Can send media alerts")]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_editable(self) -> bool:
        return self.status in (AlertStatus.DRAFT, AlertStatus.SCHEDULED)

    @property
    def under_embargo(self) -> bool:
        """An alert about an embargoed release (or with an embargo notice) never carries the
        public address, only the private preview link."""
        if self.release_id:
            return self.release.is_embargoed
        return bool(self.embargo_notice)

    @property
    def public_link(self) -> str:
        return "" if self.under_embargo else self.link_url

    @property
    def current_embargo_notice(self) -> str:
        return self.embargo_notice if self.under_embargo else ""

    @property
    def current_preview_url(self) -> str:
        return self.preview_url if self.under_embargo else ""

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.summary.split("\n\n") if p.strip()]

    def recipients(self):
        """Contacts on the chosen lists who may be sent to (suppressed contacts are left out)."""
        return PressContact.objects.sendable().filter(lists__in=self.lists.all()).distinct()

    def audience(self) -> dict[str, int]:
        """How many contacts on the chosen lists are in each state (each contact counted once,
        however many of the lists they are on). Only the active ones receive the alert."""
        on_lists = PressContact.objects.filter(lists__in=self.lists.all()).values("pk")
        rows = (
            PressContact.objects.filter(pk__in=on_lists)
            .values("state")
            .annotate(n=models.Count("pk"))
            .order_by()
        )
        counts = dict.fromkeys(ContactState.values, 0)
        counts.update({row["state"]: row["n"] for row in rows})
        return counts

    def mark_finished_if_done(self) -> bool:
        """Once no delivery is waiting or in flight, the alert is sent."""
        if self.deliveries.filter(status__in=["queued", "sending"]).exists():
            return False
        return bool(
            MediaAlert.objects.filter(pk=self.pk, status=AlertStatus.SENDING).update(
                status=AlertStatus.SENT, finished_at=timezone.now()
            )
        )
