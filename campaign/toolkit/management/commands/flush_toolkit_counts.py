from django.core.management.base import BaseCommand

from campaign.toolkit import tally


class Command(BaseCommand):
    help = (
        "Move the toolkit's counts from Redis into the daily counters in PostgreSQL, exactly "
        "once even after a flush that died half-way, and refresh the blocked hosts in Redis. "
        "Run every minute (deploy/systemd/enddemand-flush-counts.timer)."
    )

    def handle(self, *args, **options):
        if not tally.enabled():
            self.stdout.write(
                "TOOLKIT_COUNTS_REDIS_URL is not set: counts go straight to the database."
            )
            return
        outcome = tally.flush_counts()
        self.stdout.write(
            f"Flushed {outcome.counted} count(s) from {outcome.applied} batch(es); "
            f"{outcome.skipped} already counted, {outcome.dropped} naming no asset dropped."
        )
