"""The campaign image model: alt text is required; credit and licence travel with the image."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CampaignImage(AbstractImage):
    """An image with the accessibility and rights information every use of it needs."""

    alt_text = models.CharField(
        max_length=255,
        help_text="Describe what the image shows for people who cannot see it (required).",
    )
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who made the image, shown beside it, e.g. 'Poster: Kristen Hinz'.",
    )
    licence = models.CharField(
        max_length=255,
        blank=True,
        help_text="Terms of use for partners, e.g. 'Free to share unaltered with credit'.",
    )
    source = models.CharField(
        max_length=255, blank=True, help_text="Where the image came from (a URL or a note)."
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit", "licence", "source")

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or self.title


class CampaignRendition(AbstractRendition):
    image = models.ForeignKey(CampaignImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
