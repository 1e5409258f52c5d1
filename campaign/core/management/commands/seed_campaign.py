"""Build the demo site: shared records here, then every app's own content through the
`register_campaign_seed` hook (home pages first, then the newsroom, toolkit, ...)."""

from dataclasses import dataclass, field

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks
from wagtail.models import Site

from campaign.core import seed

SEED_HOOK = "register_campaign_seed"


@dataclass
class SeedData:
    """What the shared seed made, handed to each app's seed function."""

    site: Site
    goals: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)
    posters: dict = field(default_factory=dict)
    fact_sheet: object = None


class Command(BaseCommand):
    help = "Create the demo content of End Demand CT. Running it again changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            site = Site.objects.get(is_default_site=True)
            goals = seed.seed_goals()
            data = SeedData(
                site=site,
                goals=goals,
                facts=seed.seed_facts(goals),
                posters=seed.seed_posters(),
                fact_sheet=seed.seed_fact_sheet(),
            )
            seed.seed_policy_recommendations(goals)
            seed.seed_settings(site)
            for seed_app in hooks.get_hooks(SEED_HOOK):
                seed_app(data, self.stdout)
        self.stdout.write(self.style.SUCCESS("Seeded End Demand CT."))
