"""Every size in every format downloads at its exact dimensions, with credit and licence."""

import io

import pytest
from PIL import Image, features

from campaign.toolkit.models import CampaignAsset, DailyCount
from campaign.toolkit.presets import FORMATS, PRESETS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

PIL_FORMATS = {"webp": "WEBP", "jpg": "JPEG", "png": "PNG", "avif": "AVIF"}


def download_url(asset, preset: str, extension: str) -> str:
    return f"/toolkit/{asset.slug}/download/{preset}.{extension}"


@pytest.mark.parametrize("extension", list(FORMATS))
@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_size_and_format_downloads_at_exact_size(browser, asset, preset, extension):
    """The downloaded file is the preset's exact width and height, in the format asked for."""
    response = browser.get(download_url(asset, preset, extension), follow=True)
    assert response.status_code == 200
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.size == (PRESETS[preset].width, PRESETS[preset].height)
    assert image.format == PIL_FORMATS[extension]
    assert response["Content-Type"] == FORMATS[extension].content_type


def test_avif_is_offered_where_pillow_writes_it():
    """AVIF is among the formats exactly when this Pillow build can write AVIF."""
    assert ("avif" in FORMATS) == features.check("avif")


def test_download_is_an_attachment_carrying_credit_and_licence(browser, asset):
    """The download is saved as a named file, with the credit, licence and terms link."""
    response = browser.get(download_url(asset, "square", "png"), follow=True)
    assert response["Content-Disposition"] == (f'attachment; filename="{asset.slug}-square.png"')
    assert response["X-Image-Credit"] == asset.image.credit
    assert response["X-Image-Licence"] == asset.image.licence
    assert f'/toolkit/{asset.slug}/#terms>; rel="license"' in response["Link"]
    assert "Set-Cookie" not in response


def test_download_is_counted_per_partner_and_size(browser, asset, partner):
    """A partner's download adds one to that day's download count for the partner and size."""
    browser.get(download_url(asset, "wide", "jpg") + f"?partner={partner.code}")
    row = DailyCount.objects.get(asset=asset, partner=partner, kind="download")
    assert (row.size, row.n) == ("wide", 1)


def test_unknown_size_or_format_is_a_clear_404(browser, asset):
    """An unknown preset or format answers 404, not an error page."""
    assert browser.get(download_url(asset, "poster", "png")).status_code == 404
    assert browser.get(download_url(asset, "square", "gif")).status_code == 404


def test_retired_asset_is_no_longer_downloadable(browser, asset):
    """A retired asset answers 410 Gone with a sentence saying so."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired")
    response = browser.get(download_url(asset, "square", "png"))
    assert response.status_code == 410
    assert "retired" in response.content.decode()


def test_download_counts_in_an_uncached_redirect_to_a_cacheable_file(browser, asset):
    """The counted download URL is never stored; the file it leads to may be cached by Varnish."""
    response = browser.get(download_url(asset, "square", "png"))
    assert response.status_code == 302 and response["Cache-Control"] == "no-store"
    assert response["Location"] == f"/toolkit/{asset.slug}/file/square.png"
    file = browser.get(response["Location"])
    assert file.status_code == 200 and file["Cache-Control"].startswith("public")
    assert DailyCount.objects.get(asset=asset, kind="download").n == 1


def test_head_of_a_download_is_answered_and_not_counted(browser, asset):
    """HEAD on the download and on the file is answered like GET, and counts nothing."""
    assert browser.head(download_url(asset, "wide", "jpg")).status_code == 302
    head = browser.head(f"/toolkit/{asset.slug}/file/wide.jpg")
    assert head.status_code == 200 and head["Content-Type"] == "image/jpeg"
    assert not DailyCount.objects.filter(asset=asset).exists()
