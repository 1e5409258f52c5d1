"""Unique visitors over a period are Plausible's count for the period, never a sum of days."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.engagement.models import IndicatorTotal, SourceKind, period_bounds
from campaign.engagement.sync import sync_engagement

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitors_indicator(db):
    return IndicatorFactory(
        name="Visitors to goal pages",
        source_kind=SourceKind.PLAUSIBLE_PAGES,
        source_config={"metric": "visitors", "path": "/goals/"},
        period="quarter",
        target=Decimal(10),
        unit="visitors",
    )


@pytest.fixture
def returning_visitor(plausible):
    """One visitor on each of the quarter's first five days, and another on its first."""
    start, _ = period_bounds("quarter", timezone.localdate())
    for n in range(5):
        plausible.record(start + datetime.timedelta(days=n), "pageview", "/goals/one/", "alice")
    plausible.record(start, "pageview", "/goals/two/", "bob")
    return start


def test_client_asks_for_the_aggregate_of_the_whole_range(plausible_client, returning_visitor):
    """The aggregate query has no time dimension and counts the returning visitor once."""
    end = returning_visitor + datetime.timedelta(days=4)
    assert plausible_client.aggregate("visitors", returning_visitor, end) == 2


def test_sync_stores_the_period_total_and_the_report_shows_it(
    client, communications_member, visitors_indicator, returning_visitor, plausible
):
    """Five days of one visitor and one of another are 2 visitors of the quarter, not 6."""
    sync_engagement(returning_visitor, returning_visitor + datetime.timedelta(days=4))
    assert plausible.queries()[-1]["date_range"] == [
        str(d) for d in period_bounds("quarter", returning_visitor)
    ]
    assert "dimensions" not in plausible.queries()[-1]
    assert IndicatorTotal.objects.get(indicator=visitors_indicator).value == 2
    client.force_login(communications_member)
    html = client.get(reverse("engagement_report")).content.decode()
    assert "<span data-value>2</span> / 10 visitors" in html


def test_a_chosen_range_is_asked_of_plausible_once(
    client, communications_member, visitors_indicator, returning_visitor, plausible
):
    """A range the sync never stored is fetched when chosen, then kept for the next look."""
    client.force_login(communications_member)
    end = returning_visitor + datetime.timedelta(days=2)
    url = f"{reverse('engagement_report')}?dates_from={returning_visitor}&dates_to={end}"
    assert "<span data-value>2</span> / 10 visitors" in client.get(url).content.decode()
    assert plausible.queries()[-1]["date_range"] == [str(returning_visitor), str(end)]
    asked = len(plausible.queries())
    client.get(url)
    assert len(plausible.queries()) == asked


def test_unreachable_plausible_gives_a_message_and_the_stored_total(
    client, communications_member, visitors_indicator, returning_visitor, plausible
):
    """When Plausible fails, the report says so and shows the last total stored for the range."""
    end = timezone.localdate()  # a range still running: its stored total is an hour old
    IndicatorTotal.objects.create(
        indicator=visitors_indicator,
        start=returning_visitor,
        end=end,
        value=7,
        fetched_at=timezone.now() - datetime.timedelta(hours=1),
    )
    plausible.fail_next(503, "down for maintenance")
    client.force_login(communications_member)
    url = f"{reverse('engagement_report')}?dates_from={returning_visitor}&dates_to={end}"
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Plausible could not be asked for the unique visitors" in html
    assert "HTTP 503" in html
    assert "<span data-value>7</span> / 10 visitors" in html


def test_communications_member_exports_the_report(
    client, communications_member, visitors_indicator, returning_visitor, plausible
):
    """The Communications group downloads the spreadsheet with the quarter's unique total."""
    sync_engagement(returning_visitor, returning_visitor + datetime.timedelta(days=4))
    client.force_login(communications_member)
    response = client.get(reverse("engagement_report") + "?export=csv")
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    total = next(line for line in lines if "Visitors to goal pages,period total" in line)
    assert ",2.00,10.00,20," in total


def test_admin_home_does_not_wait_for_plausible(
    client, communications_member, visitors_indicator, returning_visitor, plausible
):
    """The home panel shows the stored totals and asks Plausible nothing."""
    client.force_login(communications_member)
    assert "Engagement this period" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert plausible.queries() == []
