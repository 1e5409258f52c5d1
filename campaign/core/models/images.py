"""The campaign image model: alt text (Wagtail's description) is required; credit and licence
travel with the image."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    get_rendition_storage,
    get_rendition_upload_to,
)


class CampaignImage(AbstractImage):
    """An image with the accessibility and rights information every use of it needs."""

    # Wagtail's own alt text (default_alt_text, the {% image %} tag, the rich-text chooser),
    # required here because every use of a campaign image needs it.
    description = models.CharField(
        max_length=255,
        verbose_name=_("description (alt text)"),
        help_text=_("Describe what the image shows for people who cannot see it (required)."),
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

    admin_form_fields = (*Image.admin_form_fields, "credit", "licence", "source")


class RenditionImageField(WagtailImageField):
    """A rendition's file never changes once made, so its width and height are read once, when
    the generated image is assigned, and not again from the saved file: Django would decode every
    AVIF and WebP rendition a second time just to measure it."""

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        super().update_dimension_fields(instance, False, *args, **kwargs)


class CampaignRendition(AbstractRendition):
    image = models.ForeignKey(CampaignImage, on_delete=models.CASCADE, related_name="renditions")
    file = RenditionImageField(
        upload_to=get_rendition_upload_to,
        storage=get_rendition_storage,
        width_field="width",
        height_field="height",
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
