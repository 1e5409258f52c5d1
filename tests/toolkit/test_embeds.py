"""The embed document, its data for embed.js, the counted image, and embed.js itself."""

import pytest

from campaign.core.models import CampaignSettings
from campaign.toolkit.models import CampaignAsset, Partner
from campaign.toolkit.sizes import offered_size

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def embed(client, asset, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return client.get(f"/embed/{asset.slug}/?{query}")


def test_embed_shows_image_alt_credit_link_and_hotline(browser, asset, partner):
    """The embed has the image with alt text, credit, a link (to which its one script of our own
    adds the partner code), hotline."""
    html = embed(browser, asset, partner=partner.code).content.decode()
    assert f'alt="{asset.image.description}"'.replace("'", "&#x27;") in html
    assert asset.image.credit in html and asset.image.licence in html
    assert f"/go/{asset.slug}/?size=medium-rectangle" in html
    assert 'href="tel:+18883737888"' in html and "1-888-373-7888" in html
    assert '<html lang="en">' in html and html.count("<script") == 1
    assert '<script src="/static/toolkit/embed-frame.js"></script>' in html


def test_embed_may_be_framed_by_any_site(browser, asset, partner):
    """The embed carries a full CSP whose frame-ancestors let any site frame it."""
    response = embed(browser, asset, partner=partner.code)
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *"
    )
    assert "X-Frame-Options" not in response


def test_embed_sets_no_cookie(browser, asset, partner):
    """Embeds answer without any Set-Cookie header."""
    assert "Set-Cookie" not in embed(browser, asset, partner=partner.code)
    assert not embed(browser, asset, partner=partner.code).cookies


@pytest.mark.parametrize("code", ["nobody", "demo-harbor-hotel"])
def test_unknown_or_inactive_partner_code_still_shows_the_asset(browser, asset, code):
    """An unknown or inactive partner code shows the asset all the same, framable anywhere."""
    response = embed(browser, asset, partner=code)
    assert response.status_code == 200
    assert f'alt="{asset.image.description}"'.replace("'", "&#x27;") in response.content.decode()
    assert response["Content-Security-Policy"].endswith("frame-ancestors *")


def test_retired_embed_shows_the_replacement(browser, asset, other_asset, partner):
    """An existing embed of a retired asset shows its replacement, link and all."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired", replacement=other_asset)
    html = embed(browser, asset, partner=partner.code).content.decode()
    assert other_asset.image.description.replace("'", "&#x27;") in html
    assert f"/go/{other_asset.slug}/?size=" in html
    assert f"/go/{asset.slug}/" not in html


def test_retired_embed_without_replacement_shows_neutral_message(browser, asset, partner):
    """With no replacement, the embed shows a neutral campaign message and the hotline."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired")
    html = embed(browser, asset, partner=partner.code).content.decode()
    assert "<img" not in html
    assert "Help end the demand." in html and "1-888-373-7888" in html


def test_embed_hotline_comes_from_campaign_settings(browser, asset, partner):
    """Changing the hotline in the site settings changes it in every embed."""
    CampaignSettings.objects.update(hotline_phone="1-800-555-0100")
    html = embed(browser, asset, partner=partner.code).content.decode()
    assert 'href="tel:+18005550100">1-800-555-0100</a>' in html


def test_embed_data_answers_any_origin(browser, asset, partner):
    """embed.js's data names the asset and may be read by a page on any site."""
    response = browser.get(
        f"/embed/{asset.slug}/data.json?partner={partner.code}&size=square",
        HTTP_ORIGIN="https://anyone.example.com",
    )
    data = response.json()
    assert data["asset"]["image"]["alt"] == asset.image.description
    assert (data["asset"]["image"]["width"], data["asset"]["image"]["height"]) == (1080, 1080)
    assert data["asset"]["credit"] == asset.image.credit
    assert data["hotline"]["tel"] == "+18883737888"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response


def test_embed_image_redirects_to_the_current_rendition(browser, asset, other_asset, partner):
    """The plain-HTML code's image follows retirement to the replacement's rendition."""
    first = browser.get(f"/embed/{asset.slug}/square.jpg?partner={partner.code}")
    assert first.status_code == 302 and "fill" in first["Location"]
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired", replacement=other_asset)
    second = browser.get(f"/embed/{asset.slug}/square.jpg?partner={partner.code}")
    assert second["Location"] != first["Location"]
    assert second["Location"] == offered_size(other_asset, "square").rendition("jpeg").url


def test_embed_image_of_withdrawn_asset_is_a_hotline_card(browser, asset):
    """With nothing to show, the image is an SVG card with the hotline number."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired")
    response = browser.get(f"/embed/{asset.slug}/leaderboard.png")
    assert response["Content-Type"] == "image/svg+xml"
    assert 'width="728" height="90"' in response.content.decode()
    assert "1-888-373-7888" in response.content.decode()


def test_embed_js_is_served_from_the_site_root(browser):
    """/embed.js is the embed script, cacheable, and it asks for no credentials."""
    response = browser.get("/embed.js")
    script = response.content.decode()
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert 'credentials: "omit"' in script and "/data.json?" in script
    assert "Set-Cookie" not in response


def test_partner_domains_are_validated():
    """A partner's domain list rejects anything that is not a host name."""
    partner = Partner(
        organisation="Test",
        website="https://example.org",
        contact_email="a@example.org",
        code="test",
        allowed_domains="example.org\nexample.org; script-src *",
    )
    with pytest.raises(Exception, match="Not a web site domain: example.org; script-src"):
        partner.full_clean()
