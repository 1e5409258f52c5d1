"""Factories for newsroom tests: releases are created under the seeded newsroom page."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from campaign.newsroom.models import NewsroomPage, PressClip, PressReleasePage


class PressReleasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PressReleasePage

    title = factory.Sequence(lambda n: f"Test release number {n}")
    release_at = factory.LazyFunction(timezone.now)
    dateline = "NEW HAVEN"
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>The Council said something newsworthy.</p>"))]
    )
    parent = factory.LazyFunction(NewsroomPage.objects.get)


class PressClipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressClip

    outlet = "Test Gazette"
    headline = factory.Sequence(lambda n: f"Story number {n} about demand")
    url = factory.Sequence(lambda n: f"https://news.example.org/story-{n}")
    published_on = datetime.date(2020, 5, 1)


def publish(page: PressReleasePage) -> PressReleasePage:
    """Publish (or schedule, if embargoed) the page the way the admin does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
