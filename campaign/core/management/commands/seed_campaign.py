"""Build the demo site: shared records here, then every app's own content through the
`register_campaign_seed` hook (home pages first, then the newsroom, toolkit, ..., the Spanish
site at order 200 once every English page exists, and what builds on it after that)."""

from dataclasses import dataclass, field

from django.conf import settings
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

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Where the site is served (default WAGTAILADMIN_BASE_URL, in development "
            "http://127.0.0.1:8000): the default site's host and port, used in absolute links.",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            site = Site.objects.get(is_default_site=True)
            seed.seed_site_address(site, options["site_url"])
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
