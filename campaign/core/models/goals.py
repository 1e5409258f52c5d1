"""The four goals of the End Demand campaign: the records that content is tagged and measured by."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class CampaignGoalQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("number")


class CampaignGoal(index.Indexed, models.Model):
    """One of the campaign's four goals, with a stable number and slug that never change."""

    number = models.PositiveSmallIntegerField(
        unique=True, help_text="The goal's number in the annual report (1 to 4)."
    )
    slug = models.SlugField(
        unique=True, help_text="Stable identifier used in links, analytics and reports."
    )
    title = models.CharField(max_length=120, help_text="E.g. 'Raise public awareness'.")
    summary = models.TextField(help_text="One or two sentences saying what the goal means.")
    audience = models.CharField(
        max_length=120, help_text="Who the goal asks to act, e.g. 'Local and state leaders'."
    )

    objects = CampaignGoalQuerySet.as_manager()

    panels = [
        FieldPanel("number"),
        FieldPanel("slug"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("audience"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("summary")]

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=4), name="campaign_goal_number_1_to_4"
            )
        ]

    def __str__(self) -> str:
        return f"Goal {self.number}: {self.title}"
