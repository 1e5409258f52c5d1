import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from campaign.engagement.models import Indicator, IndicatorSnapshot, ManualEntry, SourceKind
from tests.factories import CampaignGoalFactory


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
