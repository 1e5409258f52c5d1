import datetime
from decimal import Decimal

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from campaign.engagement.models import (
    ActionFormField,
    ActionFormPage,
    Indicator,
    IndicatorSnapshot,
    ManualEntry,
    SourceKind,
)
from tests.factories import CampaignGoalFactory, home_page


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    goal = factory.SubFactory(CampaignGoalFactory, number=1)
    name = factory.Sequence(lambda n: f"Test indicator {n}")
    source_kind = SourceKind.MANUAL
    source_config = factory.LazyFunction(dict)
    target = Decimal(100)
    period = "year"
    unit = "things"
    sort_order = 99


class ManualEntryFactory(DjangoModelFactory):
    class Meta:
        model = ManualEntry

    indicator = factory.SubFactory(IndicatorFactory)
    date = datetime.date(2026, 3, 1)
    value = Decimal(1)
    note = "Entered in a test."


class SnapshotFactory(DjangoModelFactory):
    class Meta:
        model = IndicatorSnapshot

    indicator = factory.SubFactory(IndicatorFactory)
    date = datetime.date(2026, 3, 1)
    value = Decimal(1)


class ActionFormPageFactory(wagtail_factories.PageFactory):
    """An action form under the home page, with one required e-mail field."""

    class Meta:
        model = ActionFormPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(home_page)
    goal = factory.SubFactory(CampaignGoalFactory, number=2)
    title = factory.Sequence(lambda n: f"Test action {n}")
    intro = "Why this action matters."
    thank_you_text = "<p>Thank you.</p>"
    event_name = "Form: Test action"

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        if create:
            ActionFormField.objects.create(
                page=page, label="Your e-mail", field_type="email", required=True
            )
