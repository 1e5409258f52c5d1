"""Each size of an asset: the artwork designed for it, or the officer's approval of the automatic
version (campaign.toolkit.safe_area) that they saw."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import TranslatableMixin

from ..presets import PRESETS


class AssetSize(TranslatableMixin, models.Model):
    """One preset of one asset. No row, or a row with neither artwork nor approval, means the
    size is not offered to partners. Translatable with its asset: a Spanish asset's sizes carry
    artwork drawn in Spanish."""

    asset = ParentalKey("toolkit.CampaignAsset", on_delete=models.CASCADE, related_name="sizes")
    preset = models.CharField(
        max_length=20, choices=[(key, preset.label) for key, preset in PRESETS.items()]
    )
    artwork = models.ForeignKey(
        "core.CampaignImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Artwork designed for this size; partners get it instead of an automatic one."),
    )
    approved_version = models.CharField(
        max_length=40,
        blank=True,
        help_text=_(
            "The automatic version the officer approved, as a fingerprint of what they saw; a "
            "new image, safe area or background colour makes a new version that needs approval."
        ),
    )

    class Meta(TranslatableMixin.Meta):
        constraints = [
            models.UniqueConstraint(fields=["asset", "preset"], name="toolkit_one_row_per_size")
        ]

    def __str__(self) -> str:
        return f"{self.asset} – {self.get_preset_display()}"
