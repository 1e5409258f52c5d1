"""A partner's journey in a real browser: copy each embed code from the asset page, paste them
into a page on another localhost origin, see the asset with its credit and the hotline, click it;
the impressions, click and copies are counted for that partner. Pasted on a site the partner did
not register, the codes still show, but are not counted for the partner."""

import html

import pytest

from campaign.toolkit.models import DailyCount, Partner

from .conftest import needs_chromium

pytestmark = [
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("seeded_site"),
]

SLUG = "no-buyers-no-trafficking"
ALT = "Campaign poster on a plum background: 'No buyers. No trafficking.'"
HOTLINE = "1-888-373-7888"
CREDIT = "End Demand CT campaign"


def copy_codes(page, site_url: str, code: str) -> list[str]:
    """Open the asset page as a partner and press each copy button, reading the clipboard."""
    page.goto(f"{site_url}/toolkit/{SLUG}/?partner={code}&size=medium-rectangle")
    codes = []
    for kind in ["html", "iframe", "script"]:
        with page.expect_request(f"**/embed/{SLUG}/copied/"):
            page.click(f"button[data-code={kind}]")
        codes.append(page.evaluate("navigator.clipboard.readText()"))
    assert page.inner_text("[data-copy-status]") == "Copied to the clipboard."
    return codes


def image_loaded(locator) -> bool:
    return locator.evaluate("img => img.complete && img.naturalWidth > 0")


def test_embed_codes_count_for_the_partner_on_its_site_only(
    site_url, new_context, partner_site, shot
):
    """Pasted on the partner's page the three codes show and count for it; elsewhere they show
    but count for that site, not for the partner."""
    partner = Partner.objects.create(
        organisation="Browser test partner",
        website=partner_site.url,
        allowed_domains=f"127.0.0.1:{partner_site.port}",
        contact_email="test@example.org",
        code="browser-test",
    )
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    codes = copy_codes(page, site_url, partner.code)
    shot(page, "asset-page")
    assert all(site_url in code and "browser-test" in code for code in codes)
    partner_site.page = "<!DOCTYPE html><title>Partner</title>" + "\n".join(codes)

    page.goto(partner_site.url)
    frame = page.frame_locator("iframe")
    frame.locator("img").wait_for()
    assert image_loaded(frame.locator("img"))
    assert CREDIT in frame.locator("figcaption").inner_text()
    assert HOTLINE in frame.locator("body").inner_text()
    scripted = page.locator("figure.enddemandct-embed img")
    scripted.wait_for()
    assert image_loaded(scripted) and scripted.get_attribute("alt") == ALT
    assert HOTLINE in page.locator("figure.enddemandct-embed").inner_text()
    assert CREDIT in page.locator("figure.enddemandct-embed").inner_text()
    plain = page.locator("body > figure:not(.enddemandct-embed) img")
    page.wait_for_function("document.querySelector('body > figure img').complete")
    assert image_loaded(plain)
    assert CREDIT in page.locator("body > figure:not(.enddemandct-embed)").inner_text()
    shot(page, "partner-page")
    with context.expect_page() as popup:
        frame.locator("a").first.click()
    popup.value.wait_for_load_state()
    assert popup.value.url.startswith(f"{site_url}/")
    shot(popup.value, "clicked-through")
    live_cookies = [c for c in context.cookies() if "localhost" in c["domain"]]

    other = context.new_page()
    other.goto(f"http://localhost:{partner_site.port}/")
    other.frame_locator("iframe").locator("img").wait_for()
    other.locator("figure.enddemandct-embed img").wait_for()
    other.wait_for_function("document.querySelector('body > figure img').complete")
    context.close()

    assert live_cookies == []
    totals = DailyCount.objects.filter(partner=partner).totals_by_kind()
    assert totals == {"impression": 3, "click": 1, "download": 0, "embed_copy": 3, "blocked": 0}
    elsewhere = DailyCount.objects.filter(partner=None, host="localhost", kind="impression")
    assert elsewhere.total() == 3
    assert html.unescape(codes[0]).startswith("<figure><a href=")
