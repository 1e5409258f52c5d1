"""Image uploads through the admin: limited in bytes and pixels, SVG refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campaign.core.models import CampaignImage

pytestmark = pytest.mark.django_db


def png(size: tuple[int, int], mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(admin_client, name: str, content: bytes, content_type: str = "image/png"):
    return admin_client.post(
        "/admin/images/add/",
        {
            "title": "Upload check",
            "description": "A test image",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def test_ordinary_png_is_accepted(admin_client):
    """A normal poster uploads and is stored (so the refusals below are about the file)."""
    response = upload(admin_client, "poster.png", png((40, 30)))
    assert response.status_code == 302
    assert CampaignImage.objects.filter(title="Upload check").exists()


def test_svg_is_refused_with_a_clear_message(admin_client):
    """SVG can carry scripts, so it is not an accepted image format."""
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload(admin_client, "logo.svg", svg, content_type="image/svg+xml")
    assert "Not a supported image format. Supported formats: AVIF, GIF, JPG, JPEG, PNG, WEBP" in (
        response.content.decode()
    )
    assert not CampaignImage.objects.filter(title="Upload check").exists()


def test_file_over_the_byte_limit_is_refused(admin_client, settings):
    """A file over WAGTAILIMAGES_MAX_UPLOAD_SIZE (15 MB) is refused, naming the limit."""
    padding = b"\0" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1)
    response = upload(admin_client, "huge.png", png((10, 10)) + padding)
    assert "This file is too big" in response.content.decode()
    assert "Maximum filesize 15.0\xa0MB" in response.content.decode()
    assert not CampaignImage.objects.filter(title="Upload check").exists()


def test_image_over_the_pixel_limit_is_refused(admin_client, settings):
    """A small file that decodes to more than 40 million pixels is refused before processing."""
    content = png((8000, 5001), mode="1")
    assert len(content) < 1024 * 1024
    response = upload(admin_client, "bomb.png", content)
    assert "This file has too many pixels (40008000). Maximum pixels 40000000." in (
        response.content.decode()
    )
    assert not CampaignImage.objects.filter(title="Upload check").exists()
