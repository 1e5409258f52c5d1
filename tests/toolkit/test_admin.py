"""The admin shows each asset's and partner's counts for the last 30 days and all time."""

import datetime
import re

import pytest
from django.utils import timezone

from campaign.toolkit.models import CampaignAsset, DailyCount

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.fixture
def some_counts(asset, partner):
    """Today: 4 impressions and a click; 45 days ago: 10 impressions (outside the 30 days)."""
    today = timezone.localdate()
    for _ in range(4):
        DailyCount.objects.record(asset.pk, "impression", partner.pk, "square", day=today)
    DailyCount.objects.record(asset.pk, "click", partner.pk, "square", day=today)
    for _ in range(10):
        DailyCount.objects.record(
            asset.pk, "impression", partner.pk, "wide", day=today - datetime.timedelta(days=45)
        )


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_asset_list_shows_recent_and_all_time_counts(admin_client, asset, some_counts):
    """The asset list has a column for the last 30 days and one for all time."""
    html = text(admin_client.get("/admin/snippets/toolkit/campaignasset/").content.decode())
    assert "Last 30 days" in html and "All time" in html
    assert "4 impressions · 1 click-throughs · 0 downloads · 0 embed codes copied" in html
    assert "14 impressions · 1 click-throughs · 0 downloads · 0 embed codes copied" in html


def test_partner_list_shows_counts(admin_client, partner, some_counts):
    """The partner list shows the partner's counts over all its assets."""
    html = text(admin_client.get("/admin/snippets/toolkit/partner/").content.decode())
    assert "14 impressions · 1 click-throughs" in html


def test_asset_edit_view_has_a_counts_panel(admin_client, asset, some_counts):
    """Editing an asset shows a table of each kind for 30 days and all time."""
    html = admin_client.get(f"/admin/snippets/toolkit/campaignasset/edit/{asset.pk}/")
    html = text(html.content.decode())
    assert "Impressions 4 14" in html and "Click-throughs 1 1" in html


def test_partner_edit_view_has_a_counts_panel(admin_client, partner, some_counts):
    """Editing a partner shows its counts too."""
    html = admin_client.get(f"/admin/snippets/toolkit/partner/edit/{partner.pk}/")
    assert "Impressions 4 14" in text(html.content.decode())


def test_retiring_an_asset_in_the_admin_swaps_existing_embeds(
    admin_client, browser, asset, other_asset, partner
):
    """An editor retires an asset with a replacement; its embeds then show the replacement."""
    url = f"/admin/snippets/toolkit/campaignasset/edit/{asset.pk}/"
    response = admin_client.post(
        url,
        {
            "title": asset.title,
            "slug": asset.slug,
            "message": asset.message,
            "goal": asset.goal_id,
            "image": asset.image_id,
            "link_page": asset.link_page_id or "",
            "link_url": "",
            "state": "retired",
            "replacement": other_asset.pk,
        },
    )
    assert response.status_code == 302
    assert CampaignAsset.objects.get(pk=asset.pk).state == "retired"
    html = browser.get(f"/embed/{asset.slug}/?partner={partner.code}").content.decode()
    assert f"/go/{other_asset.slug}/" in html


def test_asset_cannot_replace_itself(admin_client, asset):
    """Choosing the asset as its own replacement is refused with a message."""
    response = admin_client.post(
        f"/admin/snippets/toolkit/campaignasset/edit/{asset.pk}/",
        {
            "title": asset.title,
            "slug": asset.slug,
            "message": asset.message,
            "goal": asset.goal_id,
            "image": asset.image_id,
            "state": "retired",
            "replacement": asset.pk,
        },
    )
    assert "An asset cannot replace itself." in response.content.decode()
