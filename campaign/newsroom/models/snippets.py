"""Reusable newsroom records: media contacts, the Council's boilerplate and press clips."""

import datetime

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.search import index


class MediaContact(index.Indexed, models.Model):
    """A person journalists can call or write to about a release."""

    name = models.CharField(max_length=120, help_text="E.g. 'Christine Palm'.")
    title = models.CharField(
        max_length=120, blank=True, help_text="Their job title, e.g. 'Public Information Officer'."
    )
    organisation = models.CharField(
        max_length=200, blank=True, help_text="Who they speak for, if not the Council itself."
    )
    phone = models.CharField(max_length=30, blank=True, help_text="The main number to call.")
    alternate_phone = models.CharField(
        max_length=30, blank=True, help_text="A second number, e.g. a mobile, if any."
    )
    email = models.EmailField(blank=True, help_text="An address journalists may write to.")

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("title"), FieldPanel("organisation")], heading="Who"
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("alternate_phone"), FieldPanel("email")],
            heading="How to reach them",
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("organisation")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name

    @property
    def phones(self) -> list[str]:
        return [number for number in (self.phone, self.alternate_phone) if number]


class Boilerplate(models.Model):
    """The 'About the Council' paragraph that closes every release, written once."""

    heading = models.CharField(
        max_length=120, default="About the Council", help_text="Shown above the text."
    )
    text = RichTextField(
        features=["bold", "italic", "link"], help_text="Who the Council is, in a few sentences."
    )
    is_default = models.BooleanField(
        default=False, help_text="Used by releases that do not choose a boilerplate."
    )

    panels = [FieldPanel("heading"), FieldPanel("text"), FieldPanel("is_default")]

    class Meta:
        verbose_name = "boilerplate"
        ordering = ["-is_default", "heading"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="newsroom_one_default_boilerplate",
            )
        ]

    def __str__(self) -> str:
        return self.heading


class PressClipQuerySet(models.QuerySet):
    def dated_between(self, day_from: datetime.date, day_to: datetime.date):
        return self.filter(published_on__gte=day_from, published_on__lte=day_to)

    def newest_first(self):
        return self.order_by("-published_on", "outlet")


class PressClip(index.Indexed, models.Model):
    """A story in the press about the campaign, usually coverage of one of our releases."""

    outlet = models.CharField(max_length=120, help_text="The newspaper, station or site.")
    headline = models.CharField(max_length=300, help_text="The story's headline as published.")
    url = models.URLField(
        max_length=500, unique=True, verbose_name="URL", help_text="Where the story can be read."
    )
    published_on = models.DateField(help_text="The date the story appeared.")
    release = models.ForeignKey(
        "newsroom.PressReleasePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_clips",
        help_text="The release the story covers, if any.",
    )
    reach = models.PositiveIntegerField(
        null=True, blank=True, help_text="Readers or listeners, if the outlet says."
    )
    about = models.TextField(blank=True, help_text="A note for the team: what the story covers.")

    objects = PressClipQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("outlet"),
                FieldPanel("headline"),
                FieldPanel("url"),
                FieldPanel("published_on"),
            ],
            heading="The story",
        ),
        PageChooserPanel("release", "newsroom.PressReleasePage"),
        FieldPanel("reach"),
        FieldPanel("about"),
    ]
    search_fields = [index.SearchField("headline"), index.SearchField("outlet")]

    class Meta:
        ordering = ["-published_on", "outlet"]
        verbose_name = "press clip"

    def __str__(self) -> str:
        return f"{self.outlet}: {self.headline}"
