"""The embed path at the edge: the embed document and its data through Varnish against nginx
serving the same bytes, the counting beacon through its own gunicorn (and through the site's,
which answers it while the beacon's is down), the click through the site's gunicorn, and
exactness after the flush, also when the flush is killed half-way (SIGKILL, as the OOM killer
or a power cut)."""

import os
import random
import signal
import subprocess
import time

from django.db.models import Sum
from django.utils import timezone

from campaign.core.counts import get_count_sources
from campaign.toolkit import tally
from campaign.toolkit.kinds import CountKind
from campaign.toolkit.models import CountFlush, DailyCount
from campaign.toolkit.reports import monthly_rows

from .ab import run_ab
from .env import ENV, PYTHON, ROOT
from .pages import (
    HEADERS,
    alternating_rounds,
    median_cpu_us,
    median_run,
    paired_ratio,
    snapshot_path,
)
from .stack import Stack, get, serve_like_the_site
from .wrk import run_wrk

VARNISH_TARGET = 0.8  # the embed through Varnish at 0.8x nginx static or better
BEACON_RPS_TARGET = 2000.0
BEACON_P99_TARGET_MS = 50.0
# Extra counts written straight to Redis before the killed flushes: one row per made-up host, so
# a flush takes long enough to be killed in the middle of its transaction.
KILL_ROWS = 20_000
ENGAGEMENT_SOURCES = {
    CountKind.IMPRESSION: "toolkit.impressions",
    CountKind.CLICK: "toolkit.clicks",
}


def count_totals() -> dict[str, int]:
    return dict(DailyCount.objects.values_list("kind").annotate(total=Sum("n")))


def flush() -> str:
    """One `manage.py flush_toolkit_counts`, as the systemd timer runs it."""
    return subprocess.run(
        [PYTHON, "manage.py", "flush_toolkit_counts"],
        cwd=ROOT,
        env={**os.environ, **ENV},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    ).stdout.strip()


def edge_vs_nginx(stack: Stack, paths: dict[str, str], seconds: float, rounds: int) -> dict:
    """Each path through Varnish and as a file nginx serves with the site's response headers
    (the same bytes), in alternating rounds."""
    rows = {}
    for name, path in paths.items():
        status, headers, body = get(stack.gunicorn + path, HEADERS)
        if status != 200:
            raise RuntimeError(f"{name} ({path}) answered {status} through gunicorn")
        target = snapshot_path(stack.snapshots, path.split("?")[0])
        target.write_bytes(body)
        serve_like_the_site(stack, path, headers)
        get(stack.varnish + path, HEADERS)
        _, varnish_headers, _ = get(stack.varnish + path, HEADERS)
        runs = alternating_rounds(stack, path, 100, seconds / 2, rounds)
        ratio = paired_ratio(runs["varnish"], runs["nginx"])
        rows[name] = {
            "path": path,
            "bytes": len(body),
            "cache_control": headers.get("Cache-Control", ""),
            "x_cache": varnish_headers.get("X-Cache", "?"),
            "varnish": median_run(runs["varnish"]),
            "nginx": median_run(runs["nginx"]),
            "cpu_us_per_request": median_cpu_us(runs),
            "ratio": ratio,
            "pass": ratio >= VARNISH_TARGET,
        }
    return rows


def exact_run(server: str, kind: str, path: str, requests: int, partner: str) -> dict:
    """Exactly `requests` requests to `server` with ab at 100 connections, the flush, then the
    counters, the engagement count source the sync reads, and the partner's report."""
    DailyCount.objects.all().delete()
    run = run_ab(server + path, requests, 100, HEADERS)
    flushed = flush()
    counted = count_totals()
    today = timezone.localdate()
    engagement = get_count_sources()[ENGAGEMENT_SOURCES[kind]].count(today, today)
    report = monthly_rows(DailyCount.objects.filter(partner__code=partner))
    reported = sum(row.counts[kind] for row in report)
    return {
        **run.as_dict(),
        "sent": requests,
        "counted": counted.get(kind, 0),
        "engagement": engagement,
        "partner_report": reported,
        "flush": flushed,
        "other_kinds": {k: v for k, v in counted.items() if k != kind},
        "exact": counted.get(kind, 0) == requests == run.complete == engagement == reported
        and run.failed == 0
        and len(counted) == 1,
    }


def kill_a_flush(moment: str) -> dict:
    """Start `flush_toolkit_counts` and SIGKILL it once it has taken the live batch: after a
    random 0-1.5 s, or as soon as its flush id is committed."""
    process = subprocess.Popen(
        [PYTHON, "manage.py", "flush_toolkit_counts"],
        cwd=ROOT,
        env={**os.environ, **ENV},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    before = set(tally.client().scan_iter(match=tally.key("flush:*")))
    deadline = time.monotonic() + 120
    taken = set()
    while not taken and process.poll() is None and time.monotonic() < deadline:
        taken = set(tally.client().scan_iter(match=tally.key("flush:*"))) - before
        time.sleep(0.005)
    flush_ids = [key.decode().rsplit(":", 1)[1] for key in taken | before]
    if moment == "random":
        time.sleep(random.uniform(0, 1.5))  # noqa: S311 - a moment to kill at, not a secret
    else:
        while process.poll() is None and time.monotonic() < deadline:
            if CountFlush.objects.filter(pk__in=flush_ids).exists():
                break
            time.sleep(0.002)
    alive = process.poll() is None
    if alive:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return {
        "moment": moment,
        "killed": alive,
        "committed_before_kill": CountFlush.objects.filter(pk__in=flush_ids).exists(),
        "batches_left": len(list(tally.client().scan_iter(match=tally.key("flush:*")))),
        "counted_so_far": count_totals().get(CountKind.IMPRESSION, 0),
    }


def killed_flushes(stack: Stack, path: str, requests: int) -> dict:
    """Beacons and a large batch in Redis, then flushes killed with SIGKILL at a random moment
    after they took the batch (RENAME), then a flush left to finish: every count exactly once."""
    DailyCount.objects.all().delete()
    run = run_ab(stack.beacon + path, requests, 100, HEADERS)
    day = timezone.localdate().isoformat()
    slug = path.split("a=")[1].split("&")[0]
    with tally.client().pipeline(transaction=False) as pipe:
        for n in range(KILL_ROWS):
            row = f"{day}|{slug}||https://h{n}.kill.bench.test|square|{CountKind.IMPRESSION}"
            pipe.hincrby(tally.key("live"), row, 2)
        pipe.execute()
    sent = run.complete + 2 * KILL_ROWS
    # One flush killed at a random moment after it took the batch (mostly inside its
    # transaction), one killed the moment its commit is visible, one at random again.
    kills = []
    for moment in ("random", "at commit", "random"):
        # A count arriving meanwhile: each flush then takes a batch of its own besides those
        # its killed predecessors left.
        row = f"{day}|{slug}||https://meanwhile.kill.bench.test|square|{CountKind.IMPRESSION}"
        tally.client().hincrby(tally.key("live"), row, 1)
        sent += 1
        kills.append(kill_a_flush(moment))
    final = flush()
    counted = count_totals().get(CountKind.IMPRESSION, 0)
    return {
        "sent": sent,
        "beacons": run.complete,
        "written": sent - run.complete,
        "failed": run.failed,
        "kills": kills,
        "final_flush": final,
        "counted": counted,
        "left_in_redis": len(list(tally.client().scan_iter(match=tally.key("flush:*")))),
        "exact": counted == sent and run.failed == 0,
    }


def measure_edge(
    stack: Stack, slug: str, partner: str, seconds: float, rounds: int, exact_requests: int
) -> dict:
    size = "medium-rectangle"
    beacon = f"/count/impression/?a={slug}&d={slug}&s={size}&p={partner}&o=https://news.test"
    # Slowest last: a slow run leaves gunicorn a backlog that would weigh on the next one.
    through_gunicorn = {
        "beacon (/count/impression/)": (stack.beacon, beacon),
        "beacon, fallback: the site's gunicorn": (stack.gunicorn, beacon),
        "/embed.js": (stack.gunicorn, "/embed.js"),
        "embed document, uncached": (stack.gunicorn, f"/embed/{slug}/?size={size}"),
        "click (/go/)": (stack.gunicorn, f"/go/{slug}/?partner={partner}&size={size}"),
    }
    for server, path in through_gunicorn.values():
        get(server + path, HEADERS)  # renditions made once, before timing
    load = {}
    for name, (server, path) in through_gunicorn.items():
        run_wrk(server + path, 100, 1, headers=HEADERS)  # warm-up
        time.sleep(1.5)
        load[name] = run_wrk(server + path, 100, seconds, headers=HEADERS).as_dict()
        time.sleep(1.5)  # gunicorn answers what was still queued
    beacon_load = load["beacon (/count/impression/)"]
    edge = edge_vs_nginx(
        stack,
        {
            "embed document": f"/embed/{slug}/?partner={partner}&size={size}",
            "embed data (embed.js)": f"/embed/{slug}/data.json?partner={partner}&size={size}",
        },
        seconds,
        rounds,
    )
    flush()  # what the load runs counted, out of the way
    # Without the site's origin a partner code counts for the partner (as where the browser
    # does not say), so its report has every count.
    partner_beacon = f"/count/impression/?a={slug}&d={slug}&s={size}&p={partner}"
    click = through_gunicorn["click (/go/)"][1]
    exact = {
        str(CountKind.IMPRESSION): exact_run(
            stack.beacon, CountKind.IMPRESSION, partner_beacon, exact_requests, partner
        ),
        str(CountKind.CLICK): exact_run(
            stack.gunicorn, CountKind.CLICK, click, exact_requests, partner
        ),
    }
    killed = killed_flushes(stack, beacon, exact_requests)
    return {
        "seconds": seconds,
        "rounds": rounds,
        "load": load,
        "edge": edge,
        "exact": exact,
        "killed": killed,
        "beacon_pass": beacon_load["requests_per_second"] >= BEACON_RPS_TARGET
        and beacon_load["p99_ms"] < BEACON_P99_TARGET_MS,
    }
