from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend


class Command(BaseCommand):
    help = (
        "Delete finished background task results older than TASK_RESULTS_KEEP_DAYS on every "
        "queue, and revisions older than REVISIONS_KEEP_DAYS that are not the latest, live, "
        "scheduled or in moderation (Wagtail's purge_revisions), and search-terms counts past "
        "WAGTAILSEARCH_HITS_MAX_AGE. Run nightly."
    )

    def handle(self, *args, **options):
        for backend in task_backends.all():
            if isinstance(backend, DatabaseBackend):
                # As strings: the command's parser turns them into its backend and numbers.
                call_command(
                    "prune_db_task_results",
                    f"--backend={backend.alias}",
                    "--queue-name=*",
                    f"--min-age-days={settings.TASK_RESULTS_KEEP_DAYS}",
                    stdout=self.stdout,
                )
        call_command("purge_revisions", days=settings.REVISIONS_KEEP_DAYS, stdout=self.stdout)
        call_command("searchpromotions_garbage_collect", stdout=self.stdout)
