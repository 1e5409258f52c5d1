"""Renditions of campaign images: the right size on record, measured once when they are made."""

from unittest import mock

import pytest
from PIL import Image as PILImage
from wagtail.images.models import WagtailImageFieldFile

from campaign.core.models import CampaignImage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.mark.parametrize("image_format", ["avif", "webp", "jpeg", "png"])
def test_a_new_rendition_records_its_size_and_is_measured_once(image_format):
    """The stored width and height match the file; making it decodes the result once to measure."""
    image = CampaignImage.objects.order_by("pk").first()
    measure = WagtailImageFieldFile.get_image_dimensions
    with mock.patch.object(
        WagtailImageFieldFile, "get_image_dimensions", autospec=True, side_effect=measure
    ) as measured:
        rendition = image.get_rendition(f"fill-321x123|format-{image_format}")
    assert measured.call_count == 1
    rendition.refresh_from_db()
    with rendition.file.open() as file, PILImage.open(file) as saved:
        assert saved.size == (rendition.width, rendition.height) == (321, 123)
