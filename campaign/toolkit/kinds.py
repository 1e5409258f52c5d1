"""What the toolkit counts. Kept apart from the models so panels and views can share it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CountKind(models.TextChoices):
    IMPRESSION = "impression", _("Impressions")
    CLICK = "click", _("Click-throughs")
    DOWNLOAD = "download", _("Downloads")
    EMBED_COPY = "embed_copy", _("Embed codes copied")
    # An embed on a host the officer blocked: the neutral card was shown instead of the asset.
    BLOCKED = "blocked", _("Blocked (neutral card shown)")
