"""Factories for newsroom tests: releases are created under the seeded newsroom page."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

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


def release_form_data(**fields) -> dict:
    """What the admin's release edit form posts, with `fields` changed."""
    data = {
        "title": "Admin-made release",
        "slug": "admin-made-release",
        "subheadline": "",
        "release_at": "2024-03-01 09:00",
        "dateline": "HARTFORD",
        "summary": "",
        "body": streamfield([("paragraph", rich_text("<p>Made in the admin.</p>"))]),
        "attachments": inline_formset([]),
        "related_links": inline_formset([]),
        "topics": "courts",
        "goals": [],
        "contacts": [],
    }
    data.update(fields)
    return nested_form_data(data)
