"""campaign.core.ratelimit on real requests, with the in-memory cache and with real Redis."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from campaign.core.ratelimit import RATE_LIMITED_MESSAGE
from tests.services import needs_redis

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ops.urls")]

REDIS_CACHE = {
    "default": {
        "BACKEND": "campaign.ops.redis_cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/14",
        "KEY_PREFIX": "enddemand-tests",
    }
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def post_times(client, count: int, **extra) -> list:
    return [client.post("/ops-test/limited/", **extra) for _ in range(count)]


def test_fourth_post_in_a_minute_is_refused_with_a_clear_message(client):
    """Three posts pass; the fourth gets 429, a plain message and Retry-After."""
    responses = post_times(client, 4)
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert responses[-1].content.decode() == RATE_LIMITED_MESSAGE
    assert responses[-1]["Retry-After"] == "60"


def test_reading_the_form_is_never_limited(client):
    """GETs do not count: only submissions are limited."""
    post_times(client, 4)
    assert client.get("/ops-test/limited/").status_code == 200


def test_other_visitors_are_not_affected(client):
    """The limit is per client: another address still gets through."""
    post_times(client, 4)
    assert client.post("/ops-test/limited/", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_health_checks_are_never_limited(client):
    """A limited client (say a load balancer's address) can still probe health."""
    post_times(client, 4)
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_addresses_are_not_stored(client):
    """The cache keys hold a keyed hash, never the address itself."""
    post_times(client, 1, REMOTE_ADDR="203.0.113.99")
    keys = [key for key in cache._cache if "ratelimit" in key]
    assert keys
    assert not any("203.0.113.99" in key for key in keys)


@override_settings(NUM_PROXIES=2)
def test_client_is_read_through_the_trusted_proxies(client):
    """Behind nginx and Varnish, a spoofed X-Forwarded-For entry cannot dodge the limit."""
    for spoof in ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"]:
        response = client.post(
            "/ops-test/limited/",
            HTTP_X_FORWARDED_FOR=f"{spoof}, 203.0.113.5, 127.0.0.1",
            REMOTE_ADDR="127.0.0.1",
        )
    assert response.status_code == 429


@needs_redis
@override_settings(CACHES=REDIS_CACHE)
def test_limit_is_shared_through_redis(client):
    """With Redis (production's cache) the count lives in Redis, shared by every app server."""
    cache.clear()
    responses = post_times(client, 4)
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    cache.clear()
