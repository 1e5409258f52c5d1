from django.core.management.base import BaseCommand

from campaign.alerts import tasks


class Command(BaseCommand):
    help = (
        "Recover media-alert batches left by dead workers (requeue rows never posted, mark "
        "posted ones unknown), start due scheduled alerts and enqueue their batches. Safe to "
        "run at any time, e.g. every minute from cron."
    )

    def handle(self, *args, **options):
        result = tasks.sweep_alerts.call()
        self.stdout.write(
            f"Requeued {result['requeued']}, marked unknown {result['unknown']}, "
            f"finished {result['finished']} alert(s)."
        )
