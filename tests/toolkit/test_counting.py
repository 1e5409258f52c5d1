"""Impressions, click-throughs and embed-code copies are counted per day, partner, size and kind,
without anything personal, and leaving robots out."""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from campaign.core.counts import get_count_sources
from campaign.toolkit.models import CampaignAsset, DailyCount, Partner
from tests.engagement.plausible_stub import PlausibleStub
from tests.services import needs_postgres
from tests.toolkit.conftest import BROWSER_UA, beacon

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def counts(**filters) -> list[tuple]:
    return list(
        DailyCount.objects.filter(**filters).values_list(
            "day", "partner__code", "size", "kind", "n"
        )
    )


def test_beacon_counts_an_impression_per_partner_and_size(browser, asset, partner, counting):
    """Two impressions of a partner's embed make one row with n=2 for today, that partner and
    size; the embed document itself counts nothing."""
    for _ in range(2):
        browser.get(f"/embed/{asset.slug}/?partner={partner.code}&size=square")
        beacon(browser, asset, partner=partner.code, size="square")
    counting.flush()
    assert counts(asset=asset) == [(timezone.localdate(), partner.code, "square", "impression", 2)]


def test_retired_embed_counts_for_the_asset_shown(browser, asset, other_asset, partner, counting):
    """After retirement, the document's beacon counts the replacement the visitor saw."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired", replacement=other_asset)
    html = browser.get(f"/embed/{asset.slug}/").content.decode()
    assert f"a={asset.slug}&amp;d={other_asset.slug}" in html
    beacon(browser, asset, partner=partner.code, shown=other_asset)
    counting.flush()
    assert counts(asset=other_asset, kind="impression")[0][-1] == 1
    assert counts(asset=asset) == []


@pytest.mark.parametrize(
    "user_agent",
    ["", "Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0", "python-requests/2.3"],
)
def test_robots_are_not_counted(asset, partner, user_agent, counting):
    """Visits without a user agent or from crawlers and scripts are served but not counted."""
    client = Client(HTTP_USER_AGENT=user_agent)
    assert beacon(client, asset, partner=partner.code).status_code == 204
    assert client.get(f"/go/{asset.slug}/?partner={partner.code}").status_code == 302
    counting.flush()
    assert counts(asset=asset) == []


def test_click_through_is_counted_and_redirected(browser, asset, partner):
    """/go/ counts a click for the partner and size, then sends the visitor to the link target."""
    CampaignAsset.objects.filter(pk=asset.pk).update(link_page=None, link_url="https://x.example/")
    response = browser.get(f"/go/{asset.slug}/?partner={partner.code}&size=wide")
    assert response.status_code == 302 and response["Location"] == "https://x.example/"
    assert counts(asset=asset) == [(timezone.localdate(), partner.code, "wide", "click", 1)]
    assert "Set-Cookie" not in response


def test_click_on_withdrawn_asset_goes_to_the_campaign(browser, asset):
    """A click on a retired asset with no replacement lands on the campaign's home page."""
    CampaignAsset.objects.filter(pk=asset.pk).update(state="retired")
    assert browser.get(f"/go/{asset.slug}/")["Location"] == "http://localhost/"


def test_embed_code_copy_is_counted_by_post(browser, asset, partner):
    """The copy buttons' POST counts one copy for the partner and size, with no cookie."""
    response = browser.post(
        f"/embed/{asset.slug}/copied/",
        {"code": "iframe", "size": "story", "partner": partner.code},
    )
    assert response.status_code == 204 and "Set-Cookie" not in response
    assert counts(asset=asset) == [(timezone.localdate(), partner.code, "story", "embed_copy", 1)]


def test_copy_counter_rejects_bad_input(browser, asset):
    """A copy report without a known size or code kind is a 400 with a reason, not counted."""
    response = browser.post(f"/embed/{asset.slug}/copied/", {"code": "html", "size": "huge"})
    assert response.status_code == 400 and b"Say which size" in response.content
    assert counts(asset=asset) == []
    assert browser.get(f"/embed/{asset.slug}/copied/").status_code == 405


def test_counters_store_no_personal_data():
    """A count row holds only the day, asset, partner or embedding host, size, kind and number."""
    columns = {field.name for field in DailyCount._meta.get_fields()}
    assert columns == {"id", "day", "asset", "partner", "host", "size", "kind", "n"}


def test_count_sources_report_each_kind_for_a_range(asset, partner, other_asset):
    """The engagement count sources sum each kind over an inclusive range of days."""
    day = datetime.date(2024, 3, 5)
    for kind in ["impression", "impression", "click", "download", "embed_copy"]:
        DailyCount.objects.record(asset.pk, kind, partner.pk, "square", day=day)
    DailyCount.objects.record(other_asset.pk, "impression", None, "", day=day)
    DailyCount.objects.record(asset.pk, "impression", partner.pk, "square", day=day.replace(day=9))
    sources = get_count_sources()
    in_range = (day, day.replace(day=8))
    assert sources["toolkit.impressions"].count(*in_range) == 3
    assert sources["toolkit.clicks"].count(*in_range) == 1
    assert sources["toolkit.downloads"].count(*in_range) == 1
    assert sources["toolkit.embed_copies"].count(*in_range) == 1
    assert sources["toolkit.active_partners"].count(*in_range) == 1


def test_record_keeps_rows_with_and_without_partner_apart(asset, partner):
    """Counts without a partner and with one go to separate rows, each counting on."""
    day = datetime.date(2024, 1, 1)
    for partner_id in [None, None, partner.pk]:
        DailyCount.objects.record(asset.pk, "impression", partner_id, "", day=day)
    assert sorted(counts(asset=asset), key=str) == sorted(
        [(day, None, "", "impression", 2), (day, partner.code, "", "impression", 1)], key=str
    )


@needs_postgres  # SQLite serialises writers; concurrency is proven on PostgreSQL.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("seeded_site")
def test_concurrent_hits_are_counted_exactly():
    """200 hits from 20 threads at once, each on its own connection, count to exactly 200."""
    asset = CampaignAsset.objects.get(slug="no-buyers-no-trafficking")
    partner = Partner.objects.get(code="demo-family-services")
    day = datetime.date(2025, 6, 1)

    def hit(_):
        try:
            DailyCount.objects.record(asset.pk, "impression", partner.pk, "square", day=day)
            DailyCount.objects.record(asset.pk, "click", None, "", day=day)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(hit, range(200)))
    rows = DailyCount.objects.filter(day=day)
    assert sorted(rows.values_list("kind", "n")) == [("click", 200), ("impression", 200)]


@needs_postgres  # SQLite serialises writers; concurrency is proven on PostgreSQL.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("seeded_site")
def test_concurrent_requests_are_counted_exactly():
    """100 beacons in parallel through the full Django stack count to exactly 100."""
    asset = CampaignAsset.objects.get(slug="look-at-who-is-buying")

    def view(_):
        try:
            beacon(Client(HTTP_USER_AGENT=BROWSER_UA), asset, size="wide")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(view, range(100)))
    assert counts(asset=asset) == [(timezone.localdate(), None, "wide", "impression", 100)]


def test_partner_code_outside_its_domains_counts_under_the_host(browser, asset, partner, counting):
    """A partner's frame on a site it did not register counts for that site's host, not for it."""
    beacon(browser, asset, "https://other.example.com", partner.code)
    beacon(browser, asset, "https://family-services.example.org", partner.code)
    counting.flush()
    rows = DailyCount.objects.filter(asset=asset, kind="impression")
    assert sorted(rows.values_list("partner__code", "host", "n"), key=str) == sorted(
        [(partner.code, "", 1), (None, "other.example.com", 1)], key=str
    )


def test_partner_clicks_reach_plausible_and_impressions_do_not(browser, asset, partner, settings):
    """With Plausible set up, a click is sent as an Events API event; impressions are not (one
    event per impression would cost a task each: the first-party counters have them)."""
    with PlausibleStub(api_key="key", site_id="enddemandct.test") as plausible:
        settings.PLAUSIBLE_BASE_URL = plausible.base_url
        settings.PLAUSIBLE_SITE_ID = "enddemandct.test"
        settings.PLAUSIBLE_API_KEY = "key"
        beacon(browser, asset, partner=partner.code, size="square")
        browser.get(f"/go/{asset.slug}/?partner={partner.code}&size=square")
    events = [r["json"] for r in plausible.requests if r["path"] == "/api/event"]
    assert [e["name"] for e in events] == ["Embed click"]
    assert events[0]["props"] == {"asset": asset.slug, "partner": partner.code, "size": "square"}
    assert events[0]["url"] == f"http://testserver/embed/{asset.slug}/"


def test_one_address_cannot_inflate_counts(browser, asset, partner, settings, counting):
    """Past the per-address limit the embed is still answered, but no longer counted."""
    settings.TOOLKIT_COUNT_RATE_LIMIT = (3, 60)
    for _ in range(5):
        assert beacon(browser, asset, partner=partner.code, size="square").status_code == 204
    counting.flush()
    assert counts(asset=asset)[0][-1] == 3
