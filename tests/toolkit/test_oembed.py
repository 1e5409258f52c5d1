"""oEmbed: "rich" JSON for our asset URLs, accepted by Wagtail's own oEmbed finder."""

import pytest
from wagtail.embeds.finders.oembed import OEmbedFinder

from campaign.toolkit.models import CampaignAsset

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def oembed(client, url: str, **params):
    return client.get("/oembed/", {"url": url, **params})


def test_oembed_describes_an_asset_page_as_rich_iframe(browser, asset):
    """An asset page URL gets a rich response whose HTML frames the embed."""
    data = oembed(browser, f"http://testserver/toolkit/{asset.slug}/", format="json").json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["title"] == asset.title
    assert data["provider_name"] == "End Demand CT"
    assert data["author_name"] == asset.image.credit
    assert data["html"].startswith(
        f'<iframe src="http://testserver/embed/{asset.slug}/?size=medium-rectangle"'
    )
    assert data["html"].endswith("></iframe>")
    assert (data["width"], data["height"]) == (300, 390)
    assert data["thumbnail_url"].endswith(".jpg")


def test_oembed_keeps_the_partner_code_and_size_of_the_url(browser, asset, partner):
    """A URL with a partner code and size gives an iframe with that partner and size."""
    url = f"http://testserver/toolkit/{asset.slug}/?partner={partner.code}&size=leaderboard"
    data = oembed(browser, url).json()
    assert f"?partner={partner.code}&amp;size=leaderboard" in data["html"]
    assert data["width"] == 728


def test_oembed_respects_maxwidth(browser, asset):
    """maxwidth scales the image down, never past the limit; the caption keeps its height."""
    url = f"http://testserver/toolkit/{asset.slug}/?size=wide"
    data = oembed(browser, url, maxwidth="800").json()
    assert data["width"] == 800 and data["height"] == 900 // 2 + 140
    assert 'width="800" height="590"' in data["html"]
    assert "max-width:800px" in data["html"] and "aspect-ratio:800/590" in data["html"]


def test_oembed_xml_is_not_implemented(browser, asset):
    """format=xml answers 501 Not Implemented, as the oEmbed spec asks."""
    url = f"http://testserver/toolkit/{asset.slug}/"
    assert oembed(browser, url, format="xml").status_code == 501


@pytest.mark.parametrize(
    "url",
    [
        "http://testserver/toolkit/no-such-asset/",
        "http://elsewhere.example/toolkit/no-buyers-no-trafficking/",
        "http://testserver/about/",
        "javascript:alert(1)",
        "",
    ],
)
def test_oembed_of_anything_but_an_asset_is_404(browser, url):
    """A URL that is not one of our assets is a 404."""
    assert oembed(browser, url).status_code == 404


def test_oembed_bad_maxwidth_is_400(browser, asset):
    """A maxwidth that is not a positive whole number is a 400 saying so."""
    response = oembed(browser, f"http://testserver/toolkit/{asset.slug}/", maxwidth="wide")
    assert response.status_code == 400 and b"positive whole numbers" in response.content


def test_oembed_of_retired_asset_still_embeds(browser, asset):
    """A retired asset's URL still embeds, so the frame can show its replacement or message."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired")
    data = oembed(browser, f"http://testserver/toolkit/{asset.slug}/").json()
    assert data["type"] == "rich" and "thumbnail_url" not in data


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_wagtail_oembed_finder_accepts_our_response(live_server):
    """Wagtail's OEmbedFinder, over real HTTP to a live server, turns an asset URL into an embed."""
    finder = OEmbedFinder(
        providers=[
            {
                "endpoint": f"{live_server.url}/oembed/",
                "urls": [rf"^{live_server.url}/toolkit/.+$"],
            }
        ]
    )
    url = f"{live_server.url}/toolkit/no-buyers-no-trafficking/"
    assert finder.accept(url)
    embed = finder.find_embed(url, max_width=600)
    assert embed["type"] == "rich"
    assert embed["title"] == "No buyers, no trafficking"
    assert f'src="{live_server.url}/embed/no-buyers-no-trafficking/' in embed["html"]
    assert embed["width"] == 300 and embed["author_name"] == "End Demand CT campaign"
