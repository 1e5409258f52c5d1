"""Embeds on other people's sites in a real browser. Chromium resolves news.test, partner.test and
blocked.test to 127.0.0.1 (--host-resolver-rules), where a stand-in web server serves the page
that carries the embed codes, while the campaign site runs on localhost. The three embed codes and
a CMS's oEmbed embed render on an unregistered host and on a registered partner's host, a blocked
host gets the neutral card, each is counted under the right name, and the frame fits a phone."""

import json
import re
import urllib.parse
import urllib.request
from html import unescape

import pytest

from campaign.toolkit.models import BlockedHost, DailyCount, Partner

from .conftest import CHROMIUM, CHROMIUM_ARGS, is_elsewhere, needs_chromium, sync_api

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SLUG = "no-buyers-no-trafficking"
HOTLINE = "1-888-373-7888"
TEST_HOSTS = ["news.test", "partner.test", "blocked.test"]
RESOLVER_RULES = "--host-resolver-rules=" + ", ".join(
    f"MAP {host} 127.0.0.1" for host in TEST_HOSTS
)


@pytest.fixture
def test_host_browser(monkeypatch):
    """Chromium that sends the .test host names to this machine; every other host is stubbed."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, RESOLVER_RULES]
        )
        yield chromium
        chromium.close()


def elsewhere_but_test_hosts(url: str) -> bool:
    return is_elsewhere(url) and urllib.parse.urlsplit(url).hostname not in TEST_HOSTS


def stub(route) -> None:
    route.fulfill(status=200, content_type="text/html", body="<title>Elsewhere</title>")


def oembed_html(site_url: str, partner_code: str = "") -> str:
    """What a CMS does with an asset page's address: find its oEmbed link, fetch the embed."""
    query = f"?partner={partner_code}&size=square" if partner_code else "?size=square"
    with urllib.request.urlopen(f"{site_url}/toolkit/{SLUG}/{query}") as response:
        page = response.read().decode()
    href = re.search(r'type="application/json\+oembed" href="([^"]+)"', page).group(1)
    with urllib.request.urlopen(unescape(href) + "&maxwidth=360") as response:
        return json.load(response)["html"]


def embed_page(site_url: str, partner_code: str = "") -> str:
    """A partner's page: the three codes copied from the asset page, then a CMS's oEmbed frame."""
    query = f"?partner={partner_code}" if partner_code else ""
    with urllib.request.urlopen(f"{site_url}/toolkit/{SLUG}/{query}") as response:
        asset_page = response.read().decode()
    codes = {
        kind: unescape(code)
        for kind, code in re.findall(r'<textarea id="code-(\w+)"[^>]*>(.*?)</textarea>', asset_page)
    }
    return (
        '<!DOCTYPE html><html lang="en"><meta name="viewport" content="width=device-width">'
        '<title>A page elsewhere</title><body style="margin:0 16px"><h1>Our news</h1>'
        f'<div id="frame">{codes["iframe"]}</div><div id="script">{codes["script"]}</div>'
        f'<div id="plain">{codes["html"]}</div>'
        f'<div id="oembed">{oembed_html(site_url, partner_code)}</div></body></html>'
    )


def open_embeds(context, partner_site, host: str, html: str):
    partner_site.page = html
    page = context.new_page()
    page.goto(f"http://{host}:{partner_site.port}/")
    for selector in ["#frame iframe", "#oembed iframe"]:
        page.frame_locator(selector).locator(".embed__hotline").wait_for()
    page.locator("figure.enddemandct-embed").wait_for()
    page.wait_for_function("document.querySelector('#plain img').complete")
    return page


def frame_shows_asset(page, selector: str) -> bool:
    return (
        page.frame_locator(selector)
        .locator("img")
        .evaluate("img => img.complete && img.naturalWidth > 0")
    )


def counted(**filters) -> dict[str, int]:
    return DailyCount.objects.filter(**filters).totals_by_kind()


def test_embeds_render_and_count_on_any_host(
    site_url, test_host_browser, partner_site, shot, seeded_site
):
    """Unregistered and registered hosts show all four embeds; a blocked host the neutral card."""
    partner = Partner.objects.create(
        organisation="Partner test",
        website=f"http://partner.test:{partner_site.port}/",
        allowed_domains=f"partner.test:{partner_site.port}",
        contact_email="p@partner.test",
        code="partner-test",
    )
    BlockedHost.objects.create(host="blocked.test")
    context = test_host_browser.new_context(viewport={"width": 1366, "height": 3000})
    context.route(elsewhere_but_test_hosts, stub)

    unregistered = open_embeds(context, partner_site, "news.test", embed_page(site_url))
    for selector in ["#frame iframe", "#oembed iframe"]:
        assert frame_shows_asset(unregistered, selector)
        assert HOTLINE in unregistered.frame_locator(selector).locator("body").inner_text()
    assert unregistered.locator("figure.enddemandct-embed img").evaluate(
        "img => img.naturalWidth > 0"
    )
    assert unregistered.locator("#plain img").evaluate("img => img.naturalWidth > 0")
    shot(unregistered, "unregistered-host")
    with context.expect_page() as popup:
        unregistered.frame_locator("#frame iframe").locator("a").first.click()
    popup.value.wait_for_load_state()

    registered = open_embeds(
        context, partner_site, "partner.test", embed_page(site_url, partner.code)
    )
    for selector in ["#frame iframe", "#oembed iframe"]:
        assert frame_shows_asset(registered, selector)
    assert "partner=partner-test" in registered.locator("#oembed iframe").get_attribute("src")
    shot(registered, "partner-host")

    blocked = open_embeds(context, partner_site, "blocked.test", embed_page(site_url))
    for selector in ["#frame iframe", "#oembed iframe"]:
        frame = blocked.frame_locator(selector)
        assert frame.locator("img").count() == 0
        assert HOTLINE in frame.locator(".embed__card + .embed__hotline").inner_text()
    assert blocked.locator("figure.enddemandct-embed img").count() == 0
    assert HOTLINE in blocked.locator("figure.enddemandct-embed").inner_text()
    assert blocked.locator("#plain img").evaluate("img => img.naturalWidth > 0")
    shot(blocked, "blocked-host")
    cookies = context.cookies()
    context.close()

    assert cookies == []
    assert counted(partner=None, host="news.test") == {
        "impression": 4,
        "click": 1,
        "download": 0,
        "embed_copy": 0,
        "blocked": 0,
    }
    assert counted(partner=partner) == {
        "impression": 4,
        "click": 0,
        "download": 0,
        "embed_copy": 0,
        "blocked": 0,
    }
    assert counted(host="partner.test")["impression"] == 0
    assert counted(partner=None, host="blocked.test") == {
        "impression": 0,
        "click": 0,
        "download": 0,
        "embed_copy": 0,
        "blocked": 4,
    }


@pytest.mark.parametrize("width", [390, 320])
def test_iframe_fits_a_phone_page_with_the_hotline_readable(
    site_url, test_host_browser, partner_site, shot, seeded_site, width
):
    """On a phone-wide page the frames fit, nothing scrolls sideways, the hotline shows whole."""
    context = test_host_browser.new_context(viewport={"width": width, "height": 2400})
    context.route(elsewhere_but_test_hosts, stub)
    page = open_embeds(context, partner_site, "news.test", embed_page(site_url))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for selector in ["#frame iframe", "#oembed iframe"]:
        box = page.locator(selector).bounding_box()
        assert box["width"] <= width - 32
        frame = page.frame_locator(selector)
        hotline = frame.locator(".embed__hotline")
        inner = hotline.evaluate(
            "el => { const r = el.getBoundingClientRect(); return {bottom: r.bottom,"
            " right: r.right, size: parseFloat(getComputedStyle(el).fontSize),"
            " height: innerHeight, width: innerWidth}; }"
        )
        assert inner["bottom"] <= inner["height"] and inner["right"] <= inner["width"] + 1
        assert inner["size"] >= 14 and HOTLINE in hotline.inner_text()
        assert frame_shows_asset(page, selector)
    shot(page, f"phone-{width}")
    context.close()
