"""The Council's policy recommendations and where each stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class PolicyRecommendationQuerySet(models.QuerySet):
    def with_status(self, status: str):
        return self.filter(status=status)


class PolicyRecommendation(TranslatableMixin, index.Indexed, models.Model):
    """A recommendation the Council made to the General Assembly, with its vote and status."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        IN_DISCUSSION = "in_discussion", _("In discussion")
        ENACTED = "enacted", _("Enacted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Kind(models.TextChoices):
        POLICY_CONCEPT = "policy_concept", _("Policy concept")
        FURTHER_RESEARCH = "further_research", _("Further research and discussion")

    title = models.CharField(max_length=200, help_text="A short name for the recommendation.")
    statute = models.CharField(
        max_length=120,
        blank=True,
        help_text="The statute it concerns, e.g. 'Sec. 53a-83(c)'.",
    )
    summary = models.TextField(help_text="What the Council recommends, in plain words.")
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.POLICY_CONCEPT,
        help_text="The annual report's category.",
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.PROPOSED,
        help_text="Where the recommendation stands now.",
    )
    year = models.PositiveSmallIntegerField(help_text="The year of the report that made it.")
    council_vote = models.CharField(
        max_length=255,
        blank=True,
        help_text="How the Council voted, e.g. 'Approved by members at the Dec. 15, 2016 meeting'.",
    )
    opposition = models.CharField(
        max_length=255,
        blank=True,
        help_text="Members who opposed or abstained, as the report names them.",
    )
    goal = models.ForeignKey(
        "core.CampaignGoal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="policy_recommendations",
        help_text="The campaign goal this recommendation serves.",
    )

    objects = PolicyRecommendationQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("statute"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("status"), FieldPanel("year")], heading="Status"
        ),
        MultiFieldPanel([FieldPanel("council_vote"), FieldPanel("opposition")], heading="Vote"),
        FieldPanel("goal"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("statute"),
        index.SearchField("summary"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-year", "kind", "pk"]

    def __str__(self) -> str:
        return self.title
