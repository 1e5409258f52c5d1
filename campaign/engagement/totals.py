"""Period totals of indicators that count people (unique visitors). A visitor who comes on five
days of a quarter is one visitor of that quarter, so the total is Plausible's count for the whole
range, never a sum of days: the sync stores it for each period it touches, and the report asks
Plausible for any other range the officer chooses, keeping the answer for a while."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from .models import Indicator, IndicatorTotal, period_bounds
from .plausible import PlausibleClient, PlausibleConfig, PlausibleError, is_configured
from .sources import counts_people, plausible_total

# A total of a range still running is asked again after this; one fetched after its range ended
# is final.
FRESH_FOR = datetime.timedelta(minutes=10)

Range = tuple[datetime.date, datetime.date]


@dataclass
class Totals:
    values: dict[int, Decimal] = field(default_factory=dict)
    problem: str = ""  # why Plausible could not be asked, for the report


def store_total(indicator: Indicator, start: datetime.date, end: datetime.date, value) -> None:
    IndicatorTotal.objects.update_or_create(
        indicator=indicator,
        start=start,
        end=end,
        defaults={"value": value, "fetched_at": timezone.now()},
    )


def sync_period_totals(
    indicator: Indicator, day_from: datetime.date, day_to: datetime.date, client: PlausibleClient
) -> None:
    """Store Plausible's total for each period the synced days fall in."""
    for start, end in {period_bounds(indicator.period, day) for day in (day_from, day_to)}:
        store_total(indicator, start, end, plausible_total(indicator, start, end, client))


def on_demand_client() -> PlausibleClient:
    # An admin page waits for the answer: one short try, no back-off.
    return PlausibleClient(PlausibleConfig.from_settings(retries=0, read_timeout=5.0))


def is_fresh(total: IndicatorTotal, now: datetime.datetime) -> bool:
    return timezone.localdate(total.fetched_at) > total.end or now - total.fetched_at < FRESH_FOR


def people_totals(
    indicators: Iterable[Indicator], ranges: dict[int, Range], ask: bool = True
) -> Totals:
    """The total of each people-counting indicator over its range: stored if fresh, else asked
    of Plausible (unless `ask` is false); when Plausible cannot answer, the last stored total
    (if any) and why."""
    wanted = [i for i in indicators if counts_people(i)]
    totals = Totals()
    if not wanted:
        return totals
    stored = {
        (t.indicator_id, t.start, t.end): t
        for t in IndicatorTotal.objects.filter(
            indicator__in=wanted, start__in={ranges[i.pk][0] for i in wanted}
        )
    }
    now, client = timezone.now(), None
    for indicator in wanted:
        start, end = ranges[indicator.pk]
        total = stored.get((indicator.pk, start, end))
        if total and is_fresh(total, now) or totals.problem or not ask or not is_configured():
            if total:
                totals.values[indicator.pk] = total.value
            continue
        try:
            client = client or on_demand_client()
            value = plausible_total(indicator, start, end, client)
        except PlausibleError as error:
            # Stop asking: every further indicator would wait for the same time-out.
            totals.problem = str(error)
            if total:
                totals.values[indicator.pk] = total.value
            continue
        store_total(indicator, start, end, value)
        totals.values[indicator.pk] = value
    return totals
