"""Release times are stated in the Council's own time zone, in AP style."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import dateformat

RELEASE_TIME_ZONE = ZoneInfo("America/New_York")


def format_release_time(value: datetime.datetime) -> str:
    """E.g. 'Jan. 11, 2017, 10:00 a.m. EST'."""
    return dateformat.format(value.astimezone(RELEASE_TIME_ZONE), "N j, Y, g:i a T")


def format_release_date(value: datetime.datetime) -> str:
    """E.g. 'Jan. 11, 2017'."""
    return dateformat.format(value.astimezone(RELEASE_TIME_ZONE), "N j, Y")


def in_release_time_zone(value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(RELEASE_TIME_ZONE)
