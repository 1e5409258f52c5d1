"""Search promotions set under Search terms show first in the results, and queries are counted
for Wagtail's search terms report."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.newsroom.factories import PressReleasePageFactory, publish

# The release factories file releases under the demo seed's newsroom.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def promote(query: str, **fields) -> SearchPromotion:
    return SearchPromotion.objects.create(query=Query.get(query), sort_order=0, **fields)


def recommended(client, query: str) -> str:
    html = client.get(reverse("search"), {"q": query}).content.decode()
    if 'id="search-promoted"' not in html:
        return ""
    return html.split('id="search-promoted"')[1].split("</section>")[0]


def test_a_promoted_page_is_shown_first(client):
    """A page promoted for "hotline" heads the results with the officer's description."""
    release = publish(PressReleasePageFactory(title="Where to get help"))
    promote("hotline", page=release, description="Call 1-888-373-7888, day or night.")
    section = recommended(client, "Hotline")
    assert release.url in section and "Call 1-888-373-7888, day or night." in section


def test_a_promoted_external_link_is_shown(client):
    """External links can be promoted too."""
    promote("report", external_link_url="https://example.org/report", external_link_text="Report")
    assert 'href="https://example.org/report"' in recommended(client, "report")


def test_an_embargoed_promoted_release_is_not_shown(client):
    """A promotion never leaks a release that is still under embargo."""
    embargo = timezone.now() + datetime.timedelta(days=2)
    release = publish(PressReleasePageFactory(title="Secret until Friday", embargo_until=embargo))
    promote("friday", page=release)
    assert (
        "Secret until Friday" not in client.get(reverse("search"), {"q": "friday"}).content.decode()
    )


def test_queries_are_counted_for_the_search_terms_report(client):
    """Each search adds a hit to its query, which Wagtail's search terms report lists."""
    client.get(reverse("search"), {"q": "Buyers"})
    client.get(reverse("search"), {"q": "buyers"})
    assert Query.get("buyers").hits == 2


def test_the_communications_group_edits_promotions(client, communications_member):
    """A Communications member can open Search terms' promotions in the admin."""
    client.force_login(communications_member)
    response = client.get(reverse("wagtailsearchpromotions:add"))
    assert response.status_code == 200
