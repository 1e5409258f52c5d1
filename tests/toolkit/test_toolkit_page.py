"""The public toolkit lists active assets by goal; each asset page offers sizes and embed codes."""

import re

import pytest

from campaign.toolkit.models import CampaignAsset
from campaign.toolkit.presets import FORMATS, PRESETS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_toolkit_lists_active_assets_under_their_goal(browser, toolkit, asset):
    """Each active asset appears under its goal's heading, linking to its own page."""
    html = browser.get("/toolkit/").content.decode()
    goal_heading = html.index(f">{asset.goal.title}</h2>")
    link = html.index(f'href="/toolkit/{asset.slug}/"')
    assert goal_heading < link
    assert asset.message in html


def test_toolkit_leaves_out_retired_assets(browser, toolkit, asset):
    """A retired asset is no longer listed."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired")
    html = browser.get("/toolkit/").content.decode()
    assert f'href="/toolkit/{asset.slug}/"' not in html
    assert "look-at-who-is-buying" in html


def test_asset_page_shows_every_size_with_download_links(browser, asset):
    """The asset page previews every preset and links a download for each format."""
    html = browser.get(f"/toolkit/{asset.slug}/").content.decode()
    for preset in PRESETS.values():
        assert f"{preset.width}×{preset.height} pixels" in html
        for extension in FORMATS:
            assert f'href="/toolkit/{asset.slug}/download/{preset.key}.{extension}"' in html


def test_asset_page_states_credit_and_licence(browser, asset):
    """The credit and the licence are written out on the asset page."""
    html = browser.get(f"/toolkit/{asset.slug}/").content.decode()
    assert "Credit and terms of use" in html
    assert asset.image.credit in html and asset.image.licence in html


def test_asset_page_advertises_oembed(browser, asset):
    """The page carries an oEmbed discovery link for its own URL."""
    html = browser.get(f"/toolkit/{asset.slug}/").content.decode()
    assert (
        '<link rel="alternate" type="application/json+oembed" href="http://testserver/oembed/'
        f'?url=http%3A%2F%2Ftestserver%2Ftoolkit%2F{asset.slug}%2F&amp;format=json"' in html
    )


def test_embed_codes_carry_the_partner_code(browser, asset, partner):
    """With a partner code, all three embed codes name the partner and the chosen size."""
    html = browser.get(f"/toolkit/{asset.slug}/?partner={partner.code}&size=leaderboard")
    html = html.content.decode()
    assert f"go/{asset.slug}/?partner={partner.code}&amp;amp;size=leaderboard" in html
    assert f"embed/{asset.slug}/?partner={partner.code}&amp;amp;size=leaderboard" in html
    assert f"data-partner=&quot;{partner.code}&quot;" in html
    assert "width=&quot;728&quot;" in html
    assert f"carry the partner code of <strong>{partner.organisation}</strong>" in html


def test_copy_buttons_use_the_static_script_not_inline_code(browser, asset):
    """Copy buttons are wired by toolkit.js; the page has no inline script."""
    html = browser.get(f"/toolkit/{asset.slug}/").content.decode()
    assert '<script src="/static/toolkit/toolkit.js" defer></script>' in html
    assert html.count("data-copy=") == 3
    assert "<script>" not in html and "onclick" not in html


def test_unknown_partner_code_is_explained(browser, asset):
    """An unknown partner code is named in a clear warning, and codes carry no partner."""
    html = browser.get(f"/toolkit/{asset.slug}/?partner=nobody").content.decode()
    assert "We do not know the partner code “nobody”" in html
    assert "partner=nobody" not in html


def test_retired_asset_page_points_to_its_replacement(browser, asset, other_asset):
    """A retired asset's page says so and links to the replacement instead of downloads."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired", replacement=other_asset)
    html = browser.get(f"/toolkit/{asset.slug}/").content.decode()
    assert "This asset has been retired" in html
    assert f'href="/toolkit/{other_asset.slug}/">{other_asset.title}</a>' in html
    assert "/download/" not in html


def test_unknown_asset_is_404(browser, toolkit):
    """An asset slug that does not exist is a 404."""
    assert browser.get("/toolkit/no-such-asset/").status_code == 404


def test_pages_other_than_embeds_forbid_framing(browser, asset):
    """The toolkit pages are sent with X-Frame-Options: DENY."""
    assert browser.get(f"/toolkit/{asset.slug}/")["X-Frame-Options"] == "DENY"
    assert browser.get("/toolkit/")["X-Frame-Options"] == "DENY"


def test_sitemap_lists_active_asset_pages(browser, asset, other_asset):
    """The sitemap has each active asset's page, not a retired one's."""
    CampaignAsset.objects.filter(pk=other_asset.pk).update(state="retired")
    xml = browser.get("/sitemap.xml").content.decode()
    assert f"/toolkit/{asset.slug}/</loc>" in xml
    assert f"/toolkit/{other_asset.slug}/</loc>" not in xml


def test_asset_page_shows_sizes_as_thumbnails_with_the_full_size_a_link_away(browser, asset):
    """Each size is a lazy thumbnail within 240 px (with its dimensions set) linking its full
    size, so the page stays short; the full-size file is not loaded by the page itself."""
    html = browser.get(f"/toolkit/{asset.slug}/").content.decode()
    thumbnails = re.findall(r'<li class="toolkit-size".*?</li>', html, re.DOTALL)
    assert len(thumbnails) == len(PRESETS)
    for item in thumbnails:
        img = re.search(r"<img [^>]*>", item).group(0)
        width, height = (int(re.search(rf'{a}="(\d+)"', img).group(1)) for a in ("width", "height"))
        assert max(width, height) == 240 and 'loading="lazy"' in img
        full = re.search(r'<a href="([^"]+)">Full size', item).group(1)
        assert full.endswith(".webp") and f'src="{full}"' not in img
