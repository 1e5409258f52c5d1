from django.core.management.base import BaseCommand

from campaign.ops import background


class Command(BaseCommand):
    help = (
        "Find background tasks on every queue whose worker died (the same worker has started "
        "another task, or it has run past TASKS_RUNNING_TIMEOUT_SECONDS): run them again once, "
        "then mark them failed. Safe to run at any time, e.g. every minute from cron."
    )

    def handle(self, *args, **options):
        outcome = background.sweep_dead_tasks()
        self.stdout.write(f"Retried {outcome.retried}, failed {outcome.failed} dead task(s).")
