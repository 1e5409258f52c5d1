"""A size reaches partners only with designed artwork or the officer's approval of the automatic
version they saw; every surface that offers sizes follows that one rule."""

import io

import pytest
from PIL import Image
from wagtail.images.rect import Rect

from campaign.toolkit.models import AssetSize
from campaign.toolkit.presets import PRESETS
from campaign.toolkit.sizes import automatic_version, offered_sizes
from tests.factories import CampaignImageFactory, png

from .factories import AssetSizeFactory, CampaignAssetFactory

pytestmark = pytest.mark.django_db


def approve(asset, key: str) -> None:
    version = automatic_version(asset, PRESETS[key])
    AssetSize.objects.update_or_create(
        asset=asset, preset=key, defaults={"approved_version": version}
    )


def offered_keys(asset) -> list[str]:
    return [size.preset.key for size in offered_sizes(asset)]


def test_automatic_size_is_not_offered_until_approved():
    """A new asset with no designed artwork offers no size at all."""
    assert offered_keys(CampaignAssetFactory()) == []


def test_approved_automatic_size_is_offered():
    """Approving the automatic square offers the square and nothing else."""
    asset = CampaignAssetFactory()
    approve(asset, "square")
    assert offered_keys(asset) == ["square"]


def test_designed_artwork_is_offered_without_approval():
    """A size with designed artwork is offered as it is."""
    artwork = CampaignImageFactory(size=(728, 90))
    size = AssetSizeFactory(preset="leaderboard", artwork=artwork)
    assert offered_keys(size.asset) == ["leaderboard"]


def test_approval_lapses_when_the_safe_area_changes():
    """Moving the image's safe area makes a new automatic version that needs approval again."""
    asset = CampaignAssetFactory()
    approve(asset, "story")
    asset.image.set_focal_point(Rect(10, 10, 60, 60))
    asset.image.save()
    assert offered_keys(asset) == []


def test_approval_lapses_when_the_background_colour_changes():
    """A new background colour makes a new automatic version that needs approval again."""
    asset = CampaignAssetFactory()
    approve(asset, "wide")
    asset.background_colour = "#000000"
    asset.save()
    assert offered_keys(asset) == []


def test_download_of_a_size_not_offered_explains_itself(client):
    """Downloading a size that is not offered is a 404 that says why."""
    asset = CampaignAssetFactory()
    response = client.get(f"/toolkit/{asset.slug}/download/square.png")
    assert response.status_code == 404
    assert "not offered yet" in response.content.decode()


def test_download_of_designed_artwork_serves_the_artwork(client):
    """The download of a designed size is the designed artwork, not a cut of the source."""
    artwork = CampaignImageFactory(size=(300, 250), file=png((300, 250), "#00ff00"))
    size = AssetSizeFactory(preset="medium-rectangle", artwork=artwork)
    response = client.get(f"/toolkit/{size.asset.slug}/download/medium-rectangle.png", follow=True)
    picture = Image.open(io.BytesIO(b"".join(response.streaming_content))).convert("RGB")
    assert picture.size == (300, 250) and picture.getpixel((150, 125)) == (0, 255, 0)


def test_embed_of_a_size_not_offered_shows_the_hotline_card(client):
    """An embed asking for a size that is not offered shows the neutral card, never the cut."""
    asset = CampaignAssetFactory()
    approve(asset, "square")
    html = client.get(f"/embed/{asset.slug}/?size=leaderboard").content.decode()
    assert "<img" not in html and "End Demand CT" in html


def test_embed_of_an_offered_size_shows_its_rendition(client):
    """An embed of an approved size shows that size's automatic version."""
    asset = CampaignAssetFactory()
    approve(asset, "square")
    html = client.get(f"/embed/{asset.slug}/?size=square").content.decode()
    assert "safearea-1080x1080" in html


def test_api_lists_only_offered_sizes(client):
    """The assets API gives renditions and downloads of the offered sizes only."""
    asset = CampaignAssetFactory()
    approve(asset, "link-preview")
    items = client.get("/api/v2/assets/?fields=renditions,downloads").json()["items"]
    item = next(item for item in items if item["slug"] == asset.slug)
    assert list(item["renditions"]) == ["link-preview"] == list(item["downloads"])


def test_asset_page_lists_only_offered_sizes(client, seeded_site):
    """The public asset page shows downloads and embed sizes for offered sizes only."""
    asset = CampaignAssetFactory()
    approve(asset, "wide")
    html = client.get(f"/toolkit/{asset.slug}/").content.decode()
    assert 'id="size-wide"' in html and 'id="size-square"' not in html
    assert '<option value="wide" selected>' in html and 'value="square"' not in html


def test_asset_page_without_offered_sizes_says_they_are_being_prepared(client, seeded_site):
    """An active asset with no offered size says so instead of claiming to be retired."""
    asset = CampaignAssetFactory()
    html = client.get(f"/toolkit/{asset.slug}/").content.decode()
    assert "still being prepared" in html and "retired" not in html


def test_oembed_offers_an_offered_size(client, seeded_site):
    """oEmbed for an asset page frames a size that is offered, whatever size the URL names."""
    asset = CampaignAssetFactory()
    approve(asset, "link-preview")
    url = f"http://testserver/toolkit/{asset.slug}/?size=square"
    data = client.get("/oembed/", {"url": url}).json()
    assert "size=link-preview" in data["html"] and data["thumbnail_width"] == 1200
