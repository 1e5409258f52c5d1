"""oEmbed and the iframe by the book: the discovery link keeps the page's partner code,
maxwidth/maxheight bound the html, width, height and thumbnail, the frame is responsive, and HEAD
is answered wherever GET is (without counting)."""

import html
import re

import pytest
from django.test import Client

from campaign.toolkit.models import DailyCount

from .conftest import BROWSER_UA
from .factories import OfferedAssetFactory, PartnerFactory

# oEmbed reads the asset from its address under the seeded toolkit page.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def oembed(client, asset, query: str = "", **params):
    url = f"http://testserver/toolkit/{asset.slug}/{query}"
    return client.get("/oembed/", {"url": url, **params})


def test_discovery_link_carries_the_partner_code_of_the_page(seeded_site):
    """An asset page opened with a partner code advertises an oEmbed URL with that code."""
    partner = PartnerFactory()
    client = Client(HTTP_USER_AGENT=BROWSER_UA)
    page = client.get(f"/toolkit/no-buyers-no-trafficking/?partner={partner.code}&size=wide")
    link = re.search(
        r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"',
        page.content.decode(),
    )
    data = client.get(html.unescape(link.group(1))).json()
    assert f"partner={partner.code}&amp;size=wide" in data["html"]


def test_maxheight_bounds_width_height_and_html(browser):
    """With maxheight the frame's height stays within it and the width shrinks to match."""
    data = oembed(browser, OfferedAssetFactory(), "?size=square", maxheight="400").json()
    assert data["height"] <= 400 and data["width"] == 400 - 140
    assert f'width="{data["width"]}" height="{data["height"]}"' in data["html"]


def test_maxheight_too_small_for_any_image_is_404(browser):
    """A maxheight that leaves no room above the caption gets a 404, as the spec allows."""
    assert oembed(browser, OfferedAssetFactory(), maxheight="100").status_code == 404


@pytest.mark.parametrize(
    ("params", "size"), [({"maxwidth": "150"}, (150, 125)), ({"maxheight": "210"}, (252, 210))]
)
def test_thumbnail_fits_maxwidth_and_maxheight(params, size):
    """The thumbnail is the embedded size (300x250 by default) scaled down whole to fit."""
    asset = OfferedAssetFactory(image__size=(1600, 900))
    data = oembed(Client(HTTP_USER_AGENT=BROWSER_UA), asset, **params).json()
    assert (data["thumbnail_width"], data["thumbnail_height"]) == size


def test_iframe_fills_its_container_keeping_its_aspect_ratio(browser):
    """The iframe code is 100% wide up to its own width, with a CSS aspect ratio, no border."""
    asset = OfferedAssetFactory()
    data = oembed(browser, asset, "?size=wide").json()
    assert (
        'style="width:100%;max-width:1600px;height:auto;aspect-ratio:1600/1040;border:0"'
        in data["html"]
    )


@pytest.mark.parametrize(
    "path",
    [
        "/embed/{slug}/",
        "/embed/{slug}/data.json",
        "/embed/{slug}/square.jpg",
        "/go/{slug}/",
        "/embed.js",
        "/oembed/?url=http://testserver/toolkit/{slug}/",
        "/toolkit-register/",
    ],
)
def test_head_is_answered_wherever_get_is_and_counts_nothing(browser, path):
    """HEAD gets the same status as GET, with no body, and is never counted."""
    asset = OfferedAssetFactory()
    url = path.format(slug=asset.slug)
    head = browser.head(url)
    assert head.content == b""
    assert DailyCount.objects.filter(asset=asset).total() == 0
    assert head.status_code == browser.get(url).status_code


@pytest.mark.parametrize("path", ["/toolkit/", "/toolkit/no-buyers-no-trafficking/"])
def test_head_is_answered_on_the_toolkit_pages(seeded_site, path):
    """The toolkit page and an asset page answer HEAD like GET, without a body."""
    client = Client(HTTP_USER_AGENT=BROWSER_UA)
    head = client.head(path)
    assert head.status_code == client.get(path).status_code == 200
    assert head.content == b""
