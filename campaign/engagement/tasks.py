"""Background work: the daily sync and server-side analytics events."""

import datetime
import logging

from django_tasks import task

from .plausible import PlausibleClient, PlausibleError, is_configured
from .sync import default_range, sync_engagement

logger = logging.getLogger(__name__)


@task()
def sync_engagement_task(since: str | None = None) -> dict[str, int]:
    """The `sync_engagement` command as a task; `since` is an ISO date (default: yesterday)."""
    day_from, day_to = default_range()
    if since:
        day_from = datetime.date.fromisoformat(since)
    outcomes = sync_engagement(day_from, day_to)
    return {
        "synced": sum(1 for o in outcomes if o.ok),
        "failed": sum(1 for o in outcomes if o.error and not o.skipped),
        "skipped": sum(1 for o in outcomes if o.skipped),
    }


@task()
def send_plausible_event(name: str, url: str, props: dict[str, str]) -> None:
    try:
        PlausibleClient().send_event(name, url, props)
    except PlausibleError:
        # An analytics event is not worth more than a log line; the page it came from has long
        # been served.
        logger.warning("Could not send event %r to Plausible", name, exc_info=True)


def send_event_in_background(name: str, url: str, props: dict[str, str] | None = None) -> bool:
    """Queue an Events API call; returns False (and sends nothing) when Plausible is not set up."""
    if not is_configured():
        return False
    try:
        send_plausible_event.enqueue(name, url, dict(props or {}))
    except Exception:
        # Queueing must never break the response that triggered the event.
        logger.warning("Could not queue event %r", name, exc_info=True)
        return False
    return True
