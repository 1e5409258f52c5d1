"""Shared fixtures for the toolkit tests: a browser-like client, the seeded assets and partners."""

import uuid
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from django.test import Client

from campaign.toolkit import tally
from campaign.toolkit.models import CampaignAsset, Partner, ToolkitPage
from tests.services import needs_redis

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


def beacon(client: Client, asset, origin: str = "", partner: str = "", size: str = "", shown=None):
    """What the embed's script sends once it is shown on `origin` (campaign.toolkit.beacon)."""
    query = urlencode(
        {"a": asset.slug, "d": (shown or asset).slug, "s": size, "p": partner, "o": origin}
    )
    return client.post(f"/count/impression/?{query}")


class Counting:
    """Where counts go in a test: straight to PostgreSQL, or to Redis and then the flush."""

    def __init__(self, mode: str):
        self.mode = mode

    def flush(self) -> None:
        if self.mode == "redis":
            tally.flush_counts()


@pytest.fixture
def redis_counts(settings) -> Iterator[None]:
    """Counts go to Redis (database 12, which no test empties, under a prefix of this test's own),
    as in production."""
    settings.TOOLKIT_COUNTS_REDIS_URL = "redis://127.0.0.1:6379/12"
    prefix = settings.TOOLKIT_COUNTS_KEY_PREFIX = f"enddemand-tests:{uuid.uuid4().hex}"
    client = tally.client()
    yield
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture(params=["database", pytest.param("redis", marks=needs_redis)])
def counting(request) -> Counting:
    """Each counting test twice: without Redis, and through Redis and the flush."""
    if request.param == "redis":
        request.getfixturevalue("redis_counts")
    return Counting(request.param)
