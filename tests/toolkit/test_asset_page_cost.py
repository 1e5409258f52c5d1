"""An asset page reads its own asset, never the whole toolkit listing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign.toolkit.models import CampaignAsset

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def asset_queries(sql_list: list[str]) -> list[str]:
    return [sql for sql in sql_list if 'FROM "toolkit_campaignasset"' in sql]


def test_asset_page_does_not_load_every_asset(browser, asset):
    """Only queries for the one asset run, however many assets the toolkit has."""
    CampaignAsset.objects.bulk_create(
        CampaignAsset(
            title=f"Extra {i}",
            slug=f"extra-{i}",
            message="m",
            image=asset.image,
            goal=asset.goal,
            locale=asset.locale,  # bulk_create skips Wagtail's default-locale signal
        )
        for i in range(25)
    )
    with CaptureQueriesContext(connection) as queries:
        response = browser.get(f"/toolkit/{asset.slug}/")
    assert response.status_code == 200 and asset.title in response.content.decode()
    for sql in asset_queries([q["sql"] for q in queries]):
        assert '"toolkit_campaignasset"."slug" =' in sql or '"toolkit_campaignasset"."id" =' in sql


def test_listing_still_groups_every_active_asset_by_goal(browser, toolkit, asset, other_asset):
    """The toolkit listing shows the active assets under their goals."""
    html = browser.get(toolkit.url).content.decode()
    assert asset.title in html and other_asset.title in html
    assert asset.goal.title in html
