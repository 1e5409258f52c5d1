"""The public's journey in a real browser: facts and sources, a goal, the newsroom, a release and
its attachment, search, the leaders' pledge and the quick exit; then the same without JavaScript."""

import re

import pytest
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from campaign.core.models import CampaignSettings

from .conftest import needs_chromium, sync_api

expect = sync_api.expect

pytestmark = [
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("seeded_site"),
]

RELEASE = "/newsroom/council-report-puts-buyers-at-the-centre/"
PLEDGE = {
    "Your name (required)": "Pat Example",
    "Your role (required)": "First Selectman",
    "Office or organisation (required)": "Town of Example",
    "Town (required)": "Exampleton",
    "Email (required)": "pat@example.org",
}


def take_pledge(page, name: str) -> None:
    for label, value in {**PLEDGE, "Your name (required)": name}.items():
        page.get_by_label(label).fill(value)
    page.get_by_label(re.compile("I pledge to help end the demand")).check()
    page.get_by_role("button", name="Take the pledge").click()


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Forget earlier tests' submissions from 127.0.0.1, which count toward the form's limit."""
    cache.clear()


def pledges_from(name: str) -> int:
    return sum(1 for s in FormSubmission.objects.all() if s.get_data().get("your_name") == name)


def test_visitor_reads_downloads_searches_pledges_and_leaves(
    site_url, new_context, elsewhere, shot
):
    """A visitor follows the whole public journey and leaves by the quick exit."""
    quick_exit_url = CampaignSettings.objects.get().quick_exit_url
    context = new_context()
    page = context.new_page()
    page.goto(site_url)
    assert page.get_by_role("heading", level=1).inner_text() == "No buyers. No trafficking."
    fact = page.locator("figure.fact").first
    assert fact.locator(".fact__figure").inner_text() == "456"
    source = fact.locator(".fact__source a")
    source_url = source.get_attribute("href")
    shot(page, "home")
    source.click()
    page.wait_for_url(source_url)
    assert elsewhere.visited[-1] == source_url
    page.go_back()

    page.get_by_role("link", name="Goal 1: Raise public awareness").click()
    page.wait_for_url(f"{site_url}/raise-public-awareness/")
    assert page.get_by_role("heading", name="The problem").is_visible()
    shot(page, "goal")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Newsroom").click()
    page.wait_for_url(f"{site_url}/newsroom/")
    shot(page, "newsroom")
    page.get_by_role("link", name=re.compile("^Council report puts the buyers")).click()
    page.wait_for_url(f"{site_url}{RELEASE}")
    assert page.locator(".release__status").inner_text() == "FOR IMMEDIATE RELEASE"
    shot(page, "release")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="End Demand CT fact sheet").click()
    download = download_info.value
    assert download.suggested_filename == "end-demand-ct-fact-sheet.pdf"
    assert download.path().read_bytes().startswith(b"%PDF")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search the site").fill("buyers")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search/\?q=buyers"))
    results = page.locator(".search-results a")
    assert results.count() > 0
    assert any(title.startswith("Council report") for title in results.all_inner_texts())
    shot(page, "search")

    page.goto(f"{site_url}/leaders-pledge/")
    take_pledge(page, "Pat Scripted")
    expect(page.get_by_role("status")).to_be_visible()
    shot(page, "pledge-thanks")
    assert pledges_from("Pat Scripted") == 1

    page.get_by_role("link", name=re.compile("^Quick exit")).click()
    page.wait_for_url(quick_exit_url)
    shot(page, "quick-exit")
    # The exit replaced the page they were on: Back shows the page before it, not the thanks.
    page.go_back()
    assert page.get_by_role("button", name="Take the pledge").is_visible()
    assert page.get_by_role("status").count() == 0
    context.close()


def test_quick_exit_leaves_no_way_back_to_the_site(site_url, new_context, elsewhere):
    """Arriving from elsewhere, Escape twice lands on the exit page and Back skips the site."""
    quick_exit_url = CampaignSettings.objects.get().quick_exit_url
    page = new_context().new_page()
    page.goto("https://search.example/")
    page.goto(f"{site_url}/raise-public-awareness/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(quick_exit_url)
    page.go_back()
    assert page.url == "https://search.example/"
    assert elsewhere.visited == [
        "https://search.example/",
        quick_exit_url,
        "https://search.example/",
    ]


def test_without_javascript_every_page_reads_and_every_form_works(site_url, new_context, shot):
    """With JavaScript off every page type reads, and search, filter and pledge forms submit."""
    page = new_context(java_script_enabled=False).new_page()
    for path, heading in [
        ("/", "No buyers. No trafficking."),
        ("/raise-public-awareness/", "Raise public awareness"),
        ("/about/", "About the campaign"),
        ("/policy/", "Policy"),
        ("/newsroom/", "Newsroom"),
        (RELEASE, "Council report puts the buyers"),
        ("/toolkit/", "Campaign toolkit"),
        ("/toolkit/no-buyers-no-trafficking/", "No buyers"),
        ("/leaders-pledge/", "Take the leaders' pledge"),
    ]:
        page.goto(f"{site_url}{path}")
        assert heading in page.get_by_role("heading", level=1).inner_text()
        assert page.locator("main").inner_text().strip()

    page.goto(f"{site_url}/search/")
    page.get_by_label("Search the site").fill("trafficking")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search/\?q=trafficking"))
    assert page.locator(".search-results a").count() > 0

    page.goto(f"{site_url}/newsroom/")
    page.get_by_label("Topic").select_option(label="legislation")
    page.get_by_role("button", name="Show releases").click()
    page.wait_for_url(re.compile(r"topic=legislation"))
    assert page.locator(".release-card").count() == 1

    page.goto(f"{site_url}/leaders-pledge/")
    shot(page, "pledge-form-no-js")
    take_pledge(page, "Pat Without Script")
    expect(page.get_by_role("status")).to_be_visible()
    shot(page, "pledge-thanks-no-js")
    assert pledges_from("Pat Without Script") == 1
