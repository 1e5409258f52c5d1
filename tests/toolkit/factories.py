"""Factories for toolkit tests: the toolkit page, assets (with no size offered, or with every
automatic size approved), partners and blocked hosts. Images and `png` are in tests/factories.py."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from campaign.toolkit.models import AssetSize, BlockedHost, CampaignAsset, Partner, ToolkitPage
from campaign.toolkit.presets import PRESETS
from campaign.toolkit.sizes import automatic_version
from tests.factories import CampaignGoalFactory, CampaignImageFactory, home_page


class ToolkitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ToolkitPage

    parent = factory.LazyFunction(home_page)
    title = "Toolkit"
    slug = "toolkit"
    intro = "Campaign artwork partners may share."


class CampaignAssetFactory(DjangoModelFactory):
    class Meta:
        model = CampaignAsset

    title = factory.Sequence(lambda n: f"Test asset {n}")
    slug = factory.Sequence(lambda n: f"test-asset-{n}")
    message = "Buyers drive trafficking."
    image = factory.SubFactory(CampaignImageFactory, size=(400, 250))
    goal = factory.SubFactory(CampaignGoalFactory, number=1)
    link_url = "https://campaign.example/learn/"


class AssetSizeFactory(DjangoModelFactory):
    class Meta:
        model = AssetSize

    asset = factory.SubFactory(CampaignAssetFactory)
    preset = "square"


class OfferedAssetFactory(CampaignAssetFactory):
    """An asset whose automatic sizes the officer has all approved, as partners would find it."""

    class Meta:
        skip_postgeneration_save = True  # the hook saves the sizes; the asset is unchanged

    @factory.post_generation
    def approve_sizes(asset, create, extracted, **kwargs):
        if create:
            for preset in PRESETS.values():
                AssetSize.objects.update_or_create(
                    asset=asset,
                    preset=preset.key,
                    defaults={"approved_version": automatic_version(asset, preset)},
                )


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    organisation = factory.Sequence(lambda n: f"Factory partner {n}")
    website = "https://partner.test/"
    allowed_domains = "partner.test\n*.partner.test"
    contact_email = factory.Sequence(lambda n: f"partner{n}@partner.test")
    code = factory.Sequence(lambda n: f"factory-partner-{n}")


class BlockedHostFactory(DjangoModelFactory):
    class Meta:
        model = BlockedHost

    host = "blocked.test"
    reason = "Shows the campaign beside adverts for escorts."
