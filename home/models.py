"""The site's page types: home, the four goal pages, general content and the policy page."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from campaign.core.blocks import AudienceActionBlock, BodyStreamBlock
from campaign.core.models import BasePage, CampaignGoal, PolicyRecommendation
from campaign.core.navigation import action_pages

LATEST_NEWS_HOOK = "campaign_latest_news"


class HomePage(BasePage):
    """The front page: the campaign's message, key facts, the four goals, the hotline and news."""

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.GoalPage",
        "home.ContentPage",
        "home.PolicyPage",
        "engagement.ActionFormPage",
        "toolkit.ToolkitPage",
        "newsroom.NewsroomPage",
    ]
    max_count = 1

    hero_heading = models.CharField(
        max_length=120, help_text="The campaign's message in a few words, shown as the page title."
    )
    hero_text = models.TextField(help_text="Two or three sentences under the heading.")
    hero_image = models.ForeignKey(
        "core.CampaignImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A campaign poster shown beside the message.",
    )
    goals_heading = models.CharField(
        max_length=120, default="What the campaign sets out to do", help_text="Above the goals."
    )
    goals_intro = models.TextField(blank=True, help_text="A sentence introducing the goals.")
    hotline_heading = models.CharField(
        max_length=120,
        default="Suspect trafficking? Call the hotline.",
        help_text="Above the hotline number, which comes from the site settings.",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading="Campaign message",
        ),
        InlinePanel("key_facts", label="Key facts", max_num=6),
        MultiFieldPanel([FieldPanel("goals_heading"), FieldPanel("goals_intro")], heading="Goals"),
        FieldPanel("hotline_heading"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
    ]

    def get_meta_description(self) -> str:
        return self.search_description or self.hero_text

    def get_social_image(self):
        return self.social_image or self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: none of it is loaded when the rendered page comes from the cache.
        context["facts"] = SimpleLazyObject(
            lambda: [item.fact for item in self.key_facts.select_related("fact")]
        )
        context["goal_pages"] = SimpleLazyObject(
            lambda: list(
                GoalPage.objects.live()
                .public()
                .filter(locale_id=self.locale_id)  # the Spanish home page lists the Spanish goals
                .select_related("goal")
                .order_by("goal__number")
            )
        )
        context["latest_news"] = SimpleLazyObject(lambda: latest_news(limit=3))
        context["actions"] = SimpleLazyObject(lambda: action_pages(self))
        return context


def latest_news(limit: int) -> list:
    """The newest items from every app that registers news (the newsroom), newest first."""
    items = [item for fn in hooks.get_hooks(LATEST_NEWS_HOOK) for item in fn(limit)]
    items.sort(key=lambda item: item.news_date, reverse=True)
    return items[:limit]


class HomePageFact(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="key_facts")
    fact = models.ForeignKey(
        "core.Fact", on_delete=models.CASCADE, related_name="+", help_text="A fact to feature."
    )

    panels = [FieldPanel("fact")]


class GoalPage(BasePage):
    """One campaign goal: the problem it answers and what each kind of reader can do about it."""

    template = "pages/goal_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ContentPage"]
    max_count = 4

    goal = models.OneToOneField(
        CampaignGoal,
        on_delete=models.PROTECT,
        related_name="goal_page",
        help_text="The campaign goal this page explains (one page per goal).",
    )
    intro = models.TextField(help_text="A short summary shown at the top and in goal listings.")
    problem = RichTextField(
        features=["h3", "bold", "italic", "link", "ul", "ol"],
        help_text="What the problem is, in plain words.",
    )
    actions = StreamField(
        [("action", AudienceActionBlock())],
        blank=True,
        help_text="What a visitor, a leader, an officer or a lawmaker can do.",
    )
    body = StreamField(BodyStreamBlock(), blank=True, help_text="Anything more: facts, FAQs.")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("goal"),
        FieldPanel("intro"),
        FieldPanel("problem"),
        FieldPanel("actions"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("problem"),
        index.SearchField("actions"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("goal_number", serializer=serializers.IntegerField(source="goal.number")),
        APIField("goal_slug", serializer=serializers.CharField(source="goal.slug")),
        APIField("intro"),
        APIField("problem"),
        APIField("actions"),
    ]

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["facts"] = SimpleLazyObject(lambda: list(self.goal.facts.all()))
        context["recommendations"] = SimpleLazyObject(
            lambda: list(self.goal.policy_recommendations.all())
        )
        return context


class ContentPage(BasePage):
    """A general page built from blocks: text, images, facts, quotes, downloads, FAQs."""

    template = "pages/content_page.html"
    parent_page_types = ["home.HomePage", "home.ContentPage", "home.GoalPage"]
    subpage_types = ["home.ContentPage"]

    intro = models.TextField(blank=True, help_text="A short summary shown under the title.")
    body = StreamField(BodyStreamBlock(), help_text="The page's content.")

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    def get_meta_description(self) -> str:
        return self.search_description or self.intro


class PolicyPage(BasePage):
    """The Council's policy recommendations, grouped by where each stands."""

    template = "pages/policy_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ContentPage"]
    max_count = 1

    intro = models.TextField(help_text="What the recommendations are and who they are made to.")
    body = StreamField(BodyStreamBlock(), blank=True, help_text="Shown after the list.")

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = SimpleLazyObject(self.recommendation_groups)
        return context

    def recommendation_groups(self) -> list:
        """(status label, [recommendations]) for every status, in the order of the choices."""
        recommendations = PolicyRecommendation.objects.filter(locale=self.locale).select_related(
            "goal"
        )
        return [
            (label, [r for r in recommendations if r.status == value])
            for value, label in PolicyRecommendation.Status.choices
        ]


# The synonyms the search page applies live with the rest of search, in home.search.
from .search import SearchSynonym  # noqa: E402, F401
