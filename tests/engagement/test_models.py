"""Indicator rules: periods and what each source needs."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from campaign.engagement.models import SourceKind, period_bounds, period_label

from .factories import IndicatorFactory, ManualEntryFactory

D = datetime.date


@pytest.mark.parametrize(
    ("period", "day", "back", "expected"),
    [
        ("month", D(2026, 2, 14), 0, (D(2026, 2, 1), D(2026, 2, 28))),
        ("quarter", D(2026, 5, 31), 0, (D(2026, 4, 1), D(2026, 6, 30))),
        ("quarter", D(2026, 2, 1), 1, (D(2025, 10, 1), D(2025, 12, 31))),
        ("year", D(2026, 12, 31), 1, (D(2025, 1, 1), D(2025, 12, 31))),
        ("month", D(2026, 1, 5), 1, (D(2025, 12, 1), D(2025, 12, 31))),
    ],
)
def test_period_bounds(period, day, back, expected):
    """A period runs from its first to its last calendar day, also for earlier periods."""
    assert period_bounds(period, day, back) == expected


def test_period_labels():
    """Periods are labelled as the report names them."""
    assert period_label("quarter", D(2026, 4, 1)) == "Q2 2026"
    assert period_label("month", D(2026, 4, 1)) == "April 2026"


@pytest.mark.django_db
def test_count_indicator_without_a_key_is_rejected():
    """An editor saving a count indicator with no key is told what is missing."""
    indicator = IndicatorFactory.build(source_kind=SourceKind.COUNT, source_config={})
    with pytest.raises(ValidationError, match="This source needs: key"):
        indicator.full_clean()


@pytest.mark.django_db
def test_page_indicator_needs_a_goal_tag_or_a_path():
    """A Plausible pages indicator must say which pages it counts."""
    indicator = IndicatorFactory.build(
        source_kind=SourceKind.PLAUSIBLE_PAGES, source_config={"metric": "visitors"}
    )
    with pytest.raises(ValidationError, match="goal_tag or a path"):
        indicator.full_clean()


@pytest.mark.django_db
def test_manual_entry_only_for_hand_entered_indicators():
    """A value typed by hand cannot be attached to an indicator that syncs from a source."""
    entry = ManualEntryFactory.build(
        indicator=IndicatorFactory(source_kind=SourceKind.COUNT, source_config={"key": "x"})
    )
    with pytest.raises(ValidationError, match="not entered by hand"):
        entry.full_clean()
