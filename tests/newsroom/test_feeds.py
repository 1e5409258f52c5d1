"""RSS 2.0 and Atom feeds parse, carry valid dates, and are discoverable."""

import datetime

import feedparser
import pytest

from campaign.newsroom.dates import RELEASE_TIME_ZONE

from .factories import PressReleasePageFactory, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def parse(client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


def test_rss_feed_parses_with_valid_dates(client, seeded_release):
    """The RSS feed is RSS 2.0 with the release's title, absolute link and publication date."""
    response, feed = parse(client, "/newsroom/feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo and feed.version == "rss20"
    entry = next(e for e in feed.entries if e.title == seeded_release.title)
    assert entry.link.endswith(seeded_release.url) and entry.link.startswith("http")
    assert entry.published_parsed[:3] == (2017, 1, 11)
    assert "legislation" in [tag.term for tag in entry.tags]


def test_atom_feed_parses_with_valid_dates(client, seeded_release):
    """The Atom feed is Atom 1.0 with published and updated dates on each entry."""
    response, feed = parse(client, "/newsroom/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo and feed.version == "atom10"
    entry = next(e for e in feed.entries if e.title == seeded_release.title)
    assert entry.published_parsed[:3] == (2017, 1, 11)
    assert entry.updated_parsed is not None
    assert entry.summary.startswith("The Trafficking in Persons Council's 2016 annual report")


def test_feeds_list_newest_first(client, newsroom):
    """The newest release leads both feeds."""
    publish(
        PressReleasePageFactory(
            title="Newest feed item",
            release_at=datetime.datetime(2024, 5, 1, tzinfo=RELEASE_TIME_ZONE),
        )
    )
    for path in ("/newsroom/feed/rss/", "/newsroom/feed/atom/"):
        _, feed = parse(client, path)
        assert feed.entries[0].title == "Newest feed item"


def test_feeds_are_discoverable(client, seeded_release):
    """The newsroom and each release link both feeds with rel=alternate, and they resolve."""
    for path in ("/newsroom/", seeded_release.url):
        html = client.get(path).content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Newsroom (RSS)" '
            'href="/newsroom/feed/rss/">' in html
        )
        assert (
            '<link rel="alternate" type="application/atom+xml" title="Newsroom (Atom)" '
            'href="/newsroom/feed/atom/">' in html
        )
