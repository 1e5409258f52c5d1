"""The demo toolkit: a page at /toolkit/, an asset per poster, clearly fictional partners."""

import io

import pytest
from django.core.management import call_command

from campaign.toolkit.models import CampaignAsset, Partner, ToolkitPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_seed_makes_an_asset_for_every_poster_under_a_goal(toolkit):
    """Every seeded poster is an active asset tied to a goal, under a toolkit at /toolkit/."""
    assert toolkit.url == "/toolkit/"
    assets = CampaignAsset.objects.active()
    assert assets.count() == 4
    assert sorted(assets.values_list("goal__number", flat=True)) == [1, 2, 3, 4]


def test_seed_partners_are_demo_organisations_on_example_org():
    """The seeded partners say they are demos and only use example.org domains."""
    partners = Partner.objects.all()
    assert partners.count() == 3
    for partner in partners:
        assert "(demo partner" in partner.organisation
        assert all(domain.endswith("example.org") for domain in partner.domains)


def test_seeding_twice_changes_nothing():
    """Running the seed again adds no page, asset or partner."""
    before = (ToolkitPage.objects.count(), CampaignAsset.objects.count(), Partner.objects.count())
    call_command("seed_campaign", stdout=io.StringIO())
    after = (ToolkitPage.objects.count(), CampaignAsset.objects.count(), Partner.objects.count())
    assert before == after == (1, 4, 3)
