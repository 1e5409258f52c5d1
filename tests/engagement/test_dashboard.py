"""The admin report and home panel: values against targets, trend, CSV, sync state."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaign.engagement.dashboard import build_report
from campaign.engagement.models import Indicator, IndicatorSnapshot, period_bounds
from campaign.engagement.sync import sync_engagement
from campaign.engagement.wagtail_hooks import indicator_viewset, manual_entry_viewset

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

REPORT_URL = "/admin/engagement/"


def snapshot(name: str, day: datetime.date, value) -> None:
    IndicatorSnapshot.objects.create(
        indicator=Indicator.objects.get(name=name), date=day, value=value
    )


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def pledges(today):
    """Three days of pledges this year, and one last year that must not count."""
    start, _ = period_bounds("year", today)
    for n, value in enumerate([2, 3, 5]):
        snapshot("Leaders who took the pledge", start + datetime.timedelta(days=n), value)
    snapshot("Leaders who took the pledge", start - datetime.timedelta(days=1), 40)


def row_for(report, name):
    return next(r for g in report.goals for r in g.rows if r.indicator.name == name)


def test_period_value_adds_up_the_days_of_the_current_period(pledges, today):
    """The pledge indicator's value is this year's days only: 2 + 3 + 5 = 10 of 50, 20%."""
    row = row_for(build_report(today), "Leaders who took the pledge")
    assert row.value == Decimal(10)
    assert row.percent == 20
    assert row.label == str(today.year)


def test_previous_period_shows_last_years_value(pledges, today):
    """Choosing the previous period reports last year's 40."""
    row = row_for(build_report(today, back=1), "Leaders who took the pledge")
    assert row.value == Decimal(40)


def test_latest_aggregation_reports_the_newest_day(today):
    """A level such as active partners shows the latest day's value, not a sum."""
    start, _ = period_bounds("year", today, back=1)
    snapshot("Active partners", start, 4)
    snapshot("Active partners", start + datetime.timedelta(days=1), 6)
    assert row_for(build_report(today, back=1), "Active partners").value == Decimal(6)


def test_report_page_shows_each_goal_with_values_against_targets(admin_client, pledges):
    """The report lists the four goals and the pledge row reads 10 / 50 with a progress bar."""
    html = admin_client.get(REPORT_URL).content.decode()
    for number in range(1, 5):
        assert f"Goal {number}:" in html
    assert "<span data-value>10</span> / 50 pledges" in html
    assert 'value="20"' in html and "<polyline" in html


def test_report_says_when_plausible_is_not_set_up(admin_client, settings):
    """Without a Plausible site id the report explains that only first-party numbers show."""
    settings.PLAUSIBLE_SITE_ID = ""
    html = admin_client.get(REPORT_URL).content.decode()
    assert "Plausible is not set up" in html


def test_report_warns_about_failed_syncs_and_keeps_last_values(admin_client, settings, today):
    """A Plausible indicator whose last sync failed shows its stored value and a warning."""
    settings.PLAUSIBLE_SITE_ID = "enddemandct.test"
    indicator = Indicator.objects.get(name="Hotline taps")
    indicator.last_error = "Plausible /api/v2/query failed on the server (HTTP 503)"
    indicator.save()
    snapshot("Hotline taps", period_bounds("year", today)[0], 12)
    response = admin_client.get(REPORT_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Some sources could not be synced" in html
    assert "HTTP 503" in html
    assert "<span data-value>12</span> / 100 taps" in html


def test_csv_export_has_period_totals_beside_the_daily_rows(admin_client, pledges, today):
    """Wagtail's CSV export has the pledge total with its progress, then each day of the year."""
    response = admin_client.get(REPORT_URL + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    pledge_rows = [r for r in rows if r["Indicator"] == "Leaders who took the pledge"]
    total, *days = pledge_rows
    assert total["Row"] == "period total"
    assert (Decimal(total["Value"]), Decimal(total["Target"]), total["Progress (% of target)"]) == (
        10,
        50,
        "20",
    )
    # The three days of this year and today's live count; last year's 40 is outside the range.
    assert [Decimal(r["Value"]) for r in days] == [2, 3, 5, 0]
    assert {r["Goal"] for r in pledge_rows} == {"2"}


def test_xlsx_export_opens_as_a_workbook(admin_client, pledges):
    """Wagtail's XLSX export is a workbook with the same header."""
    response = admin_client.get(REPORT_URL + "?export=xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header = next(workbook.active.iter_rows(values_only=True))
    assert header[:3] == ("Goal", "Indicator", "Row")


def test_export_neutralises_formulas_in_indicator_names(admin_client):
    """An indicator named like a formula is exported as text, not run by a spreadsheet."""
    Indicator.objects.filter(name="Trainings given").update(name="=HYPERLINK(1)")
    content = b"".join(admin_client.get(REPORT_URL + "?export=csv").streaming_content).decode()
    assert "'=HYPERLINK(1)" in content
    assert ",=HYPERLINK" not in content


def test_any_date_range_can_be_chosen(admin_client, pledges, today):
    """Choosing the first two days of the year adds up only those: 2 + 3."""
    start, _ = period_bounds("year", today)
    second = start + datetime.timedelta(days=1)
    html = admin_client.get(f"{REPORT_URL}?dates_from={start}&dates_to={second}").content.decode()
    assert "<span data-value>5</span> / 50 pledges" in html
    assert f"{start} to {second}" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("dates_from=2026-02-30&dates_to=2026-03-01", "Enter a valid date."),
        ("dates_from=2026-03-01&dates_to=2026-01-01", "The first day is after the last day."),
        ("dates_from=2026-03-01", "Choose both a first and a last day"),
        ("dates_from=1900-01-01&dates_to=2026-01-01", "at most ten years"),
        ("period=zzz", "Select a valid choice"),
    ],
)
def test_bad_dates_get_a_clear_message(admin_client, query, message):
    """Impossible or reversed dates show what is wrong and the current period, never a 500."""
    for url in (REPORT_URL, REPORT_URL + "results/"):
        response = admin_client.get(f"{url}?{query}")
        assert response.status_code == 200
        assert message in response.content.decode()


def test_editors_without_permission_cannot_see_the_report(client):
    """An admin user without the engagement permission is sent away from the report and CSV."""
    user = User.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail turns a refused admin view into a redirect to the dashboard with a message.
    for url in (REPORT_URL, REPORT_URL + "?export=csv"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_officer_group_with_view_permission_sees_the_report(client, pledges):
    """Granting view_indicator (e.g. to a communications group) opens the report."""
    user = User.objects.create_user("officer", password="x")
    group = Group.objects.create(name="Communications test")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_indicator"),
    )
    user.groups.add(group)
    client.force_login(user)
    assert "Leaders who took the pledge" in client.get(REPORT_URL).content.decode()


def test_admin_home_has_the_engagement_panel(admin_client, pledges):
    """The admin home shows the summary panel with a link to the full report."""
    html = admin_client.get("/admin/").content.decode()
    assert "Engagement this period" in html
    assert 'href="/admin/engagement/"' in html


def test_admin_menu_has_the_engagement_entry(admin_client):
    """The sidebar menu includes 'Engagement' with the report, indicators and manual values."""
    html = admin_client.get("/admin/").content.decode()
    assert '"Engagement"' in html and "/admin/engagement/" in html


def test_report_runs_in_bounded_queries_for_a_year_of_snapshots(admin_client, today):
    """A year of daily snapshots for every indicator costs no more queries than none at all."""
    admin_client.get(REPORT_URL)  # warm per-process caches (site settings, content types)
    with CaptureQueriesContext(connection) as empty:
        admin_client.get(REPORT_URL)
    start = today - datetime.timedelta(days=365)
    IndicatorSnapshot.objects.bulk_create(
        IndicatorSnapshot(indicator=indicator, date=start + datetime.timedelta(days=n), value=1)
        for indicator in Indicator.objects.all()
        for n in range(366)
    )
    with CaptureQueriesContext(connection) as full:
        response = admin_client.get(REPORT_URL)
    assert response.status_code == 200
    assert len(full.captured_queries) == len(empty.captured_queries) <= 25
    row = row_for(build_report(today), "Leaders who took the pledge")
    # Every stored day counts 1 but today, which is counted live (no submissions yet).
    assert row.value == (today - period_bounds("year", today)[0]).days


def test_officer_enters_a_value_by_hand_and_sees_it_after_sync(admin_client, today):
    """A manual value saved in the admin with a note is synced and shown on the report."""
    indicator = Indicator.objects.get(name="Trainings given")
    add_url = reverse(manual_entry_viewset.get_url_name("add"))
    response = admin_client.post(
        add_url,
        {
            "indicator": indicator.pk,
            "date": today.isoformat(),
            "value": "3",
            "note": "Two police departments and one hotel chain in Hartford County.",
        },
    )
    assert response.status_code == 302
    sync_engagement(today, today, [indicator])
    html = admin_client.get(REPORT_URL).content.decode()
    assert "<span data-value>3</span> / 12 trainings" in html


def test_manual_value_without_a_note_is_refused(admin_client, today):
    """The note is required: the form comes back with an error and nothing is saved."""
    indicator = Indicator.objects.get(name="Trainings given")
    add_url = reverse(manual_entry_viewset.get_url_name("add"))
    data = {"indicator": indicator.pk, "date": today.isoformat(), "value": "3", "note": ""}
    response = admin_client.post(add_url, data)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not indicator.manual_entries.exists()


def test_indicator_editor_opens(admin_client):
    """The officer can open an indicator to change its target."""
    indicator = Indicator.objects.get(name="Leaders who took the pledge")
    url = reverse(indicator_viewset.get_url_name("edit"), args=[indicator.pk])
    html = admin_client.get(url).content.decode()
    assert "Where the value comes from" in html and 'name="target"' in html


def test_trend_line_climbs_with_the_running_total():
    """The trend starts at the first day's value and ends at the period's total, higher up."""
    day = datetime.date(2026, 3, 10)
    snapshot("Leaders who took the pledge", datetime.date(2026, 1, 1), 5)
    snapshot("Leaders who took the pledge", day - datetime.timedelta(days=1), 5)
    row = row_for(build_report(day), "Leaders who took the pledge")
    points = [tuple(map(float, p.split(","))) for p in row.trend_points.split()]
    assert len(points) == (day - datetime.date(2026, 1, 1)).days + 1
    assert points[0][0] == 0 and points[-1][0] == pytest.approx(240, abs=0.1)
    # y grows downwards in SVG: the end (10 pledges) sits above the start (5).
    assert points[-1][1] < points[0][1] < 48
    assert row.target_y < points[-1][1]  # the target (50) is above both
