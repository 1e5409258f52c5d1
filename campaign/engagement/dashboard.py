"""The numbers behind the admin report: each goal's indicators, their value in the chosen period
(or any date range) against the target, a trend line, and when each last synced. A bounded
number of queries whatever the size."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from campaign.core.models import CampaignGoal

from .models import Aggregation, Indicator, IndicatorSnapshot, period_bounds, period_label
from .plausible import is_configured
from .sources import counts_people, todays_values
from .totals import people_totals

TREND_WIDTH = 240
TREND_HEIGHT = 48
PERIOD_CHOICES = [
    ("1", gettext_lazy("Previous period")),
    ("2", gettext_lazy("Two periods ago")),
]


@dataclass
class IndicatorRow:
    indicator: Indicator
    start: datetime.date
    end: datetime.date
    value: Decimal
    has_data: bool
    daily: dict = field(default_factory=dict)
    chosen_range: bool = False
    trend_points: str = ""
    target_y: float = 0.0

    @property
    def counts_people(self) -> bool:
        return counts_people(self.indicator)

    @property
    def label(self) -> str:
        if self.chosen_range:
            return _("%(start)s to %(end)s") % {"start": self.start, "end": self.end}
        return period_label(self.indicator.period, self.start)

    @property
    def percent(self) -> int:
        target = self.indicator.target
        if not target:
            return 0
        return int(min(self.value / target * 100, Decimal(100)))

    @property
    def met(self) -> bool:
        return self.value >= self.indicator.target


@dataclass
class GoalReport:
    goal: CampaignGoal
    rows: list[IndicatorRow] = field(default_factory=list)


@dataclass
class Report:
    goals: list[GoalReport]
    plausible_configured: bool
    back: int
    plausible_problem: str = ""

    @property
    def errors(self) -> list[Indicator]:
        return [r.indicator for g in self.goals for r in g.rows if r.indicator.last_error]


def period_value(indicator: Indicator, daily: list[tuple[datetime.date, Decimal]]) -> Decimal:
    if not daily:
        return Decimal(0)
    if indicator.aggregation == Aggregation.LATEST:
        return max(daily)[1]
    return sum((value for _, value in daily), Decimal(0))


def trend(indicator: Indicator, daily: dict, start: datetime.date, end: datetime.date) -> tuple:
    """SVG polyline points of the running value across the period, and the target's height.
    Visitors are drawn day by day: their running sum is not a number of people."""
    n_days = (end - start).days + 1
    running, values = Decimal(0), []
    for n in range(n_days):
        value = daily.get(start + datetime.timedelta(days=n))
        if counts_people(indicator):
            running = value or Decimal(0)
        elif indicator.aggregation == Aggregation.LATEST:
            running = value if value is not None else running
        else:
            running += value or 0
        values.append(running)
    # Headroom above the higher of target and value, so neither line sits on the edge.
    top = max([*values, indicator.target, Decimal(1)]) * Decimal("1.1")
    step = TREND_WIDTH / max(n_days - 1, 1)
    points = " ".join(
        f"{n * step:.1f},{TREND_HEIGHT - float(v / top) * TREND_HEIGHT:.1f}"
        for n, v in enumerate(values)
    )
    return points, TREND_HEIGHT - float(indicator.target / top) * TREND_HEIGHT


def build_report(
    today: datetime.date,
    back: int = 0,
    date_range: tuple[datetime.date, datetime.date] | None = None,
    indicators: list[Indicator] | None = None,
    ask_plausible: bool = True,
) -> Report:
    """Every goal with its indicators' values for the period `back` periods before today's, or
    for `date_range` when one is chosen. Given `indicators`, only their goals are listed.
    Without `ask_plausible`, visitor totals are the stored ones only."""
    goals = list(CampaignGoal.objects.filter(locale=Locale.get_default()).in_order())
    if indicators is None:
        indicators = list(Indicator.objects.for_report())
    else:
        goals = [g for g in goals if any(i.goal_id == g.pk for i in indicators)]
    bounds = {i.pk: date_range or period_bounds(i.period, today, back) for i in indicators}
    daily: dict[int, dict[datetime.date, Decimal]] = defaultdict(dict)
    if indicators:
        low = min(start for start, _ in bounds.values())
        high = max(end for _, end in bounds.values())
        rows = IndicatorSnapshot.objects.between(low, high).values_list(
            "indicator_id", "date", "value"
        )
        for indicator_id, day, value in rows:
            start, end = bounds.get(indicator_id, (None, None))
            if start and start <= day <= end:
                daily[indicator_id][day] = value
        live = [i for i in indicators if bounds[i.pk][0] <= today <= bounds[i.pk][1]]
        for indicator_id, value in todays_values(live, today).items():
            daily[indicator_id][today] = value
    totals = people_totals(indicators, bounds, ask=ask_plausible)
    by_goal = {goal.pk: GoalReport(goal) for goal in goals}
    for indicator in indicators:
        start, end = bounds[indicator.pk]
        days = daily[indicator.pk]
        if counts_people(indicator):
            value = totals.values.get(indicator.pk, Decimal(0))
            has_data = indicator.pk in totals.values
        else:
            value, has_data = period_value(indicator, sorted(days.items())), bool(days)
        row = IndicatorRow(
            indicator, start, end, value, has_data, daily=days, chosen_range=bool(date_range)
        )
        row.trend_points, row.target_y = trend(indicator, days, start, min(end, today))
        by_goal[indicator.goal_id].rows.append(row)
    return Report(
        list(by_goal.values()),
        plausible_configured=is_configured(),
        back=back,
        plausible_problem=totals.problem,
    )
