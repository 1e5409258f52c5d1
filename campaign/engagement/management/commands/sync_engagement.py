"""Store today's and yesterday's value of every indicator (or every day since --since)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from campaign.engagement.sync import default_range, sync_engagement


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"'{value}' is not a date like 2026-01-31.") from error


class Command(BaseCommand):
    help = "Snapshot each engagement indicator per day. Re-running a day replaces its values."

    def add_arguments(self, parser):
        parser.add_argument("--since", type=iso_date, help="First day to sync (YYYY-MM-DD).")

    def handle(self, *args, since=None, **options):
        day_from, day_to = default_range()
        if since:
            if since > day_to:
                raise CommandError("--since is in the future.")
            day_from = since
        outcomes = sync_engagement(day_from, day_to)
        counts = {"synced": 0, "skipped": 0, "failed": 0}
        for outcome in outcomes:
            if outcome.skipped:
                counts["skipped"] += 1
                self.stdout.write(f"skipped {outcome.indicator}: {outcome.error}")
            elif outcome.error:
                counts["failed"] += 1
                self.stderr.write(f"FAILED {outcome.indicator}: {outcome.error}")
            else:
                counts["synced"] += 1
                self.stdout.write(f"synced {outcome.indicator}: {outcome.days} days")
        summary = f"{day_from} to {day_to}: " + ", ".join(f"{n} {k}" for k, n in counts.items())
        style = self.style.WARNING if counts["failed"] else self.style.SUCCESS
        self.stdout.write(style(summary))
