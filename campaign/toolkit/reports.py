"""Monthly toolkit counts per asset: each partner's own report and the officer's report of every
partner, unregistered host and blocked host read the same rows."""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from .kinds import CountKind

# What a partner sees of its own use; the officer's report adds the blocked embeds.
PARTNER_KINDS = [CountKind.IMPRESSION, CountKind.CLICK, CountKind.DOWNLOAD, CountKind.EMBED_COPY]
REPORT_KINDS = [*PARTNER_KINDS, CountKind.BLOCKED]


@dataclass
class MonthRow:
    """One month of one asset for one partner or host: a number per kind."""

    month: str
    who: str
    who_kind: str
    asset: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REPORT_KINDS, 0))


def who_of(partner_name: str | None, host: str, blocked: bool) -> tuple[str, str]:
    if partner_name:
        return partner_name, str(_("Partner"))
    if blocked:
        return host, str(_("Blocked host"))
    if host:
        return host, str(_("Unregistered host"))
    return str(_("This site")), str(_("Campaign site"))


def monthly_rows(daily_counts) -> list[MonthRow]:
    """Monthly totals per (partner or host, asset), newest month first, from DailyCount rows."""
    grouped = (
        daily_counts.annotate(month=TruncMonth("day"))
        .values("month", "partner__organisation", "host", "asset__title", "kind")
        .annotate(total=Sum("n"))
        .order_by()
    )
    rows: dict[tuple, MonthRow] = {}
    blocked_hosts: defaultdict[tuple, bool] = defaultdict(bool)
    for item in grouped:
        key = (
            item["month"],
            item["partner__organisation"] or "",
            item["host"],
            item["asset__title"],
        )
        if item["kind"] == CountKind.BLOCKED:
            blocked_hosts[key] = True
        if key not in rows:
            rows[key] = MonthRow(
                month=item["month"].strftime("%Y-%m"), who="", who_kind="", asset=key[3]
            )
        rows[key].counts[item["kind"]] = rows[key].counts.get(item["kind"], 0) + item["total"]
    for key, row in rows.items():
        row.who, row.who_kind = who_of(key[1], key[2], blocked_hosts[key])
    return sorted(rows.values(), key=lambda row: (row.month, row.who, row.asset), reverse=True)


def csv_text(rows: list[MonthRow], kinds: list[CountKind], with_who: bool) -> str:
    """The rows as CSV text, a header first; the partner's own report leaves out who."""
    out = io.StringIO()
    writer = csv.writer(out)
    head = [str(_("Month")), str(_("Asset")), *[str(kind.label) for kind in kinds]]
    writer.writerow([str(_("Partner or host")), str(_("Type")), *head] if with_who else head)
    for row in rows:
        values = [row.month, row.asset, *[row.counts[kind] for kind in kinds]]
        writer.writerow([row.who, row.who_kind, *values] if with_who else values)
    return out.getvalue()
