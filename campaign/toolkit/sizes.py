"""The sizes an asset is offered in. Every surface that offers sizes to partners (the asset page,
downloads, embeds, oEmbed, the API) asks `offered_sizes` or `offered_size`, and takes the file
from `Size.rendition`: designed artwork where the asset has it, else the automatic version, which
is offered only once the officer approved exactly the version they saw."""

import hashlib
import math
from dataclasses import dataclass

from django.db.models import prefetch_related_objects

from .presets import PRESETS, Preset
from .safe_area import safe_area_spec

# Part of every automatic version's fingerprint: changing how automatic versions are made
# withdraws the approvals of the old ones.
AUTOMATIC_ALGORITHM = "safearea-1"


@dataclass(frozen=True)
class Size:
    """One preset of one asset as partners get it."""

    asset: object
    preset: Preset
    artwork: object  # the CampaignImage designed for this size, or None
    version: str  # fingerprint of the automatic version as it would be made now
    approved_version: str  # the automatic version the officer approved, or ""

    @property
    def designed(self) -> bool:
        return self.artwork is not None

    @property
    def approved(self) -> bool:
        """The officer approved the automatic version as it is now."""
        return bool(self.version) and self.approved_version == self.version

    @property
    def approval_outdated(self) -> bool:
        """An earlier automatic version was approved, and it has changed since."""
        return bool(self.approved_version) and not self.approved

    @property
    def offered(self) -> bool:
        return self.designed or self.approved

    def rendition(self, image_format: str, within: tuple[int, int] | None = None):
        """This size's file in one format (a Wagtail rendition), scaled down whole to fit
        `within` (a width and height) when given, so a thumbnail keeps the safe area too."""
        preset = self.preset
        width, height = preset.width, preset.height
        if within:
            scale = min(1, within[0] / width, within[1] / height)
            width, height = max(1, math.floor(width * scale)), max(1, math.floor(height * scale))
        if self.artwork is not None:
            return self.artwork.get_rendition(f"exactfill-{width}x{height}|format-{image_format}")
        background = self.asset.background_colour
        spec = safe_area_spec(width, height, background, image_format)
        return self.asset.image.get_rendition(spec)


def automatic_version(asset, preset: Preset) -> str:
    """A fingerprint of everything the automatic version depends on; "" without an image."""
    image = asset.image
    if image is None:
        return ""
    parts = [
        AUTOMATIC_ALGORITHM,
        preset.key,
        image.pk,
        image.file.name,
        image.file_hash,
        image.width,
        image.height,
        asset.background_colour.lower(),
    ]
    # As stored: the database keeps whole pixels of what the editor may have set as floats.
    focal = [image.focal_point_x, image.focal_point_y, image.focal_point_width]
    parts += [
        None if value is None else round(value) for value in [*focal, image.focal_point_height]
    ]
    raw = "|".join(str(part) for part in parts)
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def asset_sizes(asset) -> list[Size]:
    """Every preset of the asset, offered or not, in preset order (for the officer's review)."""
    # One query for the rows and their artwork, whichever surface asks first (a no-op when the
    # asset came from `CampaignAsset.objects.with_sizes()`).
    prefetch_related_objects([asset], "sizes__artwork__renditions")
    rows = {row.preset: row for row in asset.sizes.all()}
    sizes = []
    for key, preset in PRESETS.items():
        row = rows.get(key)
        sizes.append(
            Size(
                asset=asset,
                preset=preset,
                artwork=row.artwork if row else None,
                version=automatic_version(asset, preset),
                approved_version=row.approved_version if row else "",
            )
        )
    return sizes


def offered_sizes(asset) -> list[Size]:
    """The sizes partners may have: designed, or automatic and approved as they are now."""
    return [size for size in asset_sizes(asset) if size.offered]


def offered_size(asset, key: str) -> Size | None:
    """One size if it is offered to partners, else None."""
    return next((size for size in offered_sizes(asset) if size.preset.key == key), None)


def size_field_names(preset: Preset) -> tuple[str, str, str]:
    """The asset form's fields for one size: designed artwork, approval, version seen."""
    key = preset.key.replace("-", "_")
    return f"artwork_{key}", f"approve_{key}", f"seen_{key}"


def chosen_size(asset, key: str, default_key: str) -> Size | None:
    """The offered size asked for, else the default size if offered, else the first offered."""
    offered = {size.preset.key: size for size in offered_sizes(asset)}
    return offered.get(key) or offered.get(default_key) or next(iter(offered.values()), None)
