"""A record of each plain-text file turned into a release, so importing it again is a no-op."""

from django.db import models


class ImportedRelease(models.Model):
    """The checksum of an imported file and the draft release it became."""

    checksum = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the file.")
    filename = models.CharField(max_length=255, help_text="The file's name when imported.")
    page = models.ForeignKey(
        "newsroom.PressReleasePage", on_delete=models.CASCADE, related_name="import_records"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.filename
