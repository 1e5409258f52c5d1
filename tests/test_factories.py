"""Every factory makes a valid record from an empty (migrated) database, and the pages it makes
are served: tests built on factories start from something real."""

import pytest

from tests.alerts.factories import DeliveryFactory, MediaListFactory, PressContactFactory
from tests.engagement.factories import ActionFormPageFactory, SnapshotFactory
from tests.factories import (
    CampaignImageFactory,
    ContentPageFactory,
    FactFactory,
    GoalPageFactory,
    PolicyPageFactory,
    PolicyRecommendationFactory,
    home_page,
)
from tests.newsroom.factories import (
    MediaContactFactory,
    NewsroomPageFactory,
    PressClipFactory,
    PressReleasePageFactory,
    publish,
)
from tests.toolkit.factories import (
    BlockedHostFactory,
    OfferedAssetFactory,
    PartnerFactory,
    ToolkitPageFactory,
)

pytestmark = pytest.mark.django_db


def test_records_are_valid():
    records = [
        FactFactory(),
        PolicyRecommendationFactory(),
        CampaignImageFactory(),
        MediaContactFactory(),
        PressClipFactory(),
        PressContactFactory(lists=[MediaListFactory()]),
        DeliveryFactory(),
        SnapshotFactory(),
        PartnerFactory(),
        BlockedHostFactory(),
    ]
    for record in records:
        record.full_clean()


def test_pages_are_served(client):
    home = home_page()
    pages = [
        home,
        GoalPageFactory(),
        PolicyPageFactory(),
        ContentPageFactory(parent=home),
        NewsroomPageFactory(),
        ToolkitPageFactory(),
        ActionFormPageFactory(),
    ]
    release = publish(PressReleasePageFactory())
    asset = OfferedAssetFactory()
    for page in pages:
        assert client.get(page.url).status_code == 200, page
    assert client.get(release.url).status_code == 200
    assert client.get(f"/toolkit/{asset.slug}/").status_code == 200
