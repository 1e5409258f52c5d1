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

from .conftest import BROWSER_UA, beacon
from .factories import BlockedHostFactory, OfferedAssetFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def rows(asset) -> list[tuple]:
    return sorted(
        DailyCount.objects.filter(asset=asset).values_list("partner__code", "host", "kind", "n"),
        key=str,
    )


def test_frame_without_code_counts_under_the_embedding_host_only(browser, counting):
    """An embed on an unregistered site counts one impression under its host, not its path."""
    asset = OfferedAssetFactory()
    response = beacon(browser, asset, "https://www.news.test:8443/story/42?visitor=ann")
    assert response.status_code == 204 and "Set-Cookie" not in response
    counting.flush()
    assert rows(asset) == [(None, "www.news.test", "impression", 1)]


def test_embed_document_is_the_same_on_every_site(browser):
    """The document and its data do not depend on the site or partner, and may be cached."""
    asset, partner = OfferedAssetFactory(), PartnerFactory()
    for path in (f"/embed/{asset.slug}/", f"/embed/{asset.slug}/data.json"):
        plain = browser.get(path)
        elsewhere = browser.get(
            f"{path}?partner={partner.code}", HTTP_REFERER="https://www.partner.test/"
        )
        assert plain.content == elsewhere.content
        assert plain["Cache-Control"].startswith("public")
    assert rows(asset) == []


def test_plain_html_image_counts_under_the_referring_host(browser):
    """The plain HTML code's image counts under the host of the page it sits on."""
    asset = OfferedAssetFactory()
    browser.get(f"/embed/{asset.slug}/square.jpg", HTTP_REFERER="http://library.test/events/")
    assert rows(asset) == [(None, "library.test", "impression", 1)]


def test_partner_code_on_its_own_domain_counts_for_the_partner(browser, counting):
    """A registered partner's code on one of its domains counts for the partner."""
    asset, partner = OfferedAssetFactory(), PartnerFactory()
    beacon(browser, asset, "https://www.partner.test", partner.code)
    counting.flush()
    assert rows(asset) == [(partner.code, "", "impression", 1)]


def test_pending_partner_code_counts_as_unregistered_use(browser, counting):
    """A code whose registration is not approved yet counts under the host."""
    asset, partner = OfferedAssetFactory(), PartnerFactory(status="pending")
    beacon(browser, asset, "https://partner.test", partner.code)
    counting.flush()
    assert rows(asset) == [(None, "partner.test", "impression", 1)]


def test_blocked_host_gets_the_neutral_card_with_the_hotline(browser, counting):
    """On a blocked host the beacon says so, for the embed to show its campaign card and
    hotline, which every document carries."""
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")
    response = beacon(browser, asset, "https://blocked.test")
    assert response.status_code == 200 and response.json() == {"blocked": True}
    assert beacon(browser, asset, "https://fine.test").status_code == 204
    html = browser.get(f"/embed/{asset.slug}/").content.decode()
    assert '<div class="embed__card" hidden>' in html and "1-888-373-7888" in html


def test_blocked_host_is_counted_as_blocked_under_its_name(browser, counting):
    """Every embed code on a blocked host is counted as blocked for that host, never seen."""
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")
    beacon(browser, asset, "https://www.blocked.test")
    beacon(browser, asset, "https://blocked.test")
    browser.get(f"/embed/{asset.slug}/square.jpg", HTTP_REFERER="https://blocked.test/")
    counting.flush()
    counted = DailyCount.objects.filter(asset=asset)
    assert set(counted.values_list("partner", "kind")) == {(None, "blocked")}
    assert counted.filter(host="www.blocked.test").total() == 1
    assert counted.filter(host="blocked.test").total() == 2


def test_blocked_host_image_is_the_hotline_card(browser):
    """The plain HTML code's image on a blocked host is the SVG hotline card."""
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")
    response = browser.get(
        f"/embed/{asset.slug}/leaderboard.png", HTTP_REFERER="https://blocked.test/"
    )
    assert response["Content-Type"] == "image/svg+xml"
    assert "1-888-373-7888" in response.content.decode()


def test_blocking_overrides_a_partner_code(browser, counting):
    """A partner code does not lift a block: the card shows and the host is counted as blocked."""
    asset = OfferedAssetFactory()
    partner = PartnerFactory(allowed_domains="blocked.test")
    BlockedHostFactory(host="blocked.test")
    assert beacon(browser, asset, "https://blocked.test", partner.code).status_code == 200
    counting.flush()
    assert rows(asset) == [(None, "blocked.test", "blocked", 1)]


def test_click_inside_a_frame_counts_under_the_embedding_host(browser):
    """The frame's script adds the host it was shown on to the link (tests/browser), so its click
    counts there too."""
    asset = OfferedAssetFactory()
    # The click comes from inside our frame: its Referer is the embed document on our own host.
    browser.get(
        f"/go/{asset.slug}/?site=news.test&size=medium-rectangle",
        HTTP_REFERER=f"http://testserver/embed/{asset.slug}/",
    )
    assert (None, "news.test", "click", 1) in rows(asset)


def test_use_on_the_campaign_site_has_no_host(browser, counting):
    """An embed shown outside any frame (the campaign's own site) is counted with an empty host."""
    asset = OfferedAssetFactory()
    beacon(browser, asset)
    counting.flush()
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
            beacon(Client(HTTP_USER_AGENT=BROWSER_UA), asset, f"https://{hosts[n % 3]}")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(view, range(120)))
    counted = DailyCount.objects.filter(asset=asset).values_list("host", "n")
    assert sorted(counted) == [("a.test", 40), ("b.test", 40), ("c.test", 40)]
