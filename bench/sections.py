"""Each section of the run, and its table. Imported only once Django is set up."""

import time
from pathlib import Path

from campaign.core.models import CampaignImage
from campaign.newsroom.models import PressReleasePage
from campaign.toolkit.models import CampaignAsset, Partner

from . import alerts, data, embeds, images, inprocess, pages
from .report import table
from .stack import production_stack

SEEDED_RELEASE = "council-report-puts-buyers-at-the-centre"
SEEDED_ASSET = "no-buyers-no-trafficking"
SEEDED_PARTNER = "demo-family-services"
# Matches every benchmark release, so the results are paginated over 1,000 pages.
SEARCH = "/search/?q=demand"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def load_pages() -> list[tuple[str, str]]:
    """The pages the issue names, as the site serves them."""
    release = PressReleasePage.objects.live().get(slug=SEEDED_RELEASE)
    return [
        ("home", "/"),
        ("newsroom listing", "/newsroom/"),
        ("press release", release.url),
        ("toolkit asset", f"/toolkit/{SEEDED_ASSET}/"),
        ("search results", SEARCH),
        ("feed (RSS)", "/newsroom/feed/rss/"),
        ("feed (Atom)", "/newsroom/feed/atom/"),
    ]


def query_pages() -> list[tuple[str, str]]:
    """Every page type the public sees (the load-tested ones and the rest)."""
    return [
        *load_pages(),
        ("toolkit listing", "/toolkit/"),
        ("toolkit goal", "/toolkit/?goal=raise-public-awareness"),
        ("goal page", "/raise-public-awareness/"),
        ("content page", "/about/"),
        ("policy page", "/policy/"),
        ("action form", "/leaders-pledge/"),
        ("embed document", f"/embed/{SEEDED_ASSET}/?partner={SEEDED_PARTNER}"),
    ]


def timed(results: dict, name: str, fn, *args):
    print(f"... {name}", flush=True)
    start = time.monotonic()
    out = fn(*args)
    results.setdefault("section_seconds", {})[name] = round(time.monotonic() - start, 1)
    return out


def run_sections(plan, workdir: Path, results: dict, drain_tasks) -> None:
    tables = results.setdefault("tables", [])
    small = 10
    results["data_small"] = data.grow_to(small)
    timed(results, "background tasks (search index)", drain_tasks)
    if plan.wants("queries"):
        few = timed(results, f"queries with {small}", inprocess.count_queries, query_pages())
    if plan.wants("queries", "pages", "embed"):
        results["data"] = timed(results, f"growing to {plan.large}", data.grow_to, plan.large)
        timed(results, "background tasks (search index) again", drain_tasks)
    if plan.wants("queries"):
        many = timed(results, f"queries with {plan.large}", inprocess.count_queries, query_pages())
        rows = inprocess.query_rows(few, many, (small, plan.large))
        results["queries"] = rows
        tables.append(queries_table(rows, small, plan.large))
    if plan.wants("pages", "embed"):
        with production_stack(workdir / "stack") as stack:
            if plan.wants("pages"):
                result = timed(
                    results,
                    "pages",
                    pages.measure_pages,
                    stack,
                    load_pages(),
                    plan.wrk_seconds,
                    16,
                    plan.rounds,
                )
                results["pages"] = result
                tables.append(pages_table(result, results["data"]))
            if plan.wants("embed"):
                result = timed(
                    results,
                    "embed",
                    embeds.measure_edge,
                    stack,
                    SEEDED_ASSET,
                    SEEDED_PARTNER,
                    plan.wrk_seconds,
                    plan.rounds,
                    plan.exact_requests,
                )
                results["embed"] = result
                tables.append(embed_table(result))
    if plan.wants("engagement"):
        result = timed(results, "engagement", inprocess.measure_engagement, plan.repeat)
        results["engagement"] = result
        tables.append(engagement_table(result))
    if plan.wants("images"):
        image = CampaignAsset.objects.get(slug=SEEDED_ASSET).image
        result = timed(
            results, "images", images.measure_images, image.pk, workdir, plan.image_rounds
        )
        result["image"] = {"title": image.title, "width": image.width, "height": image.height}
        results["images"] = result
        tables.append(images_table(result))
    if plan.wants("alerts"):
        drain_tasks()
        result = timed(results, "alerts", alerts.measure_alerts, plan.alert_sizes, workdir)
        results["alerts"] = result
        tables.append(alerts_table(result))
        result = timed(results, "alerts_send_now", alerts.measure_send_now, workdir)
        results["alerts_send_now"] = result
        tables.append(send_now_table(result))
    results["data_final"] = {
        "releases": PressReleasePage.objects.count(),
        "assets": CampaignAsset.objects.count(),
        "partners": Partner.objects.count(),
        "images": CampaignImage.objects.count(),
    }


def queries_table(rows: list[dict], small: int, large: int) -> str:
    return table(
        f"SQL queries per page (second request in a warm process; {small} vs {large} releases, "
        f"assets and partners): 'rendered' with nothing cached (RENDER_CACHE_SECONDS=0), "
        f"'served' with the render cache on; target: rendered at most "
        f"{inprocess.QUERY_TARGET}, and no growth",
        [
            "page",
            f"rendered, {small}",
            f"rendered, {large}",
            f"served, {small}",
            f"served, {large}",
            "status",
            "target",
            "result",
        ],
        [
            [
                r["page"],
                r[f"rendered_{small}"],
                r[f"rendered_{large}"],
                r[f"served_{small}"],
                r[f"served_{large}"],
                r["status"],
                f"<={inprocess.QUERY_TARGET}, flat",
                verdict(r["pass"]),
            ]
            for r in rows
        ],
    )


def pages_table(result: dict, sizes: dict) -> str:
    title = (
        f"Pages under load: wrk, {result['connections']} connections; gunicorn 2 workers, no "
        f"HTTP cache in front ({result['seconds']} s): with the render cache, and rendering "
        f"every request; Varnish and nginx static snapshot: {result['rounds']} alternating "
        f"rounds (ratio: the median round's) of {result['seconds'] / 2:g} s; data: {sizes}"
    )
    body = table(title, pages.PAGES_COLUMNS, pages.pages_table_rows(result))
    home = (
        f"Home page through gunicorn, no HTTP cache: {result['home_rps']:.0f} req/s (target >= "
        f"{pages.HOME_RPS_TARGET:.0f}) {verdict(result['home_pass'])}; rendering every request "
        f"(render cache off): {result['home_rendered_rps']:.0f} req/s"
    )
    return f"{body}\n{home}"


def embed_table(result: dict) -> str:
    beacon = result["load"]["beacon (/count/impression/)"]
    load = table(
        f"Embed path through gunicorn (2 workers each): wrk, 100 connections, {result['seconds']} "
        "s each;"
        " the beacon through its own gunicorn (uvicorn workers) and through the site's "
        "(the fallback); the embed document uncached for comparison (Varnish serves it, below)",
        ["endpoint", "rps", "p50 ms", "p99 ms", "requests", "errors"],
        [
            [name, r["requests_per_second"], r["p50_ms"], r["p99_ms"], r["requests"], r["errors"]]
            for name, r in result["load"].items()
        ],
    )
    edge = table(
        f"Embed at the edge: Varnish against nginx serving the same bytes, wrk, 100 connections, "
        f"{result['rounds']} alternating rounds (ratio: the median round's); target >= "
        f"{embeds.VARNISH_TARGET}x",
        ["endpoint", "bytes", "cache", "varnish rps", "p99 ms", "nginx rps", "p99 ms", "ratio"]
        + ["result", "CPU us/req v/n"],
        [
            [
                name,
                r["bytes"],
                r["x_cache"],
                r["varnish"]["requests_per_second"],
                r["varnish"]["p99_ms"],
                r["nginx"]["requests_per_second"],
                r["nginx"]["p99_ms"],
                f"{r['ratio']:.2f}",
                verdict(r["pass"]),
                pages.cpu_per_request(r),
            ]
            for name, r in result["edge"].items()
        ],
    )
    exact = table(
        "Counting exactness: ab -n N -c 100 with a browser User-Agent, then the flush "
        "(manage.py flush_toolkit_counts), then the daily counters, the engagement count source "
        "and the partner's report",
        ["kind", "sent", "completed", "failed", "counted", "engagement", "partner report"]
        + ["rps", "p50 ms", "p99 ms", "result"],
        [
            [
                kind,
                r["sent"],
                r["complete"],
                r["failed"],
                r["counted"],
                r["engagement"],
                r["partner_report"],
                r["requests_per_second"],
                r["p50_ms"],
                r["p99_ms"],
                f"exact {verdict(r['exact'])}",
            ]
            for kind, r in result["exact"].items()
        ],
    )
    killed = result["killed"]
    kills = ", ".join(
        f"{k['moment']}: "
        + (
            ("killed after a commit" if k["committed_before_kill"] else "killed before commit")
            if k["killed"]
            else "finished before the kill"
        )
        + f" ({k['counted_so_far']:,} counted, {k['batches_left']} batch(es) left)"
        for k in killed["kills"]
    )
    return (
        f"{load}\nBeacon {beacon['requests_per_second']:.0f} req/s, p99 {beacon['p99_ms']:.1f} ms "
        f"(target >= {embeds.BEACON_RPS_TARGET:.0f} req/s, p99 < "
        f"{embeds.BEACON_P99_TARGET_MS:.0f} ms) {verdict(result['beacon_pass'])}\n{edge}\n{exact}"
        f"\nKilled flushes: {killed['beacons']} beacons + {killed['written']:,} counts written "
        f"to Redis = {killed['sent']:,} impressions; flushes: {kills}; then one flush to the end: "
        f"counted {killed['counted']:,}, batches left in Redis {killed['left_in_redis']} "
        f"exact {verdict(killed['exact'])}"
    )


def engagement_table(result: dict) -> str:
    return table(
        f"Engagement report (/admin/engagement/): {result['indicators']} indicators, "
        f"{result['snapshots']:,} daily snapshots after the year is added",
        ["data", "median ms", "max ms", "queries"],
        [
            [
                "seeded snapshots",
                *[result["seeded"][k] for k in ("median_ms", "max_ms", "queries")],
            ],
            [
                "a year of snapshots",
                *[result["year"][k] for k in ("median_ms", "max_ms", "queries")],
            ],
        ],
    )


def images_table(result: dict) -> str:
    image = result["image"]
    best = result["best"]
    rows = [
        [side, r["files"], r["seconds"], r["peak_above_start_mb"], r["peak_rss_mb"]]
        for side, r in best.items()
    ]
    body = table(
        f"Every size and format of one image ({image['title']}, {image['width']}x"
        f"{image['height']}): best of {len(result['runs']['wagtail'])} fresh processes",
        ["side", "files", "seconds", "peak MB above start", "peak RSS MB"],
        rows,
    )
    return (
        f"{body}\nWagtail/Pillow time {result['time_ratio']:.2f}x (target <= "
        f"{images.RATIO_TARGET}x) {verdict(result['time_pass'])}; peak memory "
        f"{result['memory_ratio']:.2f}x {verdict(result['memory_pass'])}"
    )


def send_now_table(result: dict) -> str:
    body = table(
        "Send now behind a backlog: a db_worker per queue (default, alerts), as in deploy/",
        ["tasks queued", "left at 1st message", "1st message s", "received", "dupes"],
        [
            [
                result["backlog_queued"],
                result["backlog_left_at_first_message"],
                result["first_message_seconds"],
                result["received"],
                result["duplicates"],
            ]
        ],
    )
    return (
        f'{body}\n"send now" to the first message {result["first_message_seconds"]:.2f} s with '
        f"{result['backlog_queued']:,} other tasks queued "
        f"(target < {alerts.SEND_NOW_TARGET_S:.0f} s) {verdict(result['pass'])}"
    )


def alerts_table(result: dict) -> str:
    rows = [
        [
            r["contacts"],
            r["seconds"],
            r["messages_per_second"],
            r["provider_requests"],
            r["received"],
            r["duplicates"],
            r["missing"],
            r["worker_rss_start_mb"],
            r["worker_peak_rss_mb"],
            "sent" if r["finished"] else "NOT FINISHED",
        ]
        for r in result["runs"]
    ]
    body = table(
        "Media alert: one db_worker, Anymail Postmark backend -> local provider stand-in",
        [
            "contacts",
            "seconds",
            "msgs/s",
            "API calls",
            "received",
            "dupes",
            "missing",
            "RSS start MB",
            "peak RSS MB",
            "alert",
        ],
        rows,
    )
    large = result["runs"][-1]
    return (
        f"{body}\n{large['contacts']:,} contacts in {large['seconds']:.1f} s (target < "
        f"{alerts.TIME_TARGET_S:.0f} s) {verdict(result['time_pass'])}; duplicates 0 "
        f"{verdict(result['duplicates_pass'])}; peak RSS {result['memory_growth']:.2f}x the "
        f"small list's (limit {alerts.MEMORY_GROWTH_LIMIT}x) {verdict(result['memory_pass'])}"
    )
