"""Toolkit counts in Redis, flushed into the daily counters in PostgreSQL once a minute.

A count is one HINCRBY on the live hash, field `day|asset|partner|site|size|kind`:
- asset: `#<pk>` (counted by Django, already looked up) or the slug (from the beacon);
- partner: `#<pk>` (Django checked the domains), a partner code (the beacon: checked at the
  flush against `site`), or empty;
- site: the embedding host (Django) or origin (the beacon); never a path, nothing of the visitor.

The flush is safe to kill at any moment (`flush_counts`):
1. RENAME the live hash to `flush:<id>`: new counts go to a fresh live hash meanwhile;
2. for every `flush:<id>` hash (this one and any a dead flush left), unless `<id>` is already
   recorded in CountFlush: in one transaction, record `<id>` and add the hash to DailyCount;
3. DEL the hash. Dying before 2 commits leaves the hash for the next flush; dying after leaves
   an id that is recorded, so the next flush only deletes it. Nothing is lost or counted twice.
"""

import contextlib
import datetime
import functools
import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass

import redis
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .hosts import normalise_host
from .kinds import CountKind
from .models import BlockedHost, CampaignAsset, CountFlush, DailyCount, Partner
from .origins import origin_allowed
from .presets import PRESETS

# Flush ids are kept this long: far longer than any left-over hash can wait for its flush.
FLUSH_IDS_KEPT_DAYS = 7

# One round trip per beacon: the per-address limit, the blocked-host check and the increment.
# KEYS: rate counter, blocked-host set, live hash. ARGV: limit, period, count (1/0), the field
# for an impression, the field for a blocked embed, then the host and its parent domains.
BEACON_SCRIPT = """
local over = false
if ARGV[3] == '1' then
    local n = redis.call('INCR', KEYS[1])
    if n == 1 then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]) + 1) end
    over = n > tonumber(ARGV[1])
end
local blocked = 0
for i = 6, #ARGV do
    if redis.call('SISMEMBER', KEYS[2], ARGV[i]) == 1 then blocked = 1 break end
end
if ARGV[3] == '1' and not over then
    redis.call('HINCRBY', KEYS[3], blocked == 1 and ARGV[5] or ARGV[4], 1)
end
return blocked
"""


def enabled() -> bool:
    """Counting goes through Redis when TOOLKIT_COUNTS_REDIS_URL is set (production)."""
    return bool(settings.TOOLKIT_COUNTS_REDIS_URL)


@functools.cache
def _client(url: str) -> redis.Redis:
    # Bounded waits: a stalled Redis must fail a beacon (which then shows, uncounted), never
    # hold the beacon's event loop or a flush for ever.
    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=5)


def client() -> redis.Redis:
    return _client(settings.TOOLKIT_COUNTS_REDIS_URL)


BEACON_SCRIPT_SHA = hashlib.sha1(BEACON_SCRIPT.encode()).hexdigest()  # noqa: S324 - Redis's id


def key(name: str) -> str:
    return f"{settings.TOOLKIT_COUNTS_KEY_PREFIX}:{name}"


def field(day: datetime.date, asset: str, partner: str, site: str, size: str, kind: str) -> str:
    return "|".join([day.isoformat(), asset, partner, site, size, kind])


def increment(day: datetime.date, asset_id: int, partner_id: int | None, host: str, size: str,
              kind: str) -> None:  # fmt: skip
    """One count already resolved by Django (a click, a download, a copy)."""
    partner = f"#{partner_id}" if partner_id else ""
    client().hincrby(key("live"), field(day, f"#{asset_id}", partner, host, size, kind), 1)


def host_and_parents(host: str) -> list[str]:
    labels = host.split(".") if host else []
    return [".".join(labels[i:]) for i in range(len(labels))]


@dataclass(frozen=True)
class BeaconCall:
    """One beacon's round of BEACON_SCRIPT: its keys and arguments."""

    keys: tuple[str, ...]
    args: tuple[str, ...]


def beacon_call(
    address_key: str, count: bool, asset: str, shown: str, partner: str, origin: str, size: str
) -> BeaconCall:
    """The script's call for an embed shown (`shown`) or blocked (`asset`). `count` False (a
    robot, HEAD) only asks whether the host is blocked."""
    day = timezone.localdate()
    limit, period = settings.TOOLKIT_COUNT_RATE_LIMIT
    window = int(timezone.now().timestamp() // period)
    return BeaconCall(
        keys=(key(f"rate:{address_key}:{window}"), key("blocked"), key("live")),
        args=(
            str(limit),
            str(period),
            "1" if count else "0",
            field(day, shown, partner, origin, size, CountKind.IMPRESSION),
            field(day, asset, "", origin, size, CountKind.BLOCKED),
            *host_and_parents(normalise_host(origin)),
        ),
    )


def run_beacon_calls(calls: list[BeaconCall]) -> list[bool]:
    """Run the calls in one round trip (a pipeline, not a transaction: each call is atomic on
    its own) and say, for each, whether its host is blocked. Raises redis.RedisError."""
    try:
        return _pipeline(calls)
    except redis.exceptions.NoScriptError:
        # Redis restarted (or was flushed) since the script was loaded. A call that failed with
        # NOSCRIPT did nothing, and all of them fail together: load it and send them again.
        client().script_load(BEACON_SCRIPT)
        return _pipeline(calls)


def _pipeline(calls: list[BeaconCall]) -> list[bool]:
    with client().pipeline(transaction=False) as pipe:
        for call in calls:
            pipe.evalsha(BEACON_SCRIPT_SHA, len(call.keys), *call.keys, *call.args)
        return [result == 1 for result in pipe.execute()]


def sync_blocked_hosts() -> None:
    """Copy the officer's blocked hosts into Redis, where the beacon looks them up."""
    hosts = list(BlockedHost.objects.values_list("host", flat=True))
    with client().pipeline(transaction=True) as pipe:
        pipe.delete(key("blocked"))
        if hosts:
            pipe.sadd(key("blocked"), *hosts)
        pipe.execute()


@dataclass
class FlushOutcome:
    applied: int = 0  # hashes added to the daily counters now
    skipped: int = 0  # left-overs of a flush that had committed before it died
    counted: int = 0  # counts added
    dropped: int = 0  # counts naming no asset (a deleted asset, a made-up slug)


Row = tuple[datetime.date, int, int | None, str, str, str]


def resolve(fields: dict[bytes, bytes]) -> tuple[Counter, int]:
    """The DailyCount rows (day, asset, partner, host, size, kind) -> n of a flushed hash, and
    how many counts named nothing that exists."""
    parsed = []
    for raw, n in fields.items():
        parts = raw.decode(errors="replace").split("|")
        if len(parts) == 6:
            parsed.append((parts, int(n)))
    refs = {parts[1] for parts, _ in parsed}
    ids = {int(ref[1:]) for ref in refs if ref[1:].isdigit() and ref.startswith("#")}
    slugs = {ref for ref in refs if not ref.startswith("#")}
    assets = CampaignAsset.objects.filter(slug__in=slugs) | CampaignAsset.objects.filter(pk__in=ids)
    asset_ids = {}
    # A slug shared by translations names the default language's asset, as wherever partners'
    # codes are read (CampaignAsset.objects.by_slug): it comes last, so it wins.
    for pk, slug in assets.language_first().reverse().values_list("pk", "slug"):
        asset_ids[f"#{pk}"] = asset_ids[slug] = pk
    partner_refs = {parts[2] for parts, _ in parsed if parts[2]}
    codes = {ref for ref in partner_refs if not ref.startswith("#")}
    partner_pks = {int(ref[1:]) for ref in partner_refs if ref[1:].isdigit()}
    by_code = {p.code: p for p in Partner.objects.active().filter(code__in=codes)}
    known_partners = set(Partner.objects.filter(pk__in=partner_pks).values_list("pk", flat=True))
    rows: Counter = Counter()
    dropped = 0
    for (day, asset, partner, site, size, kind), n in parsed:
        asset_id = asset_ids.get(asset)
        try:
            day = datetime.date.fromisoformat(day)
        except ValueError:
            asset_id = None
        if asset_id is None or kind not in CountKind.values:
            dropped += n
            continue
        partner_id = None
        if partner.startswith("#") and partner[1:].isdigit():
            partner_id = int(partner[1:]) if int(partner[1:]) in known_partners else None
        elif (
            partner in by_code
            and kind != CountKind.BLOCKED
            # As where_embedded: a code counts for its partner on its domains, or where the
            # browser did not say.
            and (not site or origin_allowed(site, by_code[partner].domains))
        ):
            partner_id = by_code[partner].pk
        host = "" if partner_id else normalise_host(site)
        rows[(day, asset_id, partner_id, host, size if size in PRESETS else "", kind)] += n
    return rows, dropped


def apply(pending: str, outcome: FlushOutcome) -> None:
    """Add one flushed hash to the daily counters, once, then delete it."""
    flush_id = pending.rsplit(":", 1)[1]
    if CountFlush.objects.filter(pk=flush_id).exists():
        outcome.skipped += 1
    else:
        rows, dropped = resolve(client().hgetall(pending))
        try:
            with transaction.atomic():
                CountFlush.objects.create(pk=flush_id)
                for (day, asset_id, partner_id, host, size, kind), n in rows.items():
                    DailyCount.objects.record(
                        asset_id,
                        kind,
                        partner_id=partner_id,
                        size=size,
                        day=day,
                        host=host,
                        amount=n,
                    )
        except IntegrityError:
            # Another flush recorded this id first (two flushes at once): it counted the hash.
            outcome.skipped += 1
        else:
            outcome.applied += 1
            outcome.counted += sum(rows.values())
            outcome.dropped += dropped
    client().delete(pending)


def flush_counts() -> FlushOutcome:
    """Move the counts from Redis into DailyCount exactly once (see the module's docstring)."""
    outcome = FlushOutcome()
    # No live hash (nothing counted since the last flush) makes RENAME fail: nothing to move.
    with contextlib.suppress(redis.ResponseError):
        client().rename(key("live"), key(f"flush:{uuid.uuid4().hex}"))
    for pending in sorted(k.decode() for k in client().scan_iter(match=key("flush:*"))):
        apply(pending, outcome)
    old = timezone.now() - datetime.timedelta(days=FLUSH_IDS_KEPT_DAYS)
    CountFlush.objects.filter(flushed_at__lt=old).delete()
    sync_blocked_hosts()
    return outcome
