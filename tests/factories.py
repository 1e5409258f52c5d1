"""Factories for the shared records and the home app's pages: a test builds only what it needs.

One place per model: the core records (goals, facts, policy, images) and the home app's pages are
here; each app's own models are in tests/<app>/factories.py (newsroom: pages, releases, contacts,
boilerplates, clips; alerts: lists, contacts, alerts, deliveries; toolkit: the toolkit page, assets,
sizes, partners, blocked hosts; engagement: indicators, entries, snapshots, action forms).

`HomePageFactory()` makes a published home page under Wagtail's root and points the default site
at it, so requests to "/" reach it. Other pages go under `home_page()`, the site's home page (made
when there is none yet).
"""

import datetime
from io import BytesIO

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from factory.django import DjangoModelFactory
from PIL import Image, ImageDraw
from wagtail.models import Collection, Locale, Page, Site

from campaign.core.models import CampaignGoal, CampaignImage, Fact, PolicyRecommendation
from home.models import ContentPage, GoalPage, HomePage, PolicyPage


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


class PolicyRecommendationFactory(DjangoModelFactory):
    class Meta:
        model = PolicyRecommendation

    title = factory.Sequence(lambda n: f"Test recommendation {n}")
    summary = "Make buying sex the offence that is prosecuted."
    year = 2017


class CampaignImageFactory(wagtail_factories.ImageFactory):
    """A small image (10 × 10 pixels unless `size` says otherwise) in the root collection:
    renditions of it are quick to make."""

    class Meta:
        model = CampaignImage

    class Params:
        size = (10, 10)

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Test image {n}")
    description = "A test image"
    credit = "End Demand CT campaign"
    licence = "Free to share with credit"
    file = factory.LazyAttribute(lambda image: png(image.size))


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


def home_page() -> HomePage:
    """The site's home page, made by `HomePageFactory` when there is none yet."""
    return HomePage.objects.first() or HomePageFactory()


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Test page {n}")
    intro = "A short summary."
    body = factory.LazyFunction(list)


class GoalPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GoalPage

    parent = factory.LazyFunction(home_page)
    goal = factory.SubFactory(CampaignGoalFactory)
    title = factory.LazyAttribute(lambda page: page.goal.title)
    slug = factory.LazyAttribute(lambda page: page.goal.slug)
    intro = "What the goal means."
    problem = "<p>The problem, in plain words.</p>"


class PolicyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PolicyPage

    parent = factory.LazyFunction(home_page)
    title = "Policy"
    slug = "policy"
    intro = "What the Council recommends."
