"""Daily snapshots: fetch each indicator's value per day from its source and store it, replacing
what a previous run stored for the same day, so re-running a day never double-counts."""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from campaign.core.counts import get_count_sources

from .models import Indicator, IndicatorSnapshot, SourceKind
from .plausible import PlausibleClient, PlausibleError, PlausibleNotConfigured, is_configured
from .sources import (
    DailyValues,
    SourceError,
    count_values,
    counts_people,
    forget_live_counts,
    manual_values,
    plausible_values,
)
from .totals import sync_period_totals

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncOutcome:
    indicator: Indicator
    days: int = 0
    error: str = ""
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


def default_range(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """Yesterday (now complete) and today (so far)."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=1), today


def sync_engagement(
    day_from: datetime.date,
    day_to: datetime.date,
    indicators: Iterable[Indicator] | None = None,
    client: PlausibleClient | None = None,
) -> list[SyncOutcome]:
    """Store one snapshot per indicator per day from day_from to day_to (inclusive).

    A failing source is recorded on its indicator (last_error) and does not stop the others.
    """
    if day_from > day_to:
        raise ValueError("The start date is after the end date.")
    indicators = list(indicators if indicators is not None else Indicator.objects.for_report())
    count_sources = get_count_sources()
    plausible_ready = is_configured()
    if plausible_ready and client is None:
        client = PlausibleClient()
    outcomes = []
    for indicator in indicators:
        if indicator.from_plausible and not plausible_ready:
            outcomes.append(SyncOutcome(indicator, skipped=True, error="Plausible is not set up"))
            continue
        try:
            values = fetch(indicator, day_from, day_to, count_sources, client)
            if counts_people(indicator):
                sync_period_totals(indicator, day_from, day_to, client)
        except (PlausibleError, SourceError) as error:
            outcomes.append(record_failure(indicator, str(error)))
            continue
        except Exception as error:
            # A bug in another app's count must not stop the other indicators from syncing.
            logger.exception("Count source failed for indicator %s", indicator.pk)
            outcomes.append(record_failure(indicator, f"{type(error).__name__}: {error}"))
            continue
        store(indicator, values)
        outcomes.append(SyncOutcome(indicator, days=len(values)))
    forget_live_counts(count_sources, timezone.localdate())
    return outcomes


def fetch(indicator, day_from, day_to, count_sources, client) -> DailyValues:
    if indicator.source_kind == SourceKind.COUNT:
        return count_values(indicator, day_from, day_to, count_sources)
    if indicator.source_kind == SourceKind.MANUAL:
        return manual_values(indicator, day_from, day_to)
    if client is None:
        raise PlausibleNotConfigured("Plausible is not set up")
    return plausible_values(indicator, day_from, day_to, client)


def store(indicator: Indicator, values: DailyValues) -> None:
    with transaction.atomic():
        for day, value in values.items():
            IndicatorSnapshot.objects.update_or_create(
                indicator=indicator, date=day, defaults={"value": value}
            )
        indicator.last_synced_at = timezone.now()
        indicator.last_error = ""
        indicator.save(update_fields=["last_synced_at", "last_error"])


def record_failure(indicator: Indicator, message: str) -> SyncOutcome:
    indicator.last_error = message[:1000]
    indicator.save(update_fields=["last_error"])
    return SyncOutcome(indicator, error=message)
