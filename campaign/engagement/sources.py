"""Where an indicator's daily values come from: Plausible, a first-party count registered by an
app through campaign.core.counts, or values the officer entered by hand."""

import datetime
import re
from decimal import Decimal

from django.db.models import Sum

from campaign.core.counts import CountSource

from .models import Indicator, ManualEntry, SourceKind
from .plausible import Filter, PlausibleClient

DailyValues = dict[datetime.date, Decimal]


class SourceError(Exception):
    """An indicator's source could not give values; the message says why."""


def days(day_from: datetime.date, day_to: datetime.date) -> list[datetime.date]:
    return [day_from + datetime.timedelta(days=n) for n in range((day_to - day_from).days + 1)]


def plausible_query(indicator: Indicator) -> tuple[str, list[Filter]]:
    """The metric and filters of the Stats API query behind a Plausible indicator."""
    config = indicator.source_config
    kind = indicator.source_kind
    if kind == SourceKind.PLAUSIBLE_PAGES:
        filters: list[Filter] = []
        if config.get("goal_tag"):
            # Pages carry their goals as one comma-separated `goal` property (pageview-props).
            filters.append(["contains", "event:props:goal", [config["goal_tag"]]])
        if config.get("path"):
            filters.append(["matches", "event:page", ["^" + re.escape(config["path"])]])
        return config.get("metric", "visitors"), filters
    if kind == SourceKind.PLAUSIBLE_GOAL:
        return config.get("metric", "events"), [["is", "event:goal", [config["goal"]]]]
    if kind == SourceKind.PLAUSIBLE_PROPERTY:
        return config.get("metric", "events"), [
            ["is", "event:goal", [config["goal"]]],
            ["contains", f"event:props:{config['property']}", [config["value"]]],
        ]
    raise SourceError(f"{indicator} is not a Plausible indicator")


def plausible_values(
    indicator: Indicator, day_from: datetime.date, day_to: datetime.date, client: PlausibleClient
) -> DailyValues:
    metric, filters = plausible_query(indicator)
    daily = client.daily(metric, day_from, day_to, filters)
    return {day: Decimal(str(value)) for day, value in daily.items()}


def count_values(
    indicator: Indicator,
    day_from: datetime.date,
    day_to: datetime.date,
    sources: dict[str, CountSource],
) -> DailyValues:
    key = indicator.source_config.get("key", "")
    source = sources.get(key)
    if source is None:
        raise SourceError(f"No app registers the count '{key}'")
    return {day: Decimal(source.count(day, day)) for day in days(day_from, day_to)}


def manual_values(
    indicator: Indicator, day_from: datetime.date, day_to: datetime.date
) -> DailyValues:
    totals = dict(
        ManualEntry.objects.filter(indicator=indicator, date__gte=day_from, date__lte=day_to)
        .values_list("date")
        .annotate(total=Sum("value"))
        .values_list("date", "total")
    )
    return {day: totals.get(day, Decimal(0)) for day in days(day_from, day_to)}
