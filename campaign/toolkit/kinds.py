"""What the toolkit counts. Kept apart from the models so panels and views can share it."""

from django.db import models


class CountKind(models.TextChoices):
    IMPRESSION = "impression", "Impressions"
    CLICK = "click", "Click-throughs"
    DOWNLOAD = "download", "Downloads"
    EMBED_COPY = "embed_copy", "Embed codes copied"
