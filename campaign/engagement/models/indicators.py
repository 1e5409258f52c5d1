"""What the campaign measures per goal (indicators with targets), the values the officer enters by
hand, and the daily snapshots that the dashboard reads."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from campaign.core.models import CampaignGoal

from .periods import Period


class SourceKind(models.TextChoices):
    PLAUSIBLE_PAGES = "plausible_pages", "Plausible: visitors or pageviews of pages"
    PLAUSIBLE_GOAL = "plausible_goal", "Plausible: conversions of a goal"
    PLAUSIBLE_PROPERTY = "plausible_property", "Plausible: events with a property value"
    COUNT = "count", "First-party count"
    MANUAL = "manual", "Entered by hand"


PLAUSIBLE_KINDS = {
    SourceKind.PLAUSIBLE_PAGES,
    SourceKind.PLAUSIBLE_GOAL,
    SourceKind.PLAUSIBLE_PROPERTY,
}

# What each kind needs in source_config; checked when an editor saves an indicator.
REQUIRED_CONFIG = {
    SourceKind.PLAUSIBLE_PAGES: ("metric",),
    SourceKind.PLAUSIBLE_GOAL: ("goal",),
    SourceKind.PLAUSIBLE_PROPERTY: ("goal", "property", "value"),
    SourceKind.COUNT: ("key",),
    SourceKind.MANUAL: (),
}


class Aggregation(models.TextChoices):
    SUM = "sum", "Add up the days (events, visits, submissions)"
    LATEST = "latest", "Latest day's value (a level, such as active partners)"


class IndicatorQuerySet(models.QuerySet):
    def for_report(self):
        """Every indicator in the order of the annual report: by goal, then as the officer set."""
        return self.select_related("goal").order_by("goal__number", "sort_order", "name")

    def from_plausible(self):
        return self.filter(source_kind__in=PLAUSIBLE_KINDS)


class Indicator(models.Model):
    """One measure of progress on a campaign goal, with a target for each period."""

    # Never on a public page: saving one keeps rendered pages (campaign.core.content_version).
    shown_on_public_pages = False

    goal = models.ForeignKey(
        CampaignGoal,
        on_delete=models.PROTECT,
        related_name="indicators",
        help_text="The campaign goal this indicator measures.",
    )
    name = models.CharField(max_length=120, help_text="E.g. 'Leaders who took the pledge'.")
    description = models.TextField(
        blank=True, help_text="What is counted and why it shows progress, for the report."
    )
    source_kind = models.CharField(
        max_length=32, choices=SourceKind.choices, help_text="Where the value comes from."
    )
    source_config = models.JSONField(
        default=dict,
        blank=True,
        help_text='Plausible pages: {"metric": "visitors" or "pageviews", "goal_tag": "<goal '
        'slug>" or "path": "/start/of/path/"}. Plausible goal: {"goal": "<goal name>", '
        '"metric": "events" or "visitors"}. Plausible property: {"goal": "<event name>", '
        '"property": "<prop>", "value": "<value>"}. First-party count: {"key": "toolkit.'
        'impressions"}. By hand: {}.',
    )
    aggregation = models.CharField(
        max_length=8,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text="How daily values make up the period's value.",
    )
    target = models.DecimalField(
        max_digits=12, decimal_places=2, help_text="The value to reach in each period."
    )
    period = models.CharField(
        max_length=8,
        choices=Period.choices,
        default=Period.YEAR,
        help_text="The period the target applies to.",
    )
    unit = models.CharField(max_length=40, help_text="What is counted, e.g. 'visitors', 'pledges'.")
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first within a goal."
    )
    last_synced_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    objects = IndicatorQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("goal"), FieldPanel("name"), FieldPanel("description")],
            heading="What it measures",
        ),
        MultiFieldPanel(
            [FieldPanel("source_kind"), FieldPanel("source_config"), FieldPanel("aggregation")],
            heading="Where the value comes from",
        ),
        MultiFieldPanel(
            [
                FieldPanel("target"),
                FieldPanel("period"),
                FieldPanel("unit"),
                FieldPanel("sort_order"),
            ],
            heading="Target",
        ),
    ]

    class Meta:
        ordering = ["goal__number", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "name"], name="engagement_indicator_unique_name"
            )
        ]

    def __str__(self) -> str:
        return f"Goal {self.goal.number}: {self.name}"

    def clean(self) -> None:
        if not isinstance(self.source_config, dict):
            raise ValidationError({"source_config": "Enter a JSON object, e.g. {}."})
        missing = [
            k for k in REQUIRED_CONFIG.get(self.source_kind, ()) if not self.source_config.get(k)
        ]
        if missing:
            raise ValidationError({"source_config": f"This source needs: {', '.join(missing)}."})
        if self.source_kind == SourceKind.PLAUSIBLE_PAGES and not (
            self.source_config.get("goal_tag") or self.source_config.get("path")
        ):
            raise ValidationError({"source_config": "Give a goal_tag or a path."})

    @property
    def from_plausible(self) -> bool:
        return self.source_kind in PLAUSIBLE_KINDS


class ManualEntry(models.Model):
    """A value the officer enters by hand, e.g. legislators briefed on one day, with a note."""

    # Never on a public page: saving one keeps rendered pages (campaign.core.content_version).
    shown_on_public_pages = False

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="manual_entries",
        limit_choices_to={"source_kind": SourceKind.MANUAL},
        help_text="An indicator whose values are entered by hand.",
    )
    date = models.DateField(help_text="The day it happened.")
    value = models.DecimalField(
        max_digits=12, decimal_places=2, help_text="How many, e.g. 3 trainings given."
    )
    note = models.TextField(help_text="What happened and where the number comes from.")
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("indicator"), FieldPanel("date"), FieldPanel("value"), FieldPanel("note")]

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name_plural = "manual entries"

    def __str__(self) -> str:
        return f"{self.indicator.name}: {self.value} on {self.date:%Y-%m-%d}"

    def clean(self) -> None:
        if self.indicator_id and self.indicator.source_kind != SourceKind.MANUAL:
            raise ValidationError({"indicator": "This indicator is not entered by hand."})


class IndicatorSnapshotQuerySet(models.QuerySet):
    def between(self, day_from: datetime.date, day_to: datetime.date):
        return self.filter(date__gte=day_from, date__lte=day_to)


class IndicatorSnapshot(models.Model):
    """An indicator's value for one day. Syncing a day again replaces it."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="snapshots")
    date = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal(0))
    synced_at = models.DateTimeField(auto_now=True)

    objects = IndicatorSnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"], name="engagement_snapshot_one_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name} on {self.date:%Y-%m-%d}: {self.value}"


class IndicatorTotal(models.Model):
    """An indicator's value over a whole date range, as its source counts it. Unique visitors
    cannot be added up from days (who comes back on five days is one visitor, not five), so the
    sync stores Plausible's own count for each period and the report asks for other ranges."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="totals")
    start = models.DateField()
    end = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal(0))
    fetched_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "start", "end"], name="engagement_total_one_per_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name} {self.start:%Y-%m-%d} to {self.end:%Y-%m-%d}: {self.value}"
