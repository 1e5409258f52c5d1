"""The newsroom's page types: the newsroom listing and the press releases under it."""

import datetime
import html

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from campaign.core.models import BasePage

from .. import feeds, plaintext, structured_data
from ..blocks import PressReleaseBodyBlock
from ..dates import RELEASE_TIME_ZONE, format_release_date, format_release_time
from .snippets import Boilerplate, PressClip

RELEASES_PER_PAGE = 10
CLIPS_ON_NEWSROOM = 10
SUMMARY_WORDS = 40


class PressReleaseQuerySet(PageQuerySet):
    def released(self):
        """Releases whose embargo, if any, has lifted: the only ones the public may see."""
        return self.exclude(embargo_until__gt=timezone.now())

    def embargoed(self):
        """Releases still under embargo: the complement of released()."""
        return self.filter(embargo_until__gt=timezone.now())

    def newest_first(self):
        return self.order_by("-release_at", "-pk")

    def released_between(self, day_from: datetime.date, day_to: datetime.date):
        """Released on the inclusive range of dates, counted in the Council's time zone."""
        start = datetime.datetime.combine(day_from, datetime.time.min, RELEASE_TIME_ZONE)
        end = datetime.datetime.combine(
            day_to + datetime.timedelta(days=1), datetime.time.min, RELEASE_TIME_ZONE
        )
        return self.filter(release_at__gte=start, release_at__lt=end)


PressReleaseManager = PageManager.from_queryset(PressReleaseQuerySet)


class NewsroomFilterForm(forms.Form):
    """The listing's filters; anything else in the query string is an error shown to the reader."""

    year = forms.IntegerField(required=False, min_value=1900, max_value=2999)
    topic = forms.SlugField(required=False, max_length=100)
    page = forms.IntegerField(required=False, min_value=1)


class NewsroomPage(RoutablePageMixin, BasePage):
    """The newsroom: the Council's press releases, newest first, with feeds and press coverage."""

    template = "newsroom/newsroom_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsroom.PressReleasePage"]
    max_count = 1
    cached_query_params = tuple(NewsroomFilterForm.base_fields)

    intro = models.TextField(
        blank=True, help_text="A sentence or two for journalists, shown under the title."
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    def get_cached_paths(self) -> list[str]:
        return ["/", "/feed/rss/", "/feed/atom/"]

    @cached_property
    def public_releases(self) -> PressReleaseQuerySet:
        """Every release the public may see here, newest first (the view restrictions are read
        once per request)."""
        return PressReleasePage.objects.child_of(self).live().public().released().newest_first()

    def releases(self) -> PressReleaseQuerySet:
        return self.public_releases.all()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = NewsroomFilterForm(request.GET)
        # Lazy: none of it is loaded when the rendered page comes from the cache.
        context.update(
            filter_form=form,
            releases=SimpleLazyObject(lambda: self.filtered_releases(form)),
            years=SimpleLazyObject(
                lambda: [d.year for d in self.releases().dates("release_at", "year", order="DESC")]
            ),
            topics=SimpleLazyObject(lambda: PressReleaseTopic.topics_in_use(self.releases())),
            press_clips=PressClip.objects.newest_first()[:CLIPS_ON_NEWSROOM],
        )
        return context

    def filtered_releases(self, form: NewsroomFilterForm):
        """The page of releases the filters ask for (none when they are not valid)."""
        if not form.is_valid():
            return Paginator(self.releases().none(), RELEASES_PER_PAGE).get_page(1)
        releases = self.releases()
        if form.cleaned_data["year"]:
            releases = releases.filter(release_at__year=form.cleaned_data["year"])
        if form.cleaned_data["topic"]:
            releases = releases.filter(topics__slug=form.cleaned_data["topic"])
        paginator = Paginator(releases.prefetch_related("topics"), RELEASES_PER_PAGE)
        return paginator.get_page(form.cleaned_data["page"])

    @path("")
    def index(self, request):
        response = self.render(request)
        if not response.context_data["filter_form"].is_valid():
            response.status_code = 400
        return response

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return feeds.RssReleaseFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return feeds.AtomReleaseFeed(self)(request)


class PressReleasePage(RoutablePageMixin, BasePage):
    """One press release: headline, status line, dateline, body, contacts and the closing '###'."""

    template = "newsroom/press_release_page.html"
    parent_page_types = ["newsroom.NewsroomPage"]
    subpage_types = []

    subheadline = models.CharField(
        max_length=255, blank=True, help_text="A second line under the headline, if any."
    )
    summary = models.TextField(
        blank=True,
        help_text="One or two sentences for listings, feeds and sharing. Leave empty to use "
        "the first paragraph.",
    )
    release_at = models.DateTimeField(
        default=timezone.now,
        help_text="The release date and time (Eastern time). With an embargo, the embargo time.",
    )
    embargo_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Off every public page until this time; it then goes live by itself. Set "
        "from the go-live time in Wagtail's schedule dialog.",
    )
    dateline = models.CharField(
        max_length=60, default="HARTFORD", help_text="The city the news comes from, e.g. HARTFORD."
    )
    body = StreamField(PressReleaseBodyBlock(), help_text="The release's text.")
    contacts = ParentalManyToManyField(
        "newsroom.MediaContact",
        blank=True,
        related_name="press_releases",
        help_text="Who journalists can call about this release.",
    )
    boilerplate = models.ForeignKey(
        "newsroom.Boilerplate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The 'About the Council' text at the end. Leave empty for the default one.",
    )
    topics = ClusterTaggableManager(
        through="newsroom.PressReleaseTopic",
        blank=True,
        help_text="Topics readers can filter the newsroom by, e.g. 'legislation'.",
    )
    goals = ParentalManyToManyField(
        "core.CampaignGoal",
        blank=True,
        related_name="press_releases",
        help_text="The campaign goals this release serves.",
    )

    objects = PressReleaseManager()

    content_panels = [
        MultiFieldPanel(
            [TitleFieldPanel("title", heading="Headline"), FieldPanel("subheadline")],
            heading="Headline",
        ),
        MultiFieldPanel(
            [FieldPanel("release_at"), FieldPanel("dateline")],
            heading="Release",
            help_text="To embargo the release, set its go-live time with “Schedule” in the "
            "status panel: the release stays off every public page until then, the press can "
            "have preview links, and it goes live by itself.",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("contacts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("boilerplate"),
            ],
            heading="Contacts and boilerplate",
        ),
        InlinePanel("attachments", label="Attachments"),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Topics and goals",
        ),
        InlinePanel("related_links", label="Related releases"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subheadline"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("release_at"),
        index.FilterField("embargo_until"),
    ]
    api_fields = [
        APIField("subheadline"),
        APIField("summary_text", serializer=serializers.CharField(read_only=True)),
        APIField("release_at"),
        APIField("dateline"),
        APIField("status_line", serializer=serializers.CharField(read_only=True)),
        APIField("body"),
        APIField(
            "goals",
            serializer=serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True),
        ),
    ]

    class Meta:
        verbose_name = "press release"
        # newest_first() on the home page, the newsroom and the feeds: read in index order
        # instead of sorting every release.
        indexes = [models.Index(fields=["-release_at", "-page_ptr"], name="release_newest_first")]

    def clean(self):
        """The embargo is the go-live time of Wagtail's schedule dialog, the one control the
        officer sets; code that sets `embargo_until` (the importer, the seed) schedules too."""
        super().clean()
        previous_embargo, previous_go_live = self.previous_schedule()
        if self.embargo_until != previous_embargo and self.go_live_at == previous_go_live:
            self.go_live_at = self.embargo_until
        else:
            self.embargo_until = self.go_live_at
        if self.embargo_until:
            self.release_at = self.embargo_until
        if self.expire_at and self.embargo_until and self.expire_at <= self.embargo_until:
            raise ValidationError({"expire_at": "A release cannot expire before its embargo."})

    def previous_schedule(self) -> tuple[datetime.datetime | None, datetime.datetime | None]:
        """The embargo and go-live time of the latest saved draft, to tell which one changed."""
        revision = self.get_latest_revision() if self.pk else None
        content = revision.content if revision else {}
        return tuple(
            parse_datetime(content[name]) if content.get(name) else None
            for name in ("embargo_until", "go_live_at")
        )

    @property
    def is_embargoed(self) -> bool:
        return bool(self.embargo_until and self.embargo_until > timezone.now())

    @property
    def status_line(self) -> str:
        if self.is_embargoed:
            return f"EMBARGOED UNTIL {format_release_time(self.embargo_until)}"
        return "FOR IMMEDIATE RELEASE"

    @property
    def release_date_display(self) -> str:
        return format_release_date(self.release_at)

    @property
    def news_date(self) -> datetime.datetime:
        return self.release_at

    @property
    def summary_text(self) -> str:
        if self.summary:
            return self.summary
        if self.search_description:
            return self.search_description
        for block in self.body:
            if block.block_type == "paragraph":
                text = html.unescape(strip_tags(block.value.source))
                return Truncator(text).words(SUMMARY_WORDS)
        return ""

    def get_meta_description(self) -> str:
        return self.summary_text

    def get_newsroom(self) -> "NewsroomPage | None":
        # Routing has already loaded the parent: no query for a served release.
        parent = self.get_parent().specific if self.pk else None
        return parent if isinstance(parent, NewsroomPage) else None

    def get_boilerplate(self):
        return self.boilerplate or Boilerplate.objects.filter(is_default=True).first()

    def related_releases(self):
        ids = [link.related_id for link in self.related_links.all()]
        if not ids:
            return PressReleasePage.objects.none()
        return PressReleasePage.objects.filter(pk__in=ids).live().public().released().newest_first()

    def get_cached_paths(self) -> list[str]:
        return ["/", "/txt/"]

    def get_sitemap_urls(self, request=None):
        if self.is_embargoed:
            return []
        return super().get_sitemap_urls(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: none of it is loaded when the rendered page comes from the cache.
        context.update(
            boilerplate=SimpleLazyObject(self.get_boilerplate),
            contacts=self.contacts.all(),
            attachments=self.attachments.select_related("document"),
            topics=SimpleLazyObject(lambda: list(self.topics.all())),
            related_releases=SimpleLazyObject(lambda: list(self.related_releases())),
            press_clips=self.press_clips.newest_first() if self.pk else [],
            json_ld=SimpleLazyObject(lambda: structured_data.news_article(self, request)),
            newsroom=SimpleLazyObject(self.get_newsroom),
        )
        return context

    @path("")
    def index(self, request):
        if self.is_embargoed and not getattr(request, "is_preview", False):
            raise Http404("This release is under embargo.")
        return self.render(request)

    @path("txt/", name="plain_text")
    def plain_text(self, request):
        if self.is_embargoed:
            raise Http404("This release is under embargo.")
        return HttpResponse(
            render_to_string("newsroom/press_release.txt", plaintext.context(self, request)),
            content_type="text/plain; charset=utf-8",
        )


class PressReleaseTopic(TaggedItemBase):
    content_object = ParentalKey(
        PressReleasePage, on_delete=models.CASCADE, related_name="tagged_items"
    )

    @staticmethod
    def topics_in_use(releases) -> list:
        return list(
            Tag.objects.filter(newsroom_pressreleasetopic_items__content_object__in=releases)
            .distinct()
            .order_by("name")
        )


class PressReleaseAttachment(Orderable):
    """A file that goes with a release, e.g. the annual report PDF."""

    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A document from the library.",
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="Leave empty to use the document's title."
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class PressReleaseRelatedLink(Orderable):
    """Another release readers of this one should see."""

    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        PressReleasePage,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A related press release.",
    )

    panels = [PageChooserPanel("related", "newsroom.PressReleasePage")]
