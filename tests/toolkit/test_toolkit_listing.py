"""A toolkit with many assets: the listing shows the first few of each goal and links to the
rest, which a goal's own listing shows page by page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign.toolkit.models import CampaignAsset, ToolkitPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

PER_GOAL = ToolkitPage.assets_per_goal
PER_PAGE = ToolkitPage.assets_per_page


def add_assets(asset: CampaignAsset, count: int) -> None:
    """`count` more active assets under `asset`'s goal, titled "Extra 000" onwards."""
    CampaignAsset.objects.bulk_create(
        CampaignAsset(
            title=f"Extra {i:03}",
            slug=f"extra-{i:03}",
            message="m",
            image=asset.image,
            goal=asset.goal,
            locale=asset.locale,  # bulk_create skips Wagtail's default-locale signal
        )
        for i in range(count)
    )


def listed_slugs(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/toolkit/([\w-]+)/">', html)


def goal_assets_in_order(asset: CampaignAsset) -> list[str]:
    return list(
        CampaignAsset.objects.active()
        .filter(goal=asset.goal)
        .order_by("title")
        .values_list("slug", flat=True)
    )


def test_listing_shows_the_first_assets_of_a_goal_and_links_to_all(browser, toolkit, asset):
    """With 30 extra assets the goal shows its first few, in title order, and a link to all."""
    add_assets(asset, 30)
    in_order = goal_assets_in_order(asset)
    html = browser.get("/toolkit/").content.decode()
    shown = [slug for slug in listed_slugs(html) if slug in in_order]
    assert shown == in_order[:PER_GOAL]
    link = f'<a href="?goal={asset.goal.slug}">All {len(in_order)} assets for this goal</a>'
    assert link in html


def test_a_goal_with_few_assets_has_no_link_to_more(browser, toolkit, asset):
    """The seeded goals list every asset they have, so nothing points to a longer list."""
    html = browser.get("/toolkit/").content.decode()
    assert "assets for this goal</a>" not in html
    assert asset.slug in listed_slugs(html)


def test_a_goals_listing_pages_through_every_asset_once(browser, toolkit, asset):
    """Page by page, the goal's listing shows each of its assets exactly once, in order."""
    add_assets(asset, 30)
    in_order = goal_assets_in_order(asset)
    first = browser.get(f"/toolkit/?goal={asset.goal.slug}").content.decode()
    second = browser.get(f"/toolkit/?goal={asset.goal.slug}&page=2").content.decode()
    assert listed_slugs(first) + listed_slugs(second) == in_order
    assert len(listed_slugs(first)) == PER_PAGE
    assert f"{len(in_order)} assets, 1 to {PER_PAGE} shown." in first
    assert f'<a rel="next" href="?goal={asset.goal.slug}&amp;page=2">More assets</a>' in first
    assert f'<a rel="prev" href="?goal={asset.goal.slug}&amp;page=1">' in second
    assert 'rel="next"' not in second
    assert '<a href="/toolkit/">All goals</a>' in first


@pytest.mark.parametrize("page", ["99", "0", "two", ""])
def test_a_bad_page_number_still_shows_assets(browser, toolkit, asset, page):
    """A page number out of range gives the last page; one that is not a number, the first."""
    add_assets(asset, 30)
    response = browser.get(f"/toolkit/?goal={asset.goal.slug}&page={page}")
    assert response.status_code == 200
    expected = 2 if page in ("99", "0") else 1
    assert f"Page {expected} of 2" in response.content.decode()


def test_an_unknown_goal_is_not_found(browser, toolkit):
    response = browser.get("/toolkit/?goal=no-such-goal")
    assert response.status_code == 404


def test_listing_queries_do_not_grow_with_the_assets(browser, toolkit, asset, settings):
    """Rendered from the database, the listing and a goal's page run as many queries for 8
    assets as for 108."""
    settings.RENDER_CACHE_SECONDS = 0
    paths = ["/toolkit/", f"/toolkit/?goal={asset.goal.slug}"]

    def queries() -> list[int]:
        counts = []
        for path in paths:
            browser.get(path)  # per-process lookups filled, as in a warm worker
            with CaptureQueriesContext(connection) as captured:
                assert browser.get(path).status_code == 200
            counts.append(len(captured))
        return counts

    few = queries()
    add_assets(asset, 100)
    assert queries() == few


def test_each_page_of_a_goal_is_kept_in_the_render_cache_apart(browser, toolkit, asset):
    """A repeat view of a goal's page comes from the render cache (fewer queries) and is that
    page, not the overview or another page."""
    add_assets(asset, 30)
    paths = [
        "/toolkit/",
        f"/toolkit/?goal={asset.goal.slug}",
        f"/toolkit/?goal={asset.goal.slug}&page=2",
    ]
    first_views, rendered_queries = {}, {}
    for path in paths:
        with CaptureQueriesContext(connection) as captured:
            first_views[path] = browser.get(path).content.decode()
        rendered_queries[path] = len(captured)
    for path in paths:
        with CaptureQueriesContext(connection) as captured:
            again = browser.get(path).content.decode()
        assert listed_slugs(again) == listed_slugs(first_views[path])
        assert len(captured) < rendered_queries[path]
    assert len({tuple(listed_slugs(html)) for html in first_views.values()}) == 3


def test_a_goal_without_assets_says_so(browser, toolkit, asset):
    CampaignAsset.objects.filter(goal=asset.goal).update(state="retired")
    html = browser.get(f"/toolkit/?goal={asset.goal.slug}").content.decode()
    assert "No assets for this goal are on offer at the moment." in html
    assert listed_slugs(html) == []
