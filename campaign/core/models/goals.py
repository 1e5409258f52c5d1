"""The four goals of the End Demand campaign: the records that content is tagged and measured by."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index


class CampaignGoalQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("number")

    def in_language(self):
        """The goals in the active language (the default language's when it has none)."""
        return self.filter(locale=Locale.get_active())


class CampaignGoal(TranslatableMixin, index.Indexed, models.Model):
    """One of the campaign's four goals, with a stable number and slug that never change."""

    # Unique per language (the constraints below): the Spanish copy keeps number and slug.
    number = models.PositiveSmallIntegerField(
        help_text="The goal's number in the annual report (1 to 4)."
    )
    slug = models.SlugField(help_text="Stable identifier used in links, analytics and reports.")
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

    class Meta(TranslatableMixin.Meta):
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "locale"], name="campaign_goal_number_per_locale"
            ),
            models.UniqueConstraint(
                fields=["slug", "locale"], name="campaign_goal_slug_per_locale"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=4), name="campaign_goal_number_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"Goal {self.number}: {self.title}"
