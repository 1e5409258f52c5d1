"""Measurements inside this process: SQL queries per page type (Django's test client against
the bench database), and the engagement report."""

import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .data import year_of_snapshots
from .env import BROWSER_UA

QUERY_TARGET = 15  # uncached pages in at most 15 queries each


def second_request_queries(client: Client, path: str) -> tuple[int, int]:
    """(status, queries) of the second request: what a warm worker runs for every view, once
    per-process state (content types, site root paths) is filled."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, len(queries)


def count_queries(pages: list[tuple[str, str]]) -> dict[str, dict]:
    """For each page: the queries of a full render (RENDER_CACHE_SECONDS=0: site, view
    restrictions and HTML all from the database, as right after an edit) and of a view served
    while nothing has changed (the render cache on, as in production)."""
    client = Client(HTTP_USER_AGENT=BROWSER_UA)
    out = {}
    for name, path in pages:
        with override_settings(RENDER_CACHE_SECONDS=0):
            status, rendered = second_request_queries(client, path)
        served_status, served = second_request_queries(client, path)
        out[name] = {
            "path": path,
            "status": status if status == served_status else f"{status}/{served_status}",
            "rendered": rendered,
            "served": served,
        }
    return out


def query_rows(small: dict, large: dict, sizes: tuple[int, int]) -> list[dict]:
    rows = []
    for name, few in small.items():
        many = large[name]
        flat = all(many[kind] <= few[kind] for kind in ("rendered", "served"))
        rows.append(
            {
                "page": name,
                "path": few["path"],
                **{f"{kind}_{sizes[0]}": few[kind] for kind in ("rendered", "served")},
                **{f"{kind}_{sizes[1]}": many[kind] for kind in ("rendered", "served")},
                "status": f"{few['status']}/{many['status']}",
                "flat": flat,
                "pass": flat
                and max(few["rendered"], many["rendered"]) <= QUERY_TARGET
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
