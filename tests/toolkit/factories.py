"""Factories for toolkit tests: small images drawn in memory, assets that use them (with no size
offered, or with every automatic size approved), partners and blocked hosts."""

from io import BytesIO

import factory
from django.core.files.images import ImageFile
from factory.django import DjangoModelFactory
from PIL import Image, ImageDraw
from wagtail.models import Locale

from campaign.core.models import CampaignGoal, CampaignImage
from campaign.toolkit.models import AssetSize, BlockedHost, CampaignAsset, Partner
from campaign.toolkit.presets import PRESETS
from campaign.toolkit.sizes import automatic_version


def png(size: tuple[int, int], colour="#808080", boxes=()) -> ImageFile:
    """A PNG of one colour with (box, colour) rectangles drawn on it."""
    picture = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    for box, fill in boxes:
        draw.rectangle([box[0], box[1], box[2] - 1, box[3] - 1], fill=fill)
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return ImageFile(buffer, name="test.png")


class CampaignGoalFactory(DjangoModelFactory):
    class Meta:
        model = CampaignGoal
        django_get_or_create = ("number", "locale")

    number = 1
    slug = factory.LazyAttribute(lambda goal: f"goal-{goal.number}")
    title = factory.LazyAttribute(lambda goal: f"Goal {goal.number}")
    locale = factory.LazyFunction(Locale.get_default)
    summary = "What the goal means."
    audience = "Everyone"


class CampaignImageFactory(DjangoModelFactory):
    class Meta:
        model = CampaignImage

    title = factory.Sequence(lambda n: f"Artwork {n}")
    alt_text = "Campaign artwork"
    credit = "End Demand CT campaign"
    licence = "Free to share with credit"
    file = factory.LazyAttribute(lambda image: png(image.size))

    class Params:
        size = (400, 250)


class CampaignAssetFactory(DjangoModelFactory):
    class Meta:
        model = CampaignAsset

    title = factory.Sequence(lambda n: f"Test asset {n}")
    slug = factory.Sequence(lambda n: f"test-asset-{n}")
    message = "Buyers drive trafficking."
    image = factory.SubFactory(CampaignImageFactory)
    goal = factory.SubFactory(CampaignGoalFactory)
    link_url = "https://campaign.example/learn/"


class AssetSizeFactory(DjangoModelFactory):
    class Meta:
        model = AssetSize

    asset = factory.SubFactory(CampaignAssetFactory)
    preset = "square"


class OfferedAssetFactory(CampaignAssetFactory):
    """An asset whose automatic sizes the officer has all approved, as partners would find it."""

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
