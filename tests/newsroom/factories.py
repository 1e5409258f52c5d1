"""Factories for newsroom tests: the newsroom page, releases (under the newsroom page, made when
there is none), media contacts, boilerplates and clips."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaign.newsroom.models import (
    Boilerplate,
    MediaContact,
    NewsroomPage,
    PressClip,
    PressReleasePage,
)
from tests.factories import home_page


class NewsroomPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsroomPage

    parent = factory.LazyFunction(home_page)
    title = "Newsroom"
    slug = "newsroom"
    intro = "Releases and statements from the Council."


def newsroom_page() -> NewsroomPage:
    """The newsroom page, made under the home page when there is none yet."""
    return NewsroomPage.objects.first() or NewsroomPageFactory()


class PressReleasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PressReleasePage

    title = factory.Sequence(lambda n: f"Test release number {n}")
    release_at = factory.LazyFunction(timezone.now)
    dateline = "NEW HAVEN"
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>The Council said something newsworthy.</p>"))]
    )
    parent = factory.LazyFunction(newsroom_page)


class PressClipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressClip

    outlet = "Test Gazette"
    headline = factory.Sequence(lambda n: f"Story number {n} about demand")
    url = factory.Sequence(lambda n: f"https://news.example.org/story-{n}")
    published_on = datetime.date(2020, 5, 1)


class MediaContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MediaContact

    name = factory.Sequence(lambda n: f"Spokesperson {n}")
    title = "Press Secretary"
    phone = "860-555-0142"
    email = factory.Sequence(lambda n: f"press{n}@example.org")


class BoilerplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Boilerplate

    heading = "About the test Council"
    text = "<p>The test Council works on demand.</p>"


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
