"""Measurements inside this process: SQL queries per page type (Django's test client against
the bench database), and the engagement report."""

import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .data import year_of_snapshots
from .env import BROWSER_UA

QUERY_TARGET = 15  # uncached pages in at most 15 queries each


def count_queries(pages: list[tuple[str, str]]) -> dict[str, dict]:
    """Queries of the second request for each page: the steady state a worker serves, after
    per-process caches (content types, site root paths) are warm."""
    client = Client(HTTP_USER_AGENT=BROWSER_UA)
    out = {}
    for name, path in pages:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        out[name] = {"path": path, "status": response.status_code, "queries": len(queries)}
    return out


def query_rows(small: dict, large: dict, sizes: tuple[int, int]) -> list[dict]:
    rows = []
    for name, few in small.items():
        many = large[name]
        rows.append(
            {
                "page": name,
                "path": few["path"],
                f"queries_{sizes[0]}": few["queries"],
                f"queries_{sizes[1]}": many["queries"],
                "status": f"{few['status']}/{many['status']}",
                "flat": many["queries"] <= few["queries"],
                "pass": many["queries"] <= few["queries"]
                and many["queries"] <= QUERY_TARGET
                and few["status"] == many["status"] == 200,
            }
        )
    return rows


def render_report(client: Client, repeat: int) -> dict:
    client.get("/admin/engagement/")
    times, counts = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get("/admin/engagement/")
            times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"the engagement report answered {response.status_code}")
        counts.append(len(queries))
    return {"median_ms": statistics.median(times), "max_ms": max(times), "queries": max(counts)}


def measure_engagement(repeat: int) -> dict:
    """The admin report before and after a year of daily snapshots for every indicator."""
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    seeded = render_report(client, repeat)
    data = year_of_snapshots(timezone.localdate())
    year = render_report(client, repeat)
    return {"seeded": seeded, "year": year, **data}
