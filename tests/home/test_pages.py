"""Every page type renders for an anonymous visitor from the seeded content."""

import pytest

from campaign.core.models import CampaignGoal, Fact
from home.models import ContentPage, GoalPage, PolicyPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_home_page_shows_message_facts_goals_and_hotline(client):
    """The home page carries the campaign message, key facts with sources, four goals, hotline."""
    html = client.get("/").content.decode()
    assert "No buyers. No trafficking." in html
    assert "456" in html and "TIP Council 2016 Annual Report" in html
    for goal in CampaignGoal.objects.filter(locale__language_code="en"):
        assert goal.title in html
    assert 'href="tel:+18883737888"' in html
    assert html.count("<h1") == 1


def test_goal_pages_say_problem_and_actions(client):
    """Each goal page explains the problem and what each audience can do."""
    assert GoalPage.objects.live().filter(locale__language_code="en").count() == 4
    for page in GoalPage.objects.live().filter(locale__language_code="en"):
        html = client.get(page.url).content.decode()
        assert "The problem" in html and "What you can do" in html
        assert f"Campaign goal {page.goal.number} of 4" in html


def test_every_fact_shows_its_source(client):
    """Facts on goal pages name their source and as-of date."""
    page = GoalPage.objects.get(locale__language_code="en", goal__number=3)
    html = client.get(page.url).content.decode()
    for fact in Fact.objects.filter(locale__language_code="en", goals__number=3):
        assert fact.claim in html
    assert (
        html.count('class="fact__source"')
        == Fact.objects.filter(locale__language_code="en", goals__number=3).count()
    )


def test_policy_page_lists_recommendations_by_status(client):
    """The policy page groups recommendations under their status, with votes and opposition."""
    html = client.get(PolicyPage.objects.get(locale__language_code="en").url).content.decode()
    assert html.index("Proposed") < html.index("In discussion") < html.index("Enacted")
    assert "Office of Chief Public Defender opposes" in html


def test_content_page_renders_blocks(client):
    """A content page renders its fact, image, download and FAQ blocks."""
    html = client.get(ContentPage.objects.get(slug="resources").url).content.decode()
    assert "<details>" in html and "Is buying sex from a minor a crime" in html
    assert "End Demand CT fact sheet" in html and "PDF" in html
    html = client.get(ContentPage.objects.get(slug="about").url).content.decode()
    assert "<picture>" in html and 'type="image/avif"' in html
    assert "Credit: " not in html  # the credit label comes from CSS, not the text
    assert "End Demand CT campaign" in html


@pytest.mark.parametrize(
    ("number", "href"),
    [
        (1, "/toolkit/"),
        (2, "/leaders-pledge/"),
        (3, "/request-training/"),
        (4, "/tell-your-legislator/"),
    ],
)
def test_goal_pages_link_to_their_actions(client, number, href):
    """Each goal page's 'what you can do' links to the toolkit or the goal's action form."""
    page = GoalPage.objects.get(locale__language_code="en", goal__number=number)
    html = client.get(page.url).content.decode()
    assert f'href="{href}"' in html
    assert client.get(href).status_code == 200
