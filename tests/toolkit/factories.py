"""Factories for toolkit tests: small images drawn in memory, and assets that use them."""

from io import BytesIO

import factory
from django.core.files.images import ImageFile
from factory.django import DjangoModelFactory
from PIL import Image, ImageDraw

from campaign.core.models import CampaignGoal, CampaignImage
from campaign.toolkit.models import AssetSize, CampaignAsset


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
        django_get_or_create = ("number",)

    number = 1
    slug = factory.LazyAttribute(lambda goal: f"goal-{goal.number}")
    title = factory.LazyAttribute(lambda goal: f"Goal {goal.number}")
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


class AssetSizeFactory(DjangoModelFactory):
    class Meta:
        model = AssetSize

    asset = factory.SubFactory(CampaignAssetFactory)
    preset = "square"
