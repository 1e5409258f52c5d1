"""The benchmark run: set up the bench database, measure each section, print and save."""

import argparse
import contextlib
import functools
import os
import shutil
import subprocess
import time
from pathlib import Path

import django
import psycopg
from django.db import connections

from . import env, report

SECTIONS = ["queries", "pages", "embed", "engagement", "images", "alerts"]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument(
        "--only", action="append", choices=SECTIONS, help="run only this section (repeatable)"
    )
    parser.add_argument(
        "--output", type=Path, default=env.RESULTS / "latest.json", help="where the JSON goes"
    )
    return parser.parse_args(argv)


def manage(*args: str, log: Path) -> None:
    with log.open("a") as out:
        subprocess.run(
            [env.PYTHON, "manage.py", *args],
            cwd=env.ROOT,
            env={**os.environ, **env.ENV},
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=600,
        )


def set_up(workdir: Path) -> None:
    """A fresh enddemand_bench database with the demo site, and the static files collected."""
    log = workdir / "setup.log"
    env.recreate_database()
    env.flush_redis()
    manage("migrate", "--noinput", "-v0", log=log)
    manage("seed_campaign", log=log)
    manage("collectstatic", "--noinput", "-v0", log=log)


def drain_tasks(workdir: Path) -> None:
    """Run every queued background task (search index and reference index updates the seed and
    the bench data enqueue) with `db_worker --batch`, which exits when the queue is empty, so
    search sees every page and no backlog competes with a measurement."""
    manage(
        "db_worker", "--batch", "--no-startup-delay", "--interval", "0", log=workdir / "drain.log"
    )
    analyze()


def analyze() -> None:
    """Fresh planner statistics, as autovacuum keeps them on a live database (it is off on this
    machine's test server, and would lag a bulk load anyway). With empty-table estimates
    PostgreSQL plans search as a nested loop costing ~300 ms per query at 1,000 releases."""
    with psycopg.connect(env.ENV["DATABASE_URL"], autocommit=True) as conn:
        conn.execute("ANALYZE")


class Plan:
    def __init__(self, args: argparse.Namespace):
        self.quick = args.quick
        self.sections = args.only or SECTIONS
        self.large = 100 if self.quick else 1000
        self.wrk_seconds = 2 if self.quick else 4
        self.rounds = 1 if self.quick else 5
        self.exact_requests = 300 if self.quick else 1000
        self.alert_sizes = (500, 2000) if self.quick else (2000, 10000)
        self.repeat = 2 if self.quick else 5
        self.image_rounds = 1 if self.quick else 3

    def wants(self, *names: str) -> bool:
        return any(name in self.sections for name in names)


def main(argv=None) -> int:
    args = parse_args(argv)
    missing = env.missing_tools()
    if missing:
        print("Missing tools; install them and run again:\n  " + "\n  ".join(missing))
        return 2
    plan = Plan(args)
    workdir = env.RESULTS / "run"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    env.apply()
    started = time.monotonic()
    results = {
        "quick": plan.quick,
        "sections": plan.sections,
        "load_average_start": os.getloadavg(),
        "cpus": os.cpu_count(),
    }
    print(f"Setting up {env.DB_NAME} (migrate, seed, collectstatic)...", flush=True)
    set_up(workdir)
    results["setup_seconds"] = time.monotonic() - started

    django.setup()
    # The sections import models, so they load only now.
    from .sections import run_sections

    drain = functools.partial(drain_tasks, workdir)

    try:
        run_sections(plan, workdir, results, drain)
    finally:
        results["total_seconds"] = time.monotonic() - started
        results["load_average_end"] = os.getloadavg()
        report.write_json(args.output, results)
        with contextlib.suppress(Exception):
            connections.close_all()
    print("\n".join(results.get("tables", [])))
    print(
        f"\nTotal {results['total_seconds']:.0f} s; load average at start "
        f"{results['load_average_start'][0]:.2f}, at end {results['load_average_end'][0]:.2f} "
        f"on {results['cpus']} CPUs. JSON: {args.output}"
    )
    return 0
