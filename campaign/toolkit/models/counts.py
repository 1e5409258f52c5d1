"""Daily first-party counts per asset, partner (or embedding host), size and kind: numbers only,
nothing about the visitor."""

import datetime

from django.db import connection, models
from django.db.models import Q, Sum
from django.utils import timezone

from ..kinds import CountKind


class DailyCountQuerySet(models.QuerySet):
    def between(self, day_from: datetime.date, day_to: datetime.date):
        return self.filter(day__gte=day_from, day__lte=day_to)

    def last_days(self, days: int):
        today = timezone.localdate()
        return self.between(today - datetime.timedelta(days=days - 1), today)

    def total(self) -> int:
        return self.aggregate(total=Sum("n"))["total"] or 0

    def totals_by_kind(self) -> dict[str, int]:
        """Every kind's total, zero where nothing was counted."""
        totals = dict.fromkeys(CountKind.values, 0)
        for row in self.values("kind").annotate(total=Sum("n")):
            totals[row["kind"]] = row["total"]
        return totals

    def record(
        self,
        asset_id: int,
        kind: str,
        partner_id: int | None = None,
        size: str = "",
        day: datetime.date | None = None,
        host: str = "",
        amount: int = 1,
    ) -> None:
        """Add `amount` (one by default) to the day's counter in a single atomic upsert, safe under
        concurrent hits. A partner's row ignores the host: partners are counted under their code."""
        meta = self.model._meta
        quote = connection.ops.quote_name
        table = quote(meta.db_table)
        partner_column = quote(meta.get_field("partner").column)
        names = ("day", "asset", "size", "kind", "host")
        columns = [quote(meta.get_field(name).column) for name in names]
        # Each partial unique index below is the conflict target for its half of the rows.
        if partner_id is None:
            target = f"({', '.join(columns)}) WHERE {partner_column} IS NULL"
        else:
            host = ""
            target = f"({', '.join([*columns[:2], partner_column, *columns[2:4]])}) "
            target += f"WHERE {partner_column} IS NOT NULL"
        n = quote("n")
        # Table and column names are quoted from the model's own metadata; values are parameters.
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}, {partner_column}, {n}) "  # noqa: S608
            f"VALUES (%s, %s, %s, %s, %s, %s, %s) "
            f"ON CONFLICT {target} DO UPDATE SET {n} = {table}.{n} + EXCLUDED.{n}"
        )
        values = [day or timezone.localdate(), asset_id, size, kind, host, partner_id, amount]
        with connection.cursor() as cursor:
            cursor.execute(sql, values)


class DailyCount(models.Model):
    """How many times one thing happened on one day (site time zone)."""

    day = models.DateField(db_index=True)
    asset = models.ForeignKey(
        "toolkit.CampaignAsset", on_delete=models.PROTECT, related_name="daily_counts"
    )
    partner = models.ForeignKey(
        "toolkit.Partner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="daily_counts",
        help_text="Empty for use on the campaign's own site or without a partner code.",
    )
    host = models.CharField(
        max_length=253,
        blank=True,
        help_text="The embedding site's host name for use without a partner code (never the "
        "page's path); empty on the campaign's own site or when the browser did not say.",
    )
    size = models.CharField(max_length=32, blank=True, help_text="The preset, where one applies.")
    kind = models.CharField(max_length=16, choices=CountKind.choices)
    n = models.PositiveIntegerField(default=0)

    objects = DailyCountQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "asset", "partner", "size", "kind"],
                condition=Q(partner__isnull=False),
                name="toolkit_dailycount_unique_with_partner",
            ),
            models.UniqueConstraint(
                fields=["day", "asset", "size", "kind", "host"],
                condition=Q(partner__isnull=True),
                name="toolkit_dailycount_unique_per_host",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.day} {self.asset_id} {self.partner_id or self.host or '-'} {self.size} "
            f"{self.kind}: {self.n}"
        )


class CountFlush(models.Model):
    """A flush of the Redis counters that has been added to DailyCount (campaign.toolkit.tally):
    its id makes a repeated flush of the same counts a no-op."""

    id = models.CharField(primary_key=True, max_length=32)
    flushed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.id} at {self.flushed_at}"
