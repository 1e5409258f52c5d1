import factory

from campaign.alerts.models import MediaAlert, MediaList, PressContact


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
