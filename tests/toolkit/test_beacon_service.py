"""The beacon's own service (campaign/beacon_asgi.py), called as its uvicorn workers call it:
the same answers as the site's beacon, and beacons arriving together share one round trip to
Redis with each still counted and answered on its own."""

import asyncio
import json

import pytest
from django.db.models import Sum

from campaign import beacon_asgi
from campaign.toolkit import tally
from campaign.toolkit.models import DailyCount
from tests.services import needs_redis

from .conftest import BROWSER_UA
from .factories import BlockedHostFactory, OfferedAssetFactory

pytestmark = [pytest.mark.django_db, needs_redis, pytest.mark.usefixtures("redis_counts")]


def scope(path: str, query: str = "", method: str = "GET", user_agent: str = BROWSER_UA) -> dict:
    return {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": query.encode(),
        "headers": [(b"user-agent", user_agent.encode()), (b"host", b"beacon.test")],
        "client": ("203.0.113.9", 50000),
    }


async def call(request: dict) -> tuple[int, dict[str, str], bytes]:
    """One request through the ASGI application; its status, headers and body."""
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await beacon_asgi.application(request, receive, send)
    start, body = sent
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    return start["status"], headers, body["body"]


def get(path: str, query: str = "", **kwargs) -> tuple[int, dict[str, str], bytes]:
    return asyncio.run(call(scope(path, query, **kwargs)))


def counts(asset) -> list[tuple[str, int]]:
    """The asset's counts by kind, over every site, once flushed."""
    tally.flush_counts()
    rows = DailyCount.objects.filter(asset=asset).values("kind").annotate(total=Sum("n"))
    return sorted((row["kind"], row["total"]) for row in rows)


def test_beacon_is_counted_and_answered_like_the_sites():
    asset = OfferedAssetFactory()
    status, headers, body = get("/count/impression/", f"a={asset.slug}&s=square&o=https://a.test")
    assert (status, body) == (204, b"")
    assert headers["cache-control"] == "no-store" and "content-length" not in headers
    assert headers["access-control-allow-origin"] == "*"
    assert counts(asset) == [("impression", 1)]


def test_robots_and_head_requests_are_answered_but_not_counted():
    asset = OfferedAssetFactory()
    assert get("/count/impression/", f"a={asset.slug}", method="HEAD")[0] == 204
    assert get("/count/impression/", f"a={asset.slug}", user_agent="Googlebot/2.1")[0] == 204
    assert counts(asset) == []


def test_bad_beacons_get_a_clear_answer():
    status, headers, body = get("/count/impression/", "a=bad%20slug")
    assert status == 400 and body == b"Say which asset the embed showed."
    assert headers["content-length"] == str(len(body))
    assert get("/count/impression/", "a=x", method="DELETE")[0] == 405


def test_a_blocked_site_is_told_to_show_the_neutral_card():
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")
    query = f"a={asset.slug}&o=https://www.blocked.test"
    status, headers, body = get("/count/impression/", query)
    assert status == 200 and json.loads(body) == {"blocked": True}
    assert headers["content-type"] == "application/json"
    assert counts(asset) == [("blocked", 1)]


def test_beacons_arriving_together_share_a_round_trip_and_keep_their_own_answers(monkeypatch):
    """Sixty beacons in one turn of the event loop: one pipeline, and each answer is its own
    (blocked or not), every one counted once."""
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")
    round_trips = []
    run = tally.run_beacon_calls
    monkeypatch.setattr(
        tally, "run_beacon_calls", lambda calls: round_trips.append(1) or run(calls)
    )
    origins = ["https://blocked.test" if n % 3 == 0 else f"https://site{n}.test" for n in range(60)]

    async def together():
        requests = [scope("/count/impression/", f"a={asset.slug}&o={o}") for o in origins]
        return await asyncio.gather(*(call(request) for request in requests))

    answers = asyncio.run(together())
    assert len(round_trips) == 1
    assert [status for status, _, _ in answers] == [200 if n % 3 == 0 else 204 for n in range(60)]
    assert counts(asset) == [("blocked", 20), ("impression", 40)]


def test_without_redis_the_embed_still_shows(settings, caplog):
    """A Redis that cannot be reached costs the count, never the embed: 204 and a log line."""
    settings.TOOLKIT_COUNTS_REDIS_URL = "redis://127.0.0.1:1/0"
    assert get("/count/impression/", "a=any-asset")[0] == 204
    assert "could not reach Redis" in caplog.text


def test_health_check_and_other_paths():
    assert get("/healthz")[:1] == (200,)
    assert get("/embed/x/")[0] == 404


def test_the_service_refuses_to_start_without_redis(settings):
    settings.TOOLKIT_COUNTS_REDIS_URL = ""
    sent = []
    messages = iter([{"type": "lifespan.startup"}])

    async def receive():
        return next(messages)

    async def send(message):
        sent.append(message)

    asyncio.run(beacon_asgi.application({"type": "lifespan"}, receive, send))
    assert sent[0]["type"] == "lifespan.startup.failed"
    assert "TOOLKIT_COUNTS_REDIS_URL" in sent[0]["message"]
