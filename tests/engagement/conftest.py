import pytest

from campaign.engagement.plausible import PlausibleClient, PlausibleConfig

from .plausible_stub import PlausibleStub

API_KEY = "test-key"
SITE_ID = "enddemandct.test"


@pytest.fixture
def plausible(settings):
    """A running Plausible stand-in, with the site's settings pointing at it."""
    with PlausibleStub(api_key=API_KEY, site_id=SITE_ID) as stub:
        settings.PLAUSIBLE_BASE_URL = stub.base_url
        settings.PLAUSIBLE_SITE_ID = SITE_ID
        settings.PLAUSIBLE_API_KEY = API_KEY
        yield stub


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def plausible_client(plausible, sleeps) -> PlausibleClient:
    """A client for the stand-in that records its back-off waits instead of sleeping."""
    config = PlausibleConfig.from_settings(read_timeout=5.0, backoff=0.5)
    return PlausibleClient(config, sleep=sleeps.append)
