"""Pages under load (wrk) against the running stack."""

import statistics
import time
from pathlib import Path

from .env import BROWSER_UA
from .procs import group_cpu_seconds
from .stack import Stack, get
from .wrk import run_wrk

HEADERS = {"User-Agent": BROWSER_UA}
VARNISH_TARGET = 0.8  # pages through Varnish at 0.8x nginx-static or better
HOME_RPS_TARGET = 200.0  # uncached home page, two gunicorn workers on 2 cores
DRAIN_SECONDS = 1.5
WARM_UP_SECONDS = 1


def snapshot_path(root: Path, path: str) -> Path:
    """Where nginx finds the static copy of a page (the query string is ignored)."""
    folder = root / path.split("?")[0].strip("/")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "index.html"


def take_snapshots(stack: Stack, pages: list[tuple[str, str]]) -> dict[str, dict]:
    """Save each page as gunicorn renders it, and note whether Varnish caches it."""
    info = {}
    for name, path in pages:
        status, headers, body = get(stack.gunicorn + path, HEADERS)
        if status != 200:
            raise RuntimeError(f"{name} ({path}) answered {status} through gunicorn")
        snapshot_path(stack.snapshots, path).write_bytes(body)
        get(stack.varnish + path, HEADERS)
        _, varnish_headers, _ = get(stack.varnish + path, HEADERS)
        info[name] = {
            "path": path,
            "bytes": len(body),
            "cache_control": headers.get("Cache-Control", ""),
            "x_cache": varnish_headers.get("X-Cache", "?"),
        }
    return info


def load_app(url: str, connections: int, seconds: float) -> dict:
    """wrk against a gunicorn, after a second of warm-up (each worker renders the page once and
    loads what it needs), then a pause while it answers what was still queued."""
    run_wrk(url, connections, WARM_UP_SECONDS, headers=HEADERS)
    time.sleep(DRAIN_SECONDS)
    result = run_wrk(url, connections, seconds, headers=HEADERS).as_dict()
    time.sleep(DRAIN_SECONDS)
    return result


def median_run(runs: list[dict]) -> dict:
    """The run with the median requests/s, with every round's figure alongside and the errors of
    all rounds."""
    ordered = sorted(runs, key=lambda run: run["requests_per_second"])
    return {
        **ordered[len(ordered) // 2],
        "errors": sum(run.get("errors", 0) for run in runs),
        "rounds": [run["requests_per_second"] for run in runs],
    }


def alternating_rounds(
    stack: Stack, path: str, connections: int, seconds: float, rounds: int
) -> dict[str, list[dict]]:
    """`path` through Varnish, then nginx, `rounds` times (each run `seconds` long), with the CPU
    each server used per request in that run: on two cores shared with wrk, requests/s says how
    fast a server is here, CPU per request why."""
    runs = {"varnish": [], "nginx": []}
    for _ in range(rounds):
        for side, results in runs.items():
            before = group_cpu_seconds(stack.groups[side])
            run = run_wrk(getattr(stack, side) + path, connections, seconds, headers=HEADERS)
            used = group_cpu_seconds(stack.groups[side]) - before
            results.append(
                {**run.as_dict(), "cpu_us_per_request": used * 1e6 / max(run.requests, 1)}
            )
    return runs


def median_cpu_us(runs: dict[str, list[dict]]) -> dict[str, float]:
    """Each side's median CPU microseconds per request over its rounds."""
    return {
        side: statistics.median(run["cpu_us_per_request"] for run in results)
        for side, results in runs.items()
    }


def paired_ratio(varnish_runs: list[dict], nginx_runs: list[dict]) -> float:
    """The median of each round's Varnish/nginx ratio. The two runs of a round are back to back,
    so they share that moment's load on the machine; the ratio of two medians could pair a
    quiet Varnish round with a busy nginx one."""
    ratios = sorted(
        v["requests_per_second"] / (n["requests_per_second"] or 1e-9)
        for v, n in zip(varnish_runs, nginx_runs, strict=True)
    )
    middle = len(ratios) // 2
    return ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2


def measure_pages(
    stack: Stack, pages: list[tuple[str, str]], seconds: float, connections: int, rounds: int
) -> dict:
    """Per page: gunicorn with the render cache (production), gunicorn rendering every request,
    then Varnish and nginx in alternating rounds so that both see the same moments of a busy
    machine; the median of the rounds' ratios is compared with the target."""
    snapshots = take_snapshots(stack, pages)
    rows = []
    for name, path in pages:
        row = {"page": name, **snapshots[name]}
        row["gunicorn"] = load_app(stack.gunicorn + path, connections, seconds)
        row["rendered"] = load_app(stack.rendering + path, connections, seconds)
        runs = alternating_rounds(stack, path, connections, seconds / 2, rounds)
        row["varnish"], row["nginx"] = median_run(runs["varnish"]), median_run(runs["nginx"])
        row["cpu_us_per_request"] = median_cpu_us(runs)
        nginx_rps = row["nginx"]["requests_per_second"] or 1e-9
        row["gunicorn_ratio"] = row["gunicorn"]["requests_per_second"] / nginx_rps
        row["varnish_ratio"] = paired_ratio(runs["varnish"], runs["nginx"])
        row["varnish_round_ratios"] = [
            round(v["requests_per_second"] / (n["requests_per_second"] or 1e-9), 3)
            for v, n in zip(runs["varnish"], runs["nginx"], strict=True)
        ]
        row["varnish_pass"] = row["varnish_ratio"] >= VARNISH_TARGET
        rows.append(row)
    home = next(r for r in rows if r["page"] == "home")
    return {
        "connections": connections,
        "seconds": seconds,
        "rounds": rounds,
        "rows": rows,
        "home_rps": home["gunicorn"]["requests_per_second"],
        "home_rendered_rps": home["rendered"]["requests_per_second"],
        "home_pass": home["gunicorn"]["requests_per_second"] >= HOME_RPS_TARGET,
    }


def cpu_per_request(row: dict) -> str:
    """The median CPU microseconds each server spent per request, "varnish/nginx"."""
    cpu = row["cpu_us_per_request"]
    return f"{cpu['varnish']:.1f}/{cpu['nginx']:.1f}"


def pages_table_rows(result: dict) -> list[list]:
    out = []
    for r in result["rows"]:
        g, c, v, n = r["gunicorn"], r["rendered"], r["varnish"], r["nginx"]
        errors = g["errors"] + c["errors"] + v["errors"] + n["errors"]
        out.append(
            [
                r["page"],
                g["requests_per_second"],
                g["p50_ms"],
                g["p99_ms"],
                c["requests_per_second"],
                c["p50_ms"],
                c["p99_ms"],
                v["requests_per_second"],
                v["p50_ms"],
                v["p99_ms"],
                r["x_cache"],
                n["requests_per_second"],
                n["p50_ms"],
                n["p99_ms"],
                f"{r['gunicorn_ratio']:.3f}",
                f"{r['varnish_ratio']:.2f}",
                "PASS" if r["varnish_pass"] else "FAIL",
                cpu_per_request(r),
                errors,
            ]
        )
    return out


PAGES_COLUMNS = [
    "page",
    "gunicorn rps",
    "p50 ms",
    "p99 ms",
    "rendering rps",
    "p50 ms",
    "p99 ms",
    "varnish rps",
    "p50 ms",
    "p99 ms",
    "cache",
    "nginx rps",
    "p50 ms",
    "p99 ms",
    "gunicorn/nginx",
    "varnish/nginx",
    ">=0.8x",
    "CPU us/req v/n",
    "errors",
]
