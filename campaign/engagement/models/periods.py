"""Reporting periods: a target applies to a calendar month, quarter or year."""

import datetime

from django.db import models


class Period(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"


def period_bounds(
    period: str, day: datetime.date, back: int = 0
) -> tuple[datetime.date, datetime.date]:
    """First and last day of the period containing `day`, or of the one `back` periods earlier."""
    months = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}[Period(period)]
    start_month = (day.month - 1) // months * months  # zero-based month the period starts in
    index = day.year * 12 + start_month - back * months
    start = datetime.date(index // 12, index % 12 + 1, 1)
    end_index = index + months
    end = datetime.date(end_index // 12, end_index % 12 + 1, 1) - datetime.timedelta(days=1)
    return start, end


def period_label(period: str, start: datetime.date) -> str:
    if period == Period.MONTH:
        return start.strftime("%B %Y")
    if period == Period.QUARTER:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return str(start.year)
