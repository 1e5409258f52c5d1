"""Where an indicator's daily values come from: Plausible, a first-party count registered by an
app through campaign.core.counts, or values the officer entered by hand."""

import datetime
import logging
import re
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Sum

from campaign.core.counts import CountSource, get_count_sources

from .models import Indicator, ManualEntry, SourceKind
from .plausible import Filter, PlausibleClient

logger = logging.getLogger(__name__)

# Today's first-party counts are read live for the report and kept this many seconds.
LIVE_COUNT_SECONDS = 60

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


# Metrics that count people: a period's value is Plausible's count for the period, never a sum
# of days.
UNIQUE_METRICS = {"visitors"}


def counts_people(indicator: Indicator) -> bool:
    return indicator.from_plausible and plausible_query(indicator)[0] in UNIQUE_METRICS


def plausible_total(
    indicator: Indicator, day_from: datetime.date, day_to: datetime.date, client: PlausibleClient
) -> Decimal:
    metric, filters = plausible_query(indicator)
    return Decimal(str(client.aggregate(metric, day_from, day_to, filters)))


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


def live_count_key(key: str, day: datetime.date) -> str:
    return f"engagement:today:{key}:{day}"


def forget_live_counts(keys, day: datetime.date) -> None:
    """After a sync, the report reads today's counts afresh rather than a minute-old copy."""
    cache.delete_many([live_count_key(key, day) for key in keys])


def todays_values(indicators: list[Indicator], today: datetime.date) -> dict[int, Decimal]:
    """Today's first-party and hand-entered values as they stand, so that the report does not
    wait for the nightly sync."""
    values: dict[int, Decimal] = {}
    manual = [i for i in indicators if i.source_kind == SourceKind.MANUAL]
    if manual:
        values = {i.pk: Decimal(0) for i in manual}
        values.update(
            ManualEntry.objects.filter(indicator__in=manual, date=today)
            .values_list("indicator")
            .annotate(total=Sum("value"))
            .values_list("indicator", "total")
        )
    sources = get_count_sources()
    for indicator in indicators:
        source = sources.get(indicator.source_config.get("key", ""))
        if indicator.source_kind != SourceKind.COUNT or source is None:
            continue
        try:
            count = cache.get_or_set(
                live_count_key(source.key, today),
                lambda source=source: source.count(today, today),
                LIVE_COUNT_SECONDS,
            )
        except Exception:
            # Another app's bug must not break the report; the synced value stays.
            logger.exception("Count source %s failed", source.key)
            continue
        values[indicator.pk] = Decimal(count)
    return values
