"""Shared fixtures for the toolkit tests: a browser-like client, the seeded assets and partners."""

import pytest
from django.test import Client

from campaign.toolkit.models import CampaignAsset, Partner, ToolkitPage

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0"


@pytest.fixture
def browser(db) -> Client:
    """A client that sends a browser's user agent, so its visits are counted."""
    return Client(HTTP_USER_AGENT=BROWSER_UA)


@pytest.fixture
def toolkit(seeded_site) -> ToolkitPage:
    return ToolkitPage.objects.get(locale__language_code="en")


@pytest.fixture
def asset(seeded_site) -> CampaignAsset:
    return CampaignAsset.objects.get(slug="no-buyers-no-trafficking")


@pytest.fixture
def other_asset(seeded_site) -> CampaignAsset:
    return CampaignAsset.objects.get(slug="look-at-who-is-buying")


@pytest.fixture
def partner(seeded_site) -> Partner:
    return Partner.objects.get(code="demo-family-services")
