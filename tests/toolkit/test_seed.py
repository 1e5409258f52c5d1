"""The demo toolkit: a page at /toolkit/, an asset per poster, clearly fictional partners."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from campaign.core.models import CampaignImage
from campaign.toolkit.models import AssetSize, CampaignAsset, Partner, ToolkitPage
from campaign.toolkit.presets import PRESETS
from campaign.toolkit.sizes import asset_sizes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_seed_makes_an_asset_for_every_poster_under_a_goal(toolkit):
    """Every seeded poster is an active asset tied to a goal, under a toolkit at /toolkit/."""
    assert toolkit.url == "/toolkit/"
    assets = CampaignAsset.objects.active().filter(locale=Locale.get_default())
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
    models = [ToolkitPage, CampaignAsset, Partner, AssetSize, CampaignImage]
    before = [model.objects.count() for model in models]
    call_command("seed_campaign", stdout=io.StringIO())
    assert [model.objects.count() for model in models] == before


def test_seeded_assets_have_designed_artwork_for_every_size(seeded_site):
    """Every seeded asset, English or Spanish, offers every size as artwork drawn for it, at
    its exact pixels."""
    for asset in CampaignAsset.objects.all():
        for size in asset_sizes(asset):
            artwork = size.artwork
            assert size.designed and size.offered
            assert (artwork.width, artwork.height) == (size.preset.width, size.preset.height)
            assert artwork.description and artwork.credit and artwork.licence
    assert AssetSize.objects.count() == 2 * 4 * len(PRESETS)  # English and Spanish
