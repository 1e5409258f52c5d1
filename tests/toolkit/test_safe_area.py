"""Every automatic size keeps the image's safe area whole: all its pixels, scaled, none cropped."""

import io

import pytest
from PIL import Image, ImageChops, ImageStat
from wagtail.images.rect import Rect
from willow.plugins.pillow import PillowImage

from campaign.core.models import CampaignImage
from campaign.toolkit.models import AssetSize
from campaign.toolkit.presets import PRESETS
from campaign.toolkit.safe_area import SafeAreaOperation, layout_for
from campaign.toolkit.sizes import automatic_version, offered_size
from tests.factories import CampaignImageFactory, png

from .factories import CampaignAssetFactory

pytestmark = pytest.mark.django_db

SOURCE = (400, 250)
GREY = "#808080"
# Safe areas of every kind: fitting most shapes, too wide, too tall, touching two edges, unset.
SAFE_AREAS = {
    "centred": (150, 90, 250, 160),
    "wide band": (20, 100, 380, 150),
    "tall band": (180, 10, 220, 240),
    "corner": (300, 170, 400, 250),
    "unset": None,
}


def safe_pattern(box) -> list:
    """A 4×4 grid of colours inside the box, all with full blue, which the grey around lacks."""
    left, top, right, bottom = box
    cells = []
    for i in range(4):
        for j in range(4):
            cell = (
                left + (right - left) * i // 4,
                top + (bottom - top) * j // 4,
                left + (right - left) * (i + 1) // 4,
                top + (bottom - top) * (j + 1) // 4,
            )
            cells.append((cell, (85 * i, 85 * j, 255)))
    return cells


def source_picture(safe) -> Image.Image:
    return Image.open(png(SOURCE, GREY, safe_pattern(safe or (0, 0, *SOURCE))))


def with_safe_area(image: CampaignImage, safe) -> CampaignImage:
    if safe:
        image.set_focal_point(Rect(*safe))
    return image


def assert_safe_area_whole(output: Image.Image, source: Image.Image, safe, size) -> None:
    """The output has the size's pixels, and the safe area appears in it whole and undistorted."""
    assert output.size == size
    safe = safe or (0, 0, *source.size)
    blue = output.convert("RGB").getchannel("B").point(lambda value: 255 if value > 192 else 0)
    left, top, right, bottom = blue.getbbox()
    width, height = right - left, bottom - top
    scale = (width + height) / (safe[2] - safe[0] + safe[3] - safe[1])
    assert abs(width - (safe[2] - safe[0]) * scale) <= 2
    assert abs(height - (safe[3] - safe[1]) * scale) <= 2
    expected = source.crop(safe).convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
    found = output.convert("RGB").crop((left, top, right, bottom))
    difference = ImageStat.Stat(ImageChops.difference(expected, found)).mean
    assert max(difference) < 25, difference


@pytest.mark.parametrize("preset", PRESETS.values(), ids=PRESETS.keys())
@pytest.mark.parametrize("safe", SAFE_AREAS.values(), ids=SAFE_AREAS.keys())
def test_automatic_size_keeps_the_safe_area_whole(preset, safe):
    """Each preset's automatic version holds every safe-area pixel, scaled and uncropped."""
    source = source_picture(safe)
    image = with_safe_area(CampaignImage(width=SOURCE[0], height=SOURCE[1]), safe)
    operation = SafeAreaOperation("safearea", f"{preset.width}x{preset.height}", "808080")
    output = operation.run(PillowImage(source), image, {}).image
    assert_safe_area_whole(output, source, safe, (preset.width, preset.height))


def test_safe_area_that_fits_the_shape_is_cropped_around():
    """A square from a landscape image whose safe area fits a square: cropped, no margins."""
    layout = layout_for(SOURCE, SAFE_AREAS["centred"], (1080, 1080))
    assert layout.fills and layout.crop == (75, 0, 325, 250)


def test_safe_area_too_wide_for_the_shape_fits_the_whole_artwork():
    """A story from an image whose safe area is a wide band: all of it, on a background."""
    layout = layout_for(SOURCE, SAFE_AREAS["wide band"], (1080, 1920))
    assert layout.crop == (0, 0, *SOURCE) and layout.scaled == (1080, 675)
    assert layout.offset == (0, 622)


def rendition_picture(rendition) -> Image.Image:
    with rendition.file.open("rb") as file:
        return Image.open(io.BytesIO(file.read())).convert("RGB")


def approved_rendition(asset, key: str):
    """The asset's automatic version of one size, approved as it is now, as partners get it."""
    version = automatic_version(asset, PRESETS[key])
    AssetSize.objects.update_or_create(
        asset=asset, preset=key, defaults={"approved_version": version}
    )
    return offered_size(asset, key).rendition("png")


def test_background_defaults_to_the_artworks_edge_colour():
    """Margins of an uncroppable size take the artwork's edge colour when none is set."""
    image = CampaignImageFactory(file=png(SOURCE, "#b3122b", safe_pattern((100, 50, 300, 200))))
    picture = rendition_picture(
        approved_rendition(CampaignAssetFactory(image=image), "leaderboard")
    )
    assert picture.getpixel((0, 0)) == picture.getpixel((727, 89)) == (0xB3, 0x12, 0x2B)


def test_background_colour_set_on_the_asset_fills_the_margins():
    """The asset's own background colour fills the margins instead of the edge colour."""
    image = CampaignImageFactory(file=png(SOURCE, "#b3122b"))
    asset = CampaignAssetFactory(image=image, background_colour="#3D0F4B")
    picture = rendition_picture(approved_rendition(asset, "story"))
    assert picture.getpixel((0, 0)) == picture.getpixel((1079, 1919)) == (0x3D, 0x0F, 0x4B)


@pytest.mark.parametrize("key", ["story", "leaderboard", "square"])
def test_downloaded_automatic_size_keeps_the_saved_safe_area(client, key):
    """Through Wagtail's renditions and the download view, the saved safe area stays whole."""
    safe = SAFE_AREAS["centred"]
    image = with_safe_area(CampaignImageFactory(file=png(SOURCE, GREY, safe_pattern(safe))), safe)
    image.save()
    asset = CampaignAssetFactory(image=image)
    approved_rendition(asset, key)
    response = client.get(f"/toolkit/{asset.slug}/download/{key}.png", follow=True)
    output = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    preset = PRESETS[key]
    assert_safe_area_whole(output, source_picture(safe), safe, (preset.width, preset.height))
