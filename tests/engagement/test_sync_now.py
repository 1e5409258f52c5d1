"""The engagement report for the Communications group: under Reports, and synced on demand."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from campaign.core.counts import COUNT_SOURCES_HOOK, CountSource
from campaign.engagement.models import IndicatorSnapshot, SourceKind
from campaign.engagement.sync import sync_engagement

from .factories import IndicatorFactory, ManualEntryFactory

pytestmark = pytest.mark.django_db


def test_sync_now_stores_todays_values_in_the_background(
    client, communications_member, django_capture_on_commit_callbacks
):
    """ "Sync now" runs the sync as a task: today's values are stored and the time is shown."""
    entry = ManualEntryFactory(date=timezone.localdate())
    client.force_login(communications_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("engagement_sync_now"))
    assert response.status_code == 302
    assert IndicatorSnapshot.objects.filter(
        indicator=entry.indicator, date=timezone.localdate()
    ).exists()
    assert "Last sync finished" in client.get(reverse("engagement_report")).content.decode()


def test_the_report_is_under_reports(client, communications_member):
    """The Reports menu of a Communications member links to the engagement report."""
    client.force_login(communications_member)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("engagement_report") in html


def test_sync_now_needs_the_engagement_permission(
    client, django_user_model, django_capture_on_commit_callbacks
):
    """An admin user without engagement access cannot start a sync."""
    entry = ManualEntryFactory(date=timezone.localdate())
    user = django_user_model.objects.create_user("intern", "i@example.org", "pw")
    user.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("engagement_sync_now"))
    assert response.status_code in (302, 403)
    assert not IndicatorSnapshot.objects.filter(indicator=entry.indicator).exists()


def test_todays_counts_show_before_any_sync(client, communications_member):
    """Today's hand-entered value and first-party count are on the report with no sync run."""
    today = timezone.localdate()
    entry = ManualEntryFactory(date=today, value=3, indicator__target=12, indicator__unit="talks")
    counted = IndicatorFactory(
        source_kind=SourceKind.COUNT, source_config={"key": "test.live"}, unit="taps"
    )
    source = CountSource("test.live", "Live test count", lambda day_from, day_to: 4)
    client.force_login(communications_member)
    with hooks.register_temporarily(COUNT_SOURCES_HOOK, lambda: [source]):
        html = client.get(reverse("engagement_report")).content.decode()
    assert not IndicatorSnapshot.objects.exists()
    assert f"{entry.indicator.name}" in html
    assert "<span data-value>3</span> / 12 talks" in html
    assert f"{counted.name}" in html and "<span data-value>4</span> / 100 taps" in html


def test_a_sync_replaces_the_minute_old_count(client, communications_member):
    """Today's count is kept a minute for the report, but a sync makes it read afresh."""
    counted = IndicatorFactory(
        source_kind=SourceKind.COUNT, source_config={"key": "test.live"}, unit="taps"
    )
    taps = [4]
    source = CountSource("test.live", "Live test count", lambda day_from, day_to: taps[0])
    client.force_login(communications_member)
    with hooks.register_temporarily(COUNT_SOURCES_HOOK, lambda: [source]):
        client.get(reverse("engagement_report"))
        taps[0] = 9
        sync_engagement(timezone.localdate(), timezone.localdate(), [counted])
        html = client.get(reverse("engagement_report")).content.decode()
    assert "<span data-value>9</span> / 100 taps" in html
