import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from campaign.alerts.models import Delivery, MediaAlert, MediaList, PressContact
from campaign.newsroom.models import PressReleaseAttachment
from tests.newsroom.factories import (
    BoilerplateFactory,
    MediaContactFactory,
    PressReleasePageFactory,
    publish,
)


class MediaListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MediaList

    name = factory.Sequence(lambda n: f"Test list {n}")


class PressContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressContact
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Reporter {n}")
    email = factory.Sequence(lambda n: f"reporter{n}@example.com")
    outlet = "Example Gazette"

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        if create and extracted:
            self.lists.add(*extracted)


class MediaAlertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MediaAlert
        skip_postgeneration_save = True

    subject = "Council names buyers as the missing piece"
    summary = "First paragraph of the alert.\n\nSecond paragraph with the numbers."
    link_url = "https://www.example.org/news/buyers/"

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        if create and extracted:
            self.lists.add(*extracted)


class DeliveryFactory(factory.django.DjangoModelFactory):
    """One recipient's delivery of an alert, queued unless `status` says otherwise."""

    class Meta:
        model = Delivery

    alert = factory.SubFactory(MediaAlertFactory)
    contact = factory.SubFactory(PressContactFactory)
    email = factory.LazyAttribute(lambda delivery: delivery.contact.email)


def release_for_alert(*, embargoed: bool, **fields):
    """A release with its own media contact, an attachment and a boilerplate, published (or
    scheduled, when embargoed) the way the admin does it."""
    contact = MediaContactFactory(name="Dana Spokesperson", email="dana@example.org")
    boilerplate = BoilerplateFactory()
    document = Document.objects.create(
        title="The test report", file=ContentFile(b"%PDF-1.4 test", "report.pdf")
    )
    release = PressReleasePageFactory(
        title=fields.pop("title", "Council counts the buyers"),
        live=not embargoed,
        embargo_until=timezone.now() + datetime.timedelta(days=2) if embargoed else None,
        dateline="HARTFORD",
        boilerplate=boilerplate,
        body=[
            ("paragraph", RichText("<p>First paragraph of the whole release.</p>")),
            ("paragraph", RichText("<p>Second paragraph, only in the whole release.</p>")),
        ],
        **fields,
    )
    release.contacts.set([contact])
    release.attachments.add(PressReleaseAttachment(document=document))
    release.save()
    return publish(release)
