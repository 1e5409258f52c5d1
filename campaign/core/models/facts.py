"""Facts: every statistic the site shows, each with its source and the date it holds for."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Fact(TranslatableMixin, index.Indexed, models.Model):
    """A figure and the claim it supports, reusable on any page, always shown with its source."""

    figure = models.CharField(max_length=40, help_text="The number as shown, e.g. '456' or '7:1'.")
    claim = models.CharField(
        max_length=300,
        help_text="What the figure means, in one sentence that reads on its own.",
    )
    source_title = models.CharField(
        max_length=255, help_text="The source's name, e.g. 'TIP Council 2016 Annual Report'."
    )
    source_url = models.URLField(blank=True, help_text="Link to the source, if it is online.")
    source_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Or the source document itself, uploaded to the documents library.",
    )
    as_of = models.DateField(help_text="The date the figure holds for.")
    goals = models.ManyToManyField(
        "core.CampaignGoal", blank=True, related_name="facts", help_text="Goals this fact supports."
    )

    panels = [
        FieldPanel("figure"),
        FieldPanel("claim"),
        MultiFieldPanel(
            [
                FieldPanel("source_title"),
                FieldPanel("source_url"),
                FieldPanel("source_document"),
                FieldPanel("as_of"),
            ],
            heading="Source",
        ),
        FieldPanel("goals"),
    ]
    search_fields = [
        index.SearchField("figure"),
        index.SearchField("claim"),
        index.SearchField("source_title"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-as_of", "pk"]

    def __str__(self) -> str:
        return f"{self.figure}: {self.claim}"

    def clean(self):
        if not self.source_url and not self.source_document_id:
            raise ValidationError("Give the source as a URL or a document: every fact shows one.")

    @property
    def source_link(self) -> str:
        """The URL a reader follows to check the fact: the document if there is one."""
        if self.source_document_id:
            return self.source_document.url
        return self.source_url
