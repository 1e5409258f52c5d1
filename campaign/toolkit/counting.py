"""The one place a toolkit count is recorded.

Every counted event (impression, click, download, embed-code copy, blocked embed) ends in
`record_use(asset, partner-or-host, kind, day)`: an increment in Redis that the worker's flush adds
to the daily counters in PostgreSQL (campaign.toolkit.tally), or, without Redis (development,
tests), one atomic upsert in PostgreSQL. Impressions come from the embed's beacon
(campaign.toolkit.beacon), which increments Redis itself. The views decide what to count (robots,
rate limit, HEAD) through `count_request`.

Plausible hears of clicks only. Its Events API takes one event per call, with no count, so a
batch would still be a call per impression, and a sample would make Plausible's impressions
disagree with the first-party counters that the engagement sync and the partner report read.
Impression events are dropped; a click is a visitor's own act, rare next to impressions, and
still passes through Django's /go/ redirect.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from campaign.core.ratelimit import hit
from campaign.core.signals import offsite_event

from . import tally
from .bots import is_bot
from .kinds import CountKind
from .models import CampaignAsset, DailyCount, Partner

OFFSITE_EVENTS = {CountKind.CLICK: "Embed click"}


@dataclass(frozen=True)
class Where:
    """Whom a count is for: a registered partner, or else the embedding site's host name ('' for
    the campaign's own site or a browser that did not say)."""

    partner: Partner | None = None
    host: str = ""

    @property
    def name(self) -> str:
        return self.partner.code if self.partner else self.host


def record_use(
    asset_id: int, where: Where, kind: str, size: str = "", day: datetime.date | None = None
) -> None:
    """Count one use of an asset for a partner or host on a day (today by default)."""
    if tally.enabled():
        partner_id = where.partner.pk if where.partner else None
        host = "" if where.partner else where.host
        tally.increment(day or timezone.localdate(), asset_id, partner_id, host, size, kind)
        return
    DailyCount.objects.record(
        asset_id,
        kind,
        partner_id=where.partner.pk if where.partner else None,
        size=size,
        day=day,
        host="" if where.partner else where.host,
    )


def count_request(
    request: HttpRequest, asset: CampaignAsset, kind: str, where: Where, size: str = ""
) -> None:
    """Count a visitor's request, leaving out robots, HEAD requests and one address's excess."""
    limit, period = settings.TOOLKIT_COUNT_RATE_LIMIT
    if request.method != "GET" and request.method != "POST":
        return
    if is_bot(request) or hit(request, "toolkit-count", limit, period):
        return
    record_use(asset.pk, where, kind, size)
    if kind in OFFSITE_EVENTS:
        # Clicks happen on other sites, where our analytics script never runs.
        offsite_event.send(
            sender=CampaignAsset,
            name=OFFSITE_EVENTS[kind],
            url=request.build_absolute_uri(reverse("toolkit_embed", args=[asset.slug])),
            props={"asset": asset.slug, "partner": where.name, "size": size},
        )
