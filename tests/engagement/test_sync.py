"""Daily snapshots: one value per indicator per day from each source; re-running replaces."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail import hooks

from campaign.core.counts import COUNT_SOURCES_HOOK, CountSource
from campaign.engagement.models import ActionFormPage, Indicator, IndicatorSnapshot, SourceKind
from campaign.engagement.plausible import PlausibleClient, PlausibleConfig
from campaign.engagement.sync import sync_engagement
from campaign.engagement.tasks import sync_engagement_task

from .factories import IndicatorFactory, ManualEntryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

DAY1 = datetime.date(2026, 3, 1)
DAY2 = datetime.date(2026, 3, 2)


def values(indicator) -> dict:
    return dict(indicator.snapshots.values_list("date", "value"))


def fixed_counts(per_day: dict):
    return lambda: [CountSource("test.fixed", "Fixed", lambda a, b: per_day.get(a, 0))]


def test_seed_gives_every_goal_indicators_with_targets():
    """Each of the four goals has seeded indicators, each with a positive target."""
    for number in range(1, 5):
        indicators = Indicator.objects.filter(goal__number=number)
        assert indicators.count() >= 3
        assert all(i.target > 0 for i in indicators)
    kinds = set(Indicator.objects.values_list("source_kind", flat=True))
    assert kinds == {kind.value for kind in SourceKind}


def test_seeding_twice_changes_nothing():
    """Running the seed again adds no indicators and no pages."""
    before = Indicator.objects.count()
    call_command("seed_campaign", stdout=io.StringIO())
    assert Indicator.objects.count() == before


def test_count_source_values_are_stored_per_day():
    """A first-party count is stored as one snapshot per day of the range."""
    indicator = IndicatorFactory(source_kind=SourceKind.COUNT, source_config={"key": "test.fixed"})
    with hooks.register_temporarily(COUNT_SOURCES_HOOK, fixed_counts({DAY1: 3, DAY2: 5})):
        sync_engagement(DAY1, DAY2, [indicator])
    assert values(indicator) == {DAY1: Decimal(3), DAY2: Decimal(5)}


def test_rerunning_a_day_replaces_it_and_never_double_counts():
    """Syncing the same days twice keeps one row per day, holding the newest value."""
    indicator = IndicatorFactory(source_kind=SourceKind.COUNT, source_config={"key": "test.fixed"})
    with hooks.register_temporarily(COUNT_SOURCES_HOOK, fixed_counts({DAY1: 3})):
        sync_engagement(DAY1, DAY2, [indicator])
    with hooks.register_temporarily(COUNT_SOURCES_HOOK, fixed_counts({DAY1: 4})):
        sync_engagement(DAY1, DAY2, [indicator])
        sync_engagement(DAY1, DAY1, [indicator])
    assert indicator.snapshots.count() == 2
    assert values(indicator) == {DAY1: Decimal(4), DAY2: Decimal(0)}


def test_manual_entries_are_added_up_per_day():
    """Two hand-entered values on one day make that day's snapshot."""
    indicator = IndicatorFactory(source_kind=SourceKind.MANUAL)
    ManualEntryFactory(indicator=indicator, date=DAY1, value=2)
    ManualEntryFactory(indicator=indicator, date=DAY1, value=Decimal("1.5"))
    sync_engagement(DAY1, DAY2, [indicator])
    assert values(indicator) == {DAY1: Decimal("3.5"), DAY2: Decimal(0)}


def test_form_submissions_count_toward_the_pledge_indicator(client):
    """A pledge submitted today shows up in the seeded 'Leaders who took the pledge' snapshot."""
    page = ActionFormPage.objects.get(slug="leaders-pledge")
    response = client.post(page.url, pledge_data(), REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 200
    indicator = Indicator.objects.get(name="Leaders who took the pledge")
    today = timezone.localdate()
    sync_engagement(
        today - datetime.timedelta(days=1), today + datetime.timedelta(days=1), [indicator]
    )
    assert sum(values(indicator).values()) == 1


def pledge_data() -> dict:
    return {
        "your_name": "Pat Example",
        "your_role": "Mayor",
        "office_or_organisation": "Town of Example",
        "town": "Example",
        "email": "pat@example.org",
        "i_pledge_to_help_end_the_demand_for_commercial_sex_in_my_community": "on",
    }


def stub_client(**overrides) -> PlausibleClient:
    return PlausibleClient(
        PlausibleConfig.from_settings(backoff=0, **overrides), sleep=lambda s: None
    )


def test_plausible_indicators_are_synced_from_the_stats_api(plausible):
    """Visitors of goal-tagged pages, goal conversions and property events come from Plausible."""
    plausible.record(DAY1, "pageview", "/engage-leaders/", "a", goal="engage-leaders")
    plausible.record(DAY1, "pageview", "/engage-leaders/", "b", goal="engage-leaders")
    plausible.record(DAY1, "pageview", "/", "c", goal="raise-public-awareness")
    plausible.record(DAY2, "Hotline call", "/", "c", goal="raise-public-awareness")
    plausible.record(DAY2, "File Download", "/resources/", "c", url="/documents/1/fact-sheet.pdf")
    plausible.record(DAY2, "pageview", "/policy/", "d")
    plausible.record(DAY2, "pageview", "/policy/", "d")
    names = [
        "Visitors to leaders' pages",
        "Hotline taps",
        "Fact sheet downloads",
        "Policy page pageviews",
    ]
    indicators = list(Indicator.objects.filter(name__in=names).order_by("goal__number", "name"))
    outcomes = sync_engagement(DAY1, DAY2, indicators, client=stub_client())
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    got = {i.name: values(i) for i in indicators}
    assert got["Visitors to leaders' pages"] == {DAY1: 2, DAY2: 0}
    assert got["Hotline taps"] == {DAY1: 0, DAY2: 1}
    assert got["Fact sheet downloads"] == {DAY1: 0, DAY2: 1}
    assert got["Policy page pageviews"] == {DAY1: 0, DAY2: 2}
    filters = [q["filters"] for q in plausible.queries()]
    assert [["matches", "event:page", ["^/policy/"]]] in filters


def test_plausible_down_is_reported_per_indicator_and_others_still_sync(plausible):
    """With Plausible failing, its indicator keeps its old values and an error; counts sync."""
    web = Indicator.objects.get(name="Hotline taps")
    web.snapshots.create(date=DAY1, value=7)
    manual = IndicatorFactory(source_kind=SourceKind.MANUAL)
    ManualEntryFactory(indicator=manual, date=DAY1, value=2)
    for _ in range(4):
        plausible.fail_next(503, "Service Unavailable")
    outcomes = sync_engagement(DAY1, DAY1, [web, manual], client=stub_client())
    assert [bool(o.error) for o in outcomes] == [True, False]
    web.refresh_from_db()
    assert "HTTP 503" in web.last_error
    assert values(web) == {DAY1: Decimal(7)}
    assert values(manual) == {DAY1: Decimal(2)}


def test_a_broken_count_source_does_not_stop_the_others():
    """An exception inside another app's count is recorded on that indicator only."""

    def broken(day_from, day_to):
        raise RuntimeError("counter table missing")

    bad = IndicatorFactory(source_kind=SourceKind.COUNT, source_config={"key": "test.broken"})
    good = IndicatorFactory(source_kind=SourceKind.COUNT, source_config={"key": "test.fixed"})
    sources = lambda: [  # noqa: E731
        CountSource("test.broken", "Broken", broken),
        *fixed_counts({DAY1: 1})(),
    ]
    with hooks.register_temporarily(COUNT_SOURCES_HOOK, sources):
        outcomes = sync_engagement(DAY1, DAY1, [bad, good])
    assert "counter table missing" in outcomes[0].error
    assert values(good) == {DAY1: Decimal(1)}


def test_unknown_count_key_is_reported():
    """An indicator pointing at a count no app registers gets a clear error."""
    indicator = IndicatorFactory(
        source_kind=SourceKind.COUNT, source_config={"key": "nope.nothing"}
    )
    [outcome] = sync_engagement(DAY1, DAY1, [indicator])
    assert outcome.error == "No app registers the count 'nope.nothing'"


def test_plausible_indicators_are_skipped_when_plausible_is_not_set_up(settings):
    """Without a site id, Plausible indicators are skipped and no snapshot is written."""
    settings.PLAUSIBLE_SITE_ID = ""
    indicator = Indicator.objects.get(name="Hotline taps")
    [outcome] = sync_engagement(DAY1, DAY1, [indicator])
    assert outcome.skipped
    assert not indicator.snapshots.exists()


def every_seeded_count() -> list[CountSource]:
    """A count for every key the seed uses, so these tests don't wait on other apps' work."""
    keys = Indicator.objects.filter(source_kind=SourceKind.COUNT).values_list(
        "source_config__key", flat=True
    )
    return [CountSource(key, key, lambda a, b: 1) for key in keys]


def test_command_syncs_every_indicator_since_a_date(settings):
    """`sync_engagement --since` writes a snapshot per indicator per day up to today."""
    settings.PLAUSIBLE_SITE_ID = ""
    since = timezone.localdate() - datetime.timedelta(days=3)
    out, err = io.StringIO(), io.StringIO()
    with hooks.register_temporarily(COUNT_SOURCES_HOOK, every_seeded_count):
        call_command("sync_engagement", "--since", since.isoformat(), stdout=out, stderr=err)
    synced = Indicator.objects.exclude(
        source_kind__in=["plausible_pages", "plausible_goal", "plausible_property"]
    )
    assert err.getvalue() == ""
    assert IndicatorSnapshot.objects.filter(date__gte=since).count() == synced.count() * 4
    assert f"{synced.count()} synced" in out.getvalue()


def test_command_rejects_a_bad_date():
    """A malformed --since is a clear command error."""
    with pytest.raises(CommandError, match="not a date"):
        call_command("sync_engagement", "--since", "31/01/2026")


def test_task_syncs_like_the_command(settings):
    """The background task stores snapshots and reports how many indicators synced."""
    settings.PLAUSIBLE_SITE_ID = ""
    with hooks.register_temporarily(COUNT_SOURCES_HOOK, every_seeded_count):
        result = sync_engagement_task.enqueue(since=None)
    plausible_count = Indicator.objects.from_plausible().count()
    assert result.return_value == {
        "synced": Indicator.objects.count() - plausible_count,
        "failed": 0,
        "skipped": plausible_count,
    }
    assert IndicatorSnapshot.objects.filter(date=timezone.localdate()).exists()
