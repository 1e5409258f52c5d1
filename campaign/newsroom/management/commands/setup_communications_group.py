"""python manage.py setup_communications_group : the newsroom's editors and review workflow."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from campaign.newsroom.models import NewsroomPage
from campaign.newsroom.seed import COMMUNICATIONS_GROUP, REVIEW_WORKFLOW, seed_communications_group


class Command(BaseCommand):
    help = (
        "Create the Communications group (releases and their review workflow, newsroom snippets, "
        "contacts, media lists, media alerts including sending, the toolkit, partners, "
        "engagement, search promotions and synonyms, translating pages and records into the "
        "site's other languages; not clearing do-not-contact flags) and the "
        "press release review workflow on the newsroom page. Running it again adds what is "
        "missing."
    )

    def handle(self, *args, **options):
        newsroom = NewsroomPage.objects.filter(locale=Locale.get_default()).first()
        if newsroom is None:
            raise CommandError("There is no newsroom page yet: create one in the admin first.")
        seed_communications_group(newsroom)
        self.stdout.write(
            self.style.SUCCESS(
                f"The {COMMUNICATIONS_GROUP} group and the {REVIEW_WORKFLOW!r} workflow are set up."
            )
        )
