"""Embeds work on any site with no sign-up: counted under the registered partner on its own
domains, under the embedding site's host name anywhere else, and blocked hosts get the neutral
campaign card, counted as blocked."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from campaign.toolkit.counting import Where, record_use
from campaign.toolkit.hosts import normalise_host
from campaign.toolkit.models import BlockedHost, DailyCount

from .conftest import BROWSER_UA
from .factories import BlockedHostFactory, OfferedAssetFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def rows(asset) -> list[tuple]:
    return sorted(
        DailyCount.objects.filter(asset=asset).values_list("partner__code", "host", "kind", "n"),
        key=str,
    )


def test_frame_without_code_counts_under_the_embedding_host_only(browser):
    """An iframe on an unregistered site counts one impression under its host, not its path."""
    asset = OfferedAssetFactory()
    response = browser.get(
        f"/embed/{asset.slug}/", HTTP_REFERER="https://www.news.test:8443/story/42?visitor=ann"
    )
    assert response.status_code == 200 and "<img" in response.content.decode()
    assert rows(asset) == [(None, "www.news.test", "impression", 1)]


def test_script_embed_counts_under_the_origin_host(browser):
    """embed.js's data request counts under the host of the page's Origin."""
    asset = OfferedAssetFactory()
    browser.get(f"/embed/{asset.slug}/data.json", HTTP_ORIGIN="https://blog.news.test")
    assert rows(asset) == [(None, "blog.news.test", "impression", 1)]


def test_plain_html_image_counts_under_the_referring_host(browser):
    """The plain HTML code's image counts under the host of the page it sits on."""
    asset = OfferedAssetFactory()
    browser.get(f"/embed/{asset.slug}/square.jpg", HTTP_REFERER="http://library.test/events/")
    assert rows(asset) == [(None, "library.test", "impression", 1)]


def test_partner_code_on_its_own_domain_counts_for_the_partner(browser):
    """A registered partner's code on one of its domains counts for the partner."""
    asset, partner = OfferedAssetFactory(), PartnerFactory()
    browser.get(
        f"/embed/{asset.slug}/?partner={partner.code}", HTTP_REFERER="https://www.partner.test/"
    )
    assert rows(asset) == [(partner.code, "", "impression", 1)]


def test_pending_partner_code_counts_as_unregistered_use(browser):
    """A code whose registration is not approved yet counts under the host."""
    asset, partner = OfferedAssetFactory(), PartnerFactory(status="pending")
    browser.get(
        f"/embed/{asset.slug}/?partner={partner.code}", HTTP_REFERER="https://partner.test/"
    )
    assert rows(asset) == [(None, "partner.test", "impression", 1)]


def test_blocked_host_gets_the_neutral_card_with_the_hotline(browser):
    """A frame on a blocked host shows the campaign card and hotline, not the asset."""
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")
    html = browser.get(f"/embed/{asset.slug}/", HTTP_REFERER="https://blocked.test/").content
    html = html.decode()
    assert "<img" not in html and asset.image.description[:20] not in html
    assert "embed__card" in html and "1-888-373-7888" in html


def test_blocked_host_is_counted_as_blocked_under_its_name(browser):
    """Every embed code on a blocked host is counted as blocked for that host, never seen."""
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")
    browser.get(f"/embed/{asset.slug}/", HTTP_REFERER="https://www.blocked.test/")
    browser.get(f"/embed/{asset.slug}/data.json", HTTP_ORIGIN="https://blocked.test")
    browser.get(f"/embed/{asset.slug}/square.jpg", HTTP_REFERER="https://blocked.test/")
    counted = DailyCount.objects.filter(asset=asset)
    assert set(counted.values_list("partner", "kind")) == {(None, "blocked")}
    assert counted.filter(host="www.blocked.test").total() == 1
    assert counted.filter(host="blocked.test").total() == 2


def test_blocked_host_script_data_carries_no_asset(browser):
    """embed.js on a blocked host receives no asset, only the hotline and neutral message."""
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")
    data = browser.get(f"/embed/{asset.slug}/data.json", HTTP_ORIGIN="https://blocked.test").json()
    assert data["asset"] is None and data["hotline"]["phone"] == "1-888-373-7888"
    assert data["neutral_message"]


def test_blocked_host_image_is_the_hotline_card(browser):
    """The plain HTML code's image on a blocked host is the SVG hotline card."""
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")
    response = browser.get(
        f"/embed/{asset.slug}/leaderboard.png", HTTP_REFERER="https://blocked.test/"
    )
    assert response["Content-Type"] == "image/svg+xml"
    assert "1-888-373-7888" in response.content.decode()


def test_blocking_overrides_a_partner_code(browser):
    """A partner code does not lift a block: the card shows and the host is counted as blocked."""
    asset = OfferedAssetFactory()
    partner = PartnerFactory(allowed_domains="blocked.test")
    BlockedHostFactory(host="blocked.test")
    html = browser.get(
        f"/embed/{asset.slug}/?partner={partner.code}", HTTP_REFERER="https://blocked.test/"
    ).content.decode()
    assert "embed__card" in html
    assert rows(asset) == [(None, "blocked.test", "blocked", 1)]


def test_click_inside_a_frame_counts_under_the_embedding_host(browser):
    """The frame's link names the host it was shown on, so its click counts there too."""
    asset = OfferedAssetFactory()
    html = browser.get(f"/embed/{asset.slug}/", HTTP_REFERER="https://news.test/").content.decode()
    assert "site=news.test" in html
    # The click comes from inside our frame: its Referer is the embed document on our own host.
    browser.get(
        f"/go/{asset.slug}/?site=news.test&size=medium-rectangle",
        HTTP_REFERER=f"http://testserver/embed/{asset.slug}/",
    )
    assert (None, "news.test", "click", 1) in rows(asset)


def test_use_on_the_campaign_site_has_no_host(browser):
    """An embed shown on the campaign's own pages is counted with an empty host."""
    asset = OfferedAssetFactory()
    browser.get(f"/embed/{asset.slug}/", HTTP_REFERER="http://testserver/toolkit/")
    assert rows(asset) == [(None, "", "impression", 1)]


@pytest.mark.parametrize(
    ("typed", "host"),
    [
        ("https://Bad.Example.com/some/path?q=1", "bad.example.com"),
        ("bad.example.com:8080", "bad.example.com"),
        ("bad.example.com.", "bad.example.com"),
        ("not a host", ""),
        ("", ""),
    ],
)
def test_host_names_are_reduced_to_the_bare_host(typed, host):
    """Whatever is typed or sent, only a lower-case host name is kept, or nothing."""
    assert normalise_host(typed) == host


def test_blocked_host_is_saved_as_its_bare_host_name():
    """The officer may paste a whole address; the block keeps only its host name."""
    blocked = BlockedHost(host="https://Spam.Example.org/page")
    blocked.full_clean()
    assert blocked.host == "spam.example.org"


def test_record_use_is_the_one_counting_seam():
    """record_use counts for a partner or for a host, each on its own row, per day."""
    asset, partner = OfferedAssetFactory(), PartnerFactory()
    record_use(asset.pk, Where(partner=partner), "impression", "square")
    record_use(asset.pk, Where(host="a.test"), "impression", "square")
    record_use(asset.pk, Where(host="a.test"), "impression", "square")
    record_use(asset.pk, Where(host="b.test"), "impression", "square")
    today = timezone.localdate()
    assert sorted(
        DailyCount.objects.filter(asset=asset).values_list("day", "partner__code", "host", "n"),
        key=str,
    ) == sorted(
        [(today, partner.code, "", 1), (today, None, "a.test", 2), (today, None, "b.test", 1)],
        key=str,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_embeds_on_unregistered_hosts_are_counted_exactly():
    """120 frames from 3 hosts requested by 12 threads at once count to exactly 40 per host."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; concurrency is proven on PostgreSQL.")
    asset = OfferedAssetFactory()
    hosts = ["a.test", "b.test", "c.test"]

    def view(n):
        try:
            Client(HTTP_USER_AGENT=BROWSER_UA).get(
                f"/embed/{asset.slug}/", HTTP_REFERER=f"https://{hosts[n % 3]}/page"
            )
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(view, range(120)))
    counted = DailyCount.objects.filter(asset=asset).values_list("host", "n")
    assert sorted(counted) == [("a.test", 40), ("b.test", 40), ("c.test", 40)]
