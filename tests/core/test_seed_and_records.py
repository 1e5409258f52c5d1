"""The seed command, the campaign records and their rules."""

import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import Page, Revision

from campaign.core.models import CampaignGoal, CampaignImage, CampaignSettings, Fact

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_seeding_twice_changes_nothing():
    """Running seed_campaign on a seeded site adds, changes and publishes nothing."""
    before = row_counts()
    revisions = list(Revision.objects.values_list("pk", flat=True))
    call_command("seed_campaign", site_url="http://localhost", stdout=io.StringIO())
    assert row_counts() == before
    assert list(Revision.objects.values_list("pk", flat=True)) == revisions


def test_four_goals_with_stable_slugs():
    """The four campaign goals exist with numbers 1-4 and their stable slugs."""
    assert list(
        CampaignGoal.objects.filter(locale__language_code="en").values_list("number", "slug")
    ) == [
        (1, "raise-public-awareness"),
        (2, "engage-leaders"),
        (3, "support-law-enforcement"),
        (4, "improve-public-policy"),
    ]


def test_seeded_facts_come_from_the_annual_report():
    """The headline figures from the report are seeded with a source and an as-of date."""
    figures = set(Fact.objects.values_list("figure", flat=True))
    assert {"456", "2,000+", "0", "145"} <= figures
    assert all(fact.source_link for fact in Fact.objects.all())


def test_fact_needs_a_source():
    """A fact with neither a source URL nor a document is refused with a clear message."""
    fact = Fact(figure="1", claim="A claim", source_title="Somewhere", as_of="2020-01-01")
    with pytest.raises(ValidationError, match="source"):
        fact.full_clean()


def test_goal_number_must_be_one_to_four():
    """Goal numbers outside 1-4 are rejected."""
    goal = CampaignGoal(number=5, slug="five", title="Five", summary="x", audience="y")
    with pytest.raises(ValidationError):
        goal.full_clean()


def test_seeded_posters_carry_alt_text_credit_and_licence():
    """Each drawn poster has alt text, a credit and terms of use."""
    posters = CampaignImage.objects.filter(title__startswith="Poster:")
    assert posters.count() == 4
    for poster in posters:
        assert poster.description and poster.credit and poster.licence
        assert poster.width == 1600 and poster.height == 1000


def test_site_settings_hold_the_hotline():
    """The default site's settings carry the hotline and the organisation's address."""
    settings = CampaignSettings.for_site(
        Page.objects.get(depth=2, locale__language_code="en").get_site()
    )
    assert settings.hotline_phone == "1-888-373-7888"
    assert settings.hotline_tel == "+18883737888"
    assert "Hartford, CT" in settings.postal_address
