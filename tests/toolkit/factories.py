"""Factories for toolkit tests: assets with a small real image, partners, blocked hosts."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from campaign.core.models import CampaignGoal, CampaignImage
from campaign.toolkit.models import BlockedHost, CampaignAsset, Partner


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = CampaignGoal
        django_get_or_create = ("number",)

    number = 2
    slug = "reduce-demand"
    title = "Reduce demand"
    summary = "Fewer people buy sex."
    audience = "Men who buy"


class CampaignImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CampaignImage

    title = factory.Sequence(lambda n: f"Poster {n}")
    alt_text = "A plum poster that reads 'Buying sex is not a victimless act'."
    credit = "Factory poster credit"
    licence = "Free to share unaltered with credit"
    file = factory.django.ImageField(width=160, height=120, color="purple")


class CampaignAssetFactory(DjangoModelFactory):
    class Meta:
        model = CampaignAsset

    title = factory.Sequence(lambda n: f"Factory asset {n}")
    slug = factory.Sequence(lambda n: f"factory-asset-{n}")
    message = "Buying sex fuels trafficking."
    image = factory.SubFactory(CampaignImageFactory)
    goal = factory.SubFactory(GoalFactory)
    link_url = "https://campaign.example/learn/"


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
