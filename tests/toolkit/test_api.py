"""Syndication: partners pull active assets from /api/v2/assets/ with renditions and terms."""

import pytest

from campaign.toolkit.models import CampaignAsset
from campaign.toolkit.presets import FORMATS, PRESETS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_assets_api_lists_active_assets_with_credit_and_licence(browser, asset):
    """Each listed asset carries its message, goal, alt text, credit and licence."""
    data = browser.get("/api/v2/assets/").json()
    assert data["meta"]["total_count"] == 4  # the English ones; ?locale=es for the Spanish
    item = next(item for item in data["items"] if item["slug"] == asset.slug)
    assert item["message"] == asset.message and item["goal"] == asset.goal.slug
    assert item["alt_text"] == asset.image.description
    assert (item["credit"], item["licence"]) == (asset.image.credit, asset.image.licence)


def test_assets_api_gives_every_size_and_download(browser, asset):
    """Each asset has a rendition per size at its exact dimensions, and a link per format."""
    item = browser.get(f"/api/v2/assets/{asset.pk}/").json()
    for preset in PRESETS.values():
        rendition = item["renditions"][preset.key]
        assert (rendition["width"], rendition["height"]) == (preset.width, preset.height)
        assert set(item["downloads"][preset.key]) == set(FORMATS)
    assert item["downloads"]["square"]["png"] == (
        f"http://testserver/toolkit/{asset.slug}/download/square.png"
    )


def test_assets_api_never_shows_a_retired_asset(browser, asset):
    """A retired asset is neither listed nor found by id."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired")
    data = browser.get("/api/v2/assets/").json()
    assert asset.slug not in [item["slug"] for item in data["items"]]
    assert browser.get(f"/api/v2/assets/{asset.pk}/").status_code == 404


def test_assets_api_is_paginated(browser):
    """limit and offset page through the assets."""
    first = browser.get("/api/v2/assets/?limit=2").json()["items"]
    second = browser.get("/api/v2/assets/?limit=2&offset=2").json()["items"]
    assert len(first) == len(second) == 2
    assert {item["id"] for item in first}.isdisjoint(item["id"] for item in second)


def test_pages_api_still_answers_beside_the_assets_endpoint(browser):
    """The assets endpoint leaves /api/v2/pages/ to the pages API."""
    response = browser.get("/api/v2/pages/")
    assert response.status_code == 200 and "items" in response.json()


def test_assets_api_lists_the_spanish_assets_by_locale(browser):
    data = browser.get("/api/v2/assets/?locale=es").json()
    assert data["meta"]["total_count"] == 4
    assert "sin-compradores-no-hay-trata" in {item["slug"] for item in data["items"]}
    spanish = CampaignAsset.objects.get(slug="sin-compradores-no-hay-trata")
    assert browser.get(f"/api/v2/assets/{spanish.pk}/").json()["message"] == spanish.message
