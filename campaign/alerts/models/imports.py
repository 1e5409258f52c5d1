"""An upload of the contacts CSV: previewed, confirmed by the officer, run in the background by
a worker, and kept as a report."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ContactImport(models.Model):
    """One contacts CSV from upload to report. The preview (what will be created, updated and
    refused, and which list names are new) is worked out on upload; nothing is written to the
    contacts until the officer confirms, and only the new lists they tick are created."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Waiting for confirmation")
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    file_name = models.CharField(max_length=255)
    csv_text = models.TextField(help_text="The uploaded file, decoded.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEW)
    total_rows = models.PositiveIntegerField(default=0)
    to_create = models.PositiveIntegerField(default=0)
    to_update = models.PositiveIntegerField(default=0)
    # [line, reason] for each row the preview refuses.
    refused = models.JSONField(default=list, blank=True)
    # List names in the file that no media list has yet, with how many rows name each.
    unknown_lists = models.JSONField(default=dict, blank=True)
    # The unknown names the officer ticked to create on confirming.
    new_lists = models.JSONField(default=list, blank=True)
    rows_done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    # [line, reason] for each row the import itself refused.
    errors = models.JSONField(default=list, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # Press contacts never reach a public page: their imports leave the render cache alone.
    shown_on_public_pages = False

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact import")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("alerts_admin:contacts_import_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
