"""The syndication API: partners pull facts, goal pages and releases, public and live only."""

import pytest

from campaign.core.models import Fact
from campaign.newsroom.models import PressReleasePage
from home.models import GoalPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_facts_api_lists_every_fact_with_its_source(client):
    """/api/v2/facts/ gives each fact's figure, claim, source and goals."""
    data = client.get("/api/v2/facts/", {"limit": 20}).json()
    assert data["meta"]["total_count"] == Fact.objects.count()
    by_figure = {item["figure"]: item for item in data["items"]}
    assert by_figure["456"]["source_title"] == "TIP Council 2016 Annual Report"
    assert by_figure["456"]["source_url"].endswith("annual-report.pdf")
    assert by_figure["456"]["goals"] == ["raise-public-awareness", "support-law-enforcement"]


def test_facts_api_is_paginated(client):
    """?limit and ?offset page through the facts."""
    first = client.get("/api/v2/facts/", {"limit": 2}).json()["items"]
    second = client.get("/api/v2/facts/", {"limit": 2, "offset": 2}).json()["items"]
    assert len(first) == 2 and len(second) == 2
    assert {f["id"] for f in first}.isdisjoint({f["id"] for f in second})


def test_goal_pages_come_with_their_goal_and_actions(client):
    """A goal page through the pages API carries its goal's number and slug and its actions."""
    page = GoalPage.objects.get(locale__language_code="en", goal__number=2)
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["goal_number"] == 2 and data["goal_slug"] == "engage-leaders"
    assert data["intro"] == page.intro
    assert data["actions"][0]["type"] == "action"


def test_released_press_release_carries_its_release_fields(client):
    """A released press release through the API has its status line, dateline and goals."""
    release = PressReleasePage.objects.live().public().released().first()
    data = client.get(f"/api/v2/pages/{release.pk}/").json()
    assert data["status_line"] == "FOR IMMEDIATE RELEASE"
    assert data["dateline"] == release.dateline
    assert data["subheadline"] == release.subheadline


def test_embargoed_release_is_not_in_the_api(client):
    """The seeded embargoed release is neither listed nor retrievable through the API."""
    embargoed = PressReleasePage.objects.filter(embargo_until__isnull=False).first()
    listing = client.get("/api/v2/pages/", {"type": "newsroom.PressReleasePage"}).json()
    assert embargoed.pk not in [item["id"] for item in listing["items"]]
    assert client.get(f"/api/v2/pages/{embargoed.pk}/").status_code == 404


def test_bad_api_query_gets_a_clear_400(client):
    """An unknown filter or a bad limit answers 400 with a message, not a 500."""
    response = client.get("/api/v2/facts/", {"limit": "many"})
    assert response.status_code == 400
    assert "message" in response.json()
