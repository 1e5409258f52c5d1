"""Factories for the shared records and the home page: a test builds only what it needs.

`HomePageFactory()` makes a published home page under Wagtail's root and points the default site
at it, so requests to "/" reach it. App factories live in tests/<app>/factories.py.
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page, Site

from campaign.core.models import CampaignGoal, CampaignImage, Fact
from home.models import ContentPage, HomePage


class CampaignGoalFactory(DjangoModelFactory):
    class Meta:
        model = CampaignGoal
        django_get_or_create = ("number", "locale")

    number = factory.Sequence(lambda n: n % 4 + 1)
    slug = factory.LazyAttribute(lambda goal: f"test-goal-{goal.number}")
    title = factory.LazyAttribute(lambda goal: f"Test goal {goal.number}")
    locale = factory.LazyFunction(Locale.get_default)
    summary = "What the goal means, in a sentence."
    audience = "Everyone"


class FactFactory(DjangoModelFactory):
    class Meta:
        model = Fact

    figure = factory.Sequence(lambda n: str(100 + n))
    claim = factory.Sequence(lambda n: f"Test claim number {n}.")
    source_title = "Test report"
    source_url = "https://www.example.org/report.pdf"
    as_of = datetime.date(2016, 12, 31)


class CampaignImageFactory(wagtail_factories.ImageFactory):
    """A small image (10 × 10 pixels): renditions of it are quick to make."""

    class Meta:
        model = CampaignImage

    title = factory.Sequence(lambda n: f"Test image {n}")
    alt_text = "A test image"
    file = factory.django.ImageField(width=10, height=10, color="navy")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "End Demand CT"
    slug = "home"
    hero_heading = "No buyers. No trafficking."
    hero_text = "A test home page."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs.setdefault("parent", Page.get_first_root_node())
        page = super()._create(model_class, *args, **kwargs)
        page.save_revision().publish()
        Site.objects.filter(is_default_site=True).update(root_page=page)
        Site.clear_site_root_paths_cache()
        return page


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Test page {n}")
    intro = "A short summary."
    body = factory.LazyFunction(list)
