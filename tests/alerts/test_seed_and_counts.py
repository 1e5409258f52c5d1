"""Demo content and the first-party counts the engagement reports read."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaign.alerts.models import Delivery, MediaAlert, MediaList, PressContact
from campaign.core.counts import get_count_sources

from .factories import MediaAlertFactory, PressContactFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_seed_makes_lists_fictional_contacts_and_a_draft():
    """Three media lists, contacts at example.org/example.com only, one draft alert."""
    assert {"Hartford TV", "Statewide print", "Policy reporters"} <= set(
        MediaList.objects.values_list("name", flat=True)
    )
    domains = {
        email.split("@")[1] for email in PressContact.objects.values_list("email", flat=True)
    }
    assert domains <= {"example.org", "example.com"}
    draft = MediaAlert.objects.get(status="draft")
    assert draft.lists.get().name == "Policy reporters"
    assert "456 children" in draft.summary


def test_seeding_twice_changes_nothing():
    """A second seed run adds no lists, contacts or alerts."""
    before = (MediaList.objects.count(), PressContact.objects.count(), MediaAlert.objects.count())
    call_command("seed_campaign", stdout=io.StringIO())
    after = (MediaList.objects.count(), PressContact.objects.count(), MediaAlert.objects.count())
    assert before == after


def test_counts_feed_the_engagement_reports():
    """Sent, opened and clicked deliveries are counted by day under stable keys."""
    alert = MediaAlertFactory()
    now = timezone.now()
    for opened, clicked in [(True, True), (True, False), (False, False)]:
        contact = PressContactFactory()
        Delivery.objects.create(
            alert=alert,
            contact=contact,
            email=contact.email,
            status="sent",
            sent_at=now,
            opened_at=now if opened else None,
            clicked_at=now if clicked else None,
        )
    sources = get_count_sources()
    today = timezone.localdate()
    assert sources["alerts.deliveries"].count(today, today) == 3
    assert sources["alerts.opens"].count(today, today) == 2
    assert sources["alerts.clicks"].count(today, today) == 1
    yesterday = today - timezone.timedelta(days=1)
    assert sources["alerts.deliveries"].count(yesterday, yesterday) == 0
