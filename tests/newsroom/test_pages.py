"""The newsroom listing and a press release page, as a journalist sees them."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from campaign.newsroom.dates import RELEASE_TIME_ZONE
from campaign.newsroom.models import Boilerplate, PressReleasePage, PressReleaseRelatedLink

from .factories import PressClipFactory, PressReleasePageFactory, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def eastern(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=RELEASE_TIME_ZONE)


def test_newsroom_lists_releases_newest_first(client, newsroom):
    """Releases are listed by release date, the newest at the top."""
    publish(PressReleasePageFactory(title="Older test release", release_at=eastern(2018, 3, 1)))
    publish(PressReleasePageFactory(title="Newer test release", release_at=eastern(2019, 3, 1)))
    html = client.get("/newsroom/").content.decode()
    assert html.index("Newer test release") < html.index("Older test release")
    assert html.index("Older test release") < html.index("Council report puts the buyers")


def test_newsroom_paginates(client, newsroom):
    """Ten releases a page; the next page holds the older ones."""
    for day in range(1, 12):
        publish(
            PressReleasePageFactory(
                title=f"Paged release {day:02}", release_at=eastern(2020, 1, day)
            )
        )
    first = client.get("/newsroom/").content.decode()
    second = client.get("/newsroom/?page=2").content.decode()
    assert "Paged release 11" in first and "Paged release 02" in first
    assert "Paged release 01" not in first
    assert "Paged release 01" in second and "Page 2 of 2" in second


def test_newsroom_filters_by_year(client, newsroom):
    """?year= shows only that year's releases and the year is offered in the filter."""
    publish(PressReleasePageFactory(title="Release of 2019", release_at=eastern(2019, 6, 1)))
    html = client.get("/newsroom/?year=2019").content.decode()
    assert "Release of 2019" in html
    assert "Council report puts the buyers" not in html
    assert '<option value="2017"' in html and '<option value="2019" selected' in html


def test_newsroom_filters_by_topic(client, newsroom):
    """?topic= shows only releases tagged with that topic."""
    release = PressReleasePageFactory(title="Release about hotels")
    release.topics.add("hotels")
    publish(release)
    html = client.get("/newsroom/?topic=hotels").content.decode()
    assert "Release about hotels" in html
    assert "Council report puts the buyers" not in html
    html = client.get("/newsroom/?topic=legislation").content.decode()
    assert "Release about hotels" not in html and "Council report puts the buyers" in html


def test_newsroom_rejects_a_bad_filter_with_a_message(client, newsroom):
    """A year that is not a number is a 400 with a readable message, not a 500."""
    response = client.get("/newsroom/?year=twenty")
    assert response.status_code == 400
    assert "That filter is not valid" in response.content.decode()


def test_newsroom_query_count_does_not_grow_with_releases(client, newsroom, settings):
    """Rendered with nothing cached, the listing runs as many queries for one release as for 8."""
    settings.RENDER_CACHE_SECONDS = 0
    client.get("/newsroom/")
    with CaptureQueriesContext(connection) as few:
        client.get("/newsroom/")
    for day in range(1, 8):
        release = PressReleasePageFactory(release_at=eastern(2021, 2, day))
        release.topics.add(f"topic-{day}")
        publish(release)
    client.get("/newsroom/")  # publishing empties the cached menu; warm it as before
    with CaptureQueriesContext(connection) as many:
        html = client.get("/newsroom/").content.decode()
    assert html.count('class="release-card"') == 8
    assert len(many) == len(few)


def test_newsroom_lists_press_clips(client, newsroom):
    """The newsroom's 'In the news' lists the seeded coverage with outlet and date."""
    html = client.get("/newsroom/").content.decode()
    assert "In the news" in html
    assert "Report recommends going after johns to curb sex trafficking" in html
    assert "CT News Junkie" in html and "January 12, 2017" in html


def test_release_page_shows_every_part(client, seeded_release):
    """Status line, date, contact, headline, dateline, quotes, boilerplate, files, '###'."""
    html = client.get(seeded_release.url).content.decode()
    assert "FOR IMMEDIATE RELEASE" in html and "Jan. 11, 2017" in html
    assert "Christine Palm, Public Information Officer" in html
    assert 'href="tel:860-240-8449"' in html
    assert "<h1>Council report puts the buyers" in html
    assert "HARTFORD –" in html
    assert "Jillian Gilchrest" in html and "Beth Hamilton" in html
    assert "What the report found:" in html and "<li>DCF has 456 referrals" in html
    assert "About the Council" in html and "Sec. 46a-170" in html
    assert "End Demand CT fact sheet" in html and "(PDF" in html
    assert ">###<span" in html
    assert "Raise public awareness" in html and 'href="/newsroom/?topic=legislation"' in html


def test_release_page_shows_its_press_clips(client, seeded_release):
    """Coverage of a release appears on it under 'In the news'; other coverage does not."""
    html = client.get(seeded_release.url).content.decode()
    assert "In the news" in html
    assert "Council: go after johns who pay minors for sex" in html
    assert "Who Is Buying?" not in html


def test_release_page_lists_only_released_related_releases(client, seeded_release):
    """Related releases show when released, never while embargoed."""
    related = publish(PressReleasePageFactory(title="A related follow-up"))
    embargoed = PressReleasePageFactory(
        title="A secret follow-up",
        live=False,
        embargo_until=datetime.datetime.now(RELEASE_TIME_ZONE) + datetime.timedelta(days=2),
    )
    publish(embargoed)
    for other in (related, embargoed):
        PressReleaseRelatedLink.objects.create(page=seeded_release, related=other)
    html = client.get(seeded_release.url).content.decode()
    assert "Related releases" in html and "A related follow-up" in html
    assert "A secret follow-up" not in html


def test_release_emits_news_article_json_ld(client, seeded_release):
    """A JSON-LD data block describes the release as a schema.org NewsArticle."""
    html = client.get(seeded_release.url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Council report puts the buyers")
    assert data["datePublished"] == "2017-01-11T00:00:00-05:00"
    assert data["dateline"] == "HARTFORD"
    assert data["publisher"]["name"] == "Connecticut Trafficking in Persons Council"
    assert data["image"].startswith("http")


def test_json_ld_cannot_break_out_of_its_script(client):
    """A headline containing '</script>' stays inside the JSON-LD block, escaped."""
    release = publish(PressReleasePageFactory(title="Headline </script><b>bold</b>"))
    html = client.get(release.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "\\u003C/script\\u003E" in block.group(1)
    assert json.loads(block.group(1))["headline"] == "Headline </script><b>bold</b>"


def test_release_page_has_no_inline_executable_script(client, seeded_release):
    """Every script is either a file or the JSON-LD data block (the CSP allows no inline JS)."""
    html = client.get(seeded_release.url).content.decode()
    for tag in re.findall(r"<script[^>]*>", html):
        assert 'src="' in tag or 'type="application/ld+json"' in tag


def test_release_has_opengraph_article_tags(client, seeded_release):
    """OpenGraph says it is an article, with its title, image and publication time."""
    html = client.get(seeded_release.url).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Council report puts the buyers' in html
    assert 'property="og:image" content="http' in html
    assert '<meta property="article:published_time" content="2017-01-11T00:00:00-05:00">' in html


def test_release_links_a_print_stylesheet(client, seeded_release):
    """A print stylesheet is linked for print media and is served."""
    html = client.get(seeded_release.url).content.decode()
    match = re.search(r'<link rel="stylesheet" href="([^"]+print\.css)" media="print">', html)
    css = b"".join(client.get(match.group(1)).streaming_content).decode()
    assert ".site-header" in css and "display: none" in css


def test_release_plain_text_for_wire_services(client, seeded_release):
    """/txt/ is the release as plain text wrapped at 72 columns (URLs aside), ending '###'."""
    response = client.get(seeded_release.url + "txt/")
    text = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert text.startswith("FOR IMMEDIATE RELEASE\nJan. 11, 2017\n")
    assert "CONTACT: Christine Palm, Public Information Officer" in text
    assert "\nHARTFORD – Blame for prostitution" in text
    assert "— Beth Hamilton" in text
    assert "* DCF has 456 referrals of children at high risk of trafficking." in text
    assert "http://testserver/documents/" in text
    assert text.rstrip().endswith("###")
    assert "<" not in text
    assert max(len(line) for line in text.splitlines() if "http" not in line) <= 72


def test_status_line_names_the_embargo_time_in_eastern_time(db):
    """An embargoed release says 'EMBARGOED UNTIL Jan. 11, 2017, 10:00 a.m. EST'."""
    page = PressReleasePage(title="x", embargo_until=eastern(2037, 1, 11, 10))
    assert page.is_embargoed
    assert page.status_line == "EMBARGOED UNTIL Jan. 11, 2037, 10:00 a.m. EST"
    page.embargo_until = eastern(2017, 1, 11, 10)
    assert not page.is_embargoed
    assert page.status_line == "FOR IMMEDIATE RELEASE"


def test_summary_text_falls_back_to_the_first_paragraph(db):
    """Without a summary or search description, listings use the first paragraph."""
    page = PressReleasePageFactory.build(
        title="x", body=[("paragraph", RichText("<p>The Council&#x27;s <b>news</b>.</p>"))]
    )
    assert page.summary_text == "The Council's news."
    page.search_description = "For search engines."
    assert page.summary_text == "For search engines."
    page.summary = "The summary."
    assert page.summary_text == "The summary."


def test_release_without_boilerplate_uses_the_default(client):
    """A release that chooses no boilerplate closes with the default 'About the Council'."""
    release = publish(PressReleasePageFactory(title="No boilerplate chosen"))
    assert release.boilerplate is None
    html = client.get(release.url).content.decode()
    assert Boilerplate.objects.get(is_default=True).heading in html


def test_home_page_shows_latest_release(client, seeded_release):
    """The home page's latest news lists released releases with their date."""
    publish(PressReleasePageFactory(title="Fresh news for the home page"))
    html = client.get("/").content.decode()
    assert "Latest news" in html and "Fresh news for the home page" in html


def test_press_clip_factory_clip_shows_reach(client, seeded_release):
    """A clip's reach, when known, is shown with it."""
    PressClipFactory(release=seeded_release, reach=12000, headline="Clip with a reach")
    html = client.get(seeded_release.url).content.decode()
    assert "Clip with a reach" in html and "reach 12000" in html


def test_release_reads_headline_first_with_the_dateline_running_in(client, seeded_release):
    """Headline, then status and date, then "HARTFORD – " inside the first paragraph; the media
    contacts come after the text, not above the headline."""
    html = client.get(seeded_release.url).content.decode()
    headline = html.index("<h1>")
    assert headline < html.index("FOR IMMEDIATE RELEASE") < html.index("HARTFORD –")
    assert re.search(
        r'<p[^>]*><span class="release__dateline">HARTFORD –</span> Blame for prostitution', html
    )
    assert html.index("Blame for prostitution") < html.index("Media contact")


def test_dateline_stands_alone_before_a_release_that_opens_with_a_quote(client, newsroom):
    """When the first block is not a paragraph, the dateline is a line of its own before it."""
    release = publish(
        PressReleasePageFactory(
            body=[("quote", {"quote": "Buyers drive it.", "speaker": "A. Person", "role": ""})]
        )
    )
    html = client.get(release.url).content.decode()
    assert '<p><span class="release__dateline">NEW HAVEN –</span></p>' in html
    assert html.index("NEW HAVEN –") < html.index("Buyers drive it.")


def test_end_of_release_mark_has_no_aria_label(client, seeded_release):
    """The closing ### is a plain paragraph with hidden words for screen readers (an aria-label
    on a <p> is invalid HTML)."""
    html = client.get(seeded_release.url).content.decode()
    assert (
        '<p class="release__end">###<span class="visually-hidden"> (end of release)</span></p>'
        in html
    )
