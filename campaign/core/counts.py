"""First-party counts that apps expose to the engagement reports, through a Wagtail hook.

An app registers a function returning CountSource objects:

    @hooks.register(COUNT_SOURCES_HOOK)
    def count_sources():
        return [CountSource("toolkit.impressions", "Partner embed impressions", count_impressions)]

`count(day_from, day_to)` returns the total for that inclusive range of dates (site time zone).
Keys are stable: indicators store them.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

COUNT_SOURCES_HOOK = "register_count_sources"


@dataclass(frozen=True)
class CountSource:
    key: str
    label: str
    count: Callable[[datetime.date, datetime.date], int]


def get_count_sources() -> dict[str, CountSource]:
    """Every registered count source by key."""
    return {source.key: source for fn in hooks.get_hooks(COUNT_SOURCES_HOOK) for source in fn()}
