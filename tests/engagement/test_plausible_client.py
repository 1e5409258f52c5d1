"""The Plausible client over real HTTP against the local stand-in of the Plausible API."""

import datetime
import socket

import pytest

from campaign.engagement.plausible import (
    SERVER_EVENT_FORWARDED_FOR,
    PlausibleAuthError,
    PlausibleBadResponse,
    PlausibleClient,
    PlausibleConfig,
    PlausibleNotConfigured,
    PlausibleQueryError,
    PlausibleRateLimited,
    PlausibleServerError,
    PlausibleUnreachable,
)

from .conftest import SITE_ID

DAY1 = datetime.date(2026, 3, 1)
DAY2 = datetime.date(2026, 3, 2)
GOAL_FILTER = ["contains", "event:props:goal", ["engage-leaders"]]


def test_query_sends_the_v2_body_and_reads_results(plausible, plausible_client):
    """A query posts site_id, metrics, date_range, dimensions and filters; rows come back."""
    plausible.record(DAY1, "pageview", "/engage-leaders/", "a", goal="engage-leaders")
    plausible.record(DAY1, "pageview", "/engage-leaders/", "a", goal="engage-leaders")
    plausible.record(DAY1, "pageview", "/about/", "b")
    result = plausible_client.query(
        ["visitors", "pageviews"], (DAY1, DAY2), ["event:page"], [GOAL_FILTER]
    )
    assert [(row.dimensions, row.metrics) for row in result.rows] == [
        (["/engage-leaders/"], [1, 2])
    ]
    assert plausible.queries() == [
        {
            "site_id": SITE_ID,
            "metrics": ["visitors", "pageviews"],
            "date_range": ["2026-03-01", "2026-03-02"],
            "dimensions": ["event:page"],
            "filters": [GOAL_FILTER],
        }
    ]


def test_daily_fills_days_without_data_with_zero(plausible, plausible_client):
    """daily() gives one value per day of the range, 0 where Plausible returned no row."""
    plausible.record(DAY2, "pageview", "/", "a")
    plausible.record(DAY2, "pageview", "/", "b")
    assert plausible_client.daily("visitors", DAY1, DAY2) == {DAY1: 0, DAY2: 2}


def test_wrong_api_key_raises_auth_error_with_status_and_body(plausible, settings, sleeps):
    """A 401 raises PlausibleAuthError carrying the status and Plausible's message."""
    client = PlausibleClient(PlausibleConfig.from_settings(api_key="wrong"), sleep=sleeps.append)
    with pytest.raises(PlausibleAuthError) as caught:
        client.query(["visitors"], "7d")
    assert caught.value.status == 401
    assert "Invalid API key" in caught.value.body
    assert "HTTP 401" in str(caught.value)
    assert sleeps == []  # not retried


def test_invalid_query_raises_query_error_naming_the_problem(plausible, plausible_client):
    """A 400 for a bad metric raises PlausibleQueryError quoting Plausible's explanation."""
    with pytest.raises(PlausibleQueryError) as caught:
        plausible_client.query(["clicks"], (DAY1, DAY2))
    assert caught.value.status == 400
    assert 'Invalid metric "clicks"' in str(caught.value)


def test_429_is_retried_after_the_time_plausible_asks(plausible, plausible_client, sleeps):
    """A 429 with Retry-After: 2 waits 2 seconds, then the retry succeeds."""
    plausible.fail_next(429, '{"error": "Too many API requests"}', {"Retry-After": "2"})
    plausible.record(DAY1, "pageview", "/", "a")
    assert plausible_client.daily("pageviews", DAY1, DAY1) == {DAY1: 1}
    assert sleeps == [2.0]
    assert len(plausible.queries()) == 2


def test_5xx_is_retried_with_growing_backoff_then_raises(plausible, plausible_client, sleeps):
    """Four 500s in a row: three retries waiting 0.5, 1 and 2 s, then PlausibleServerError."""
    for _ in range(4):
        plausible.fail_next(500, "Internal Server Error")
    with pytest.raises(PlausibleServerError) as caught:
        plausible_client.query(["visitors"], (DAY1, DAY2))
    assert caught.value.status == 500 and caught.value.body == "Internal Server Error"
    assert sleeps == [0.5, 1.0, 2.0]
    assert len(plausible.queries()) == 4


def test_persistent_429_raises_rate_limited(plausible, plausible_client):
    """When every attempt is rate limited the error says so."""
    for _ in range(4):
        plausible.fail_next(429, '{"error": "Too many API requests"}')
    with pytest.raises(PlausibleRateLimited, match="rate limit"):
        plausible_client.query(["visitors"], (DAY1, DAY2))


def test_garbage_answer_raises_bad_response_with_excerpt(plausible, plausible_client):
    """A 200 that is not the documented JSON raises PlausibleBadResponse with the body's start."""
    plausible.fail_next(200, "<html>502 Bad Gateway from a proxy</html>")
    with pytest.raises(PlausibleBadResponse) as caught:
        plausible_client.query(["visitors"], (DAY1, DAY2))
    assert "<html>502 Bad Gateway" in caught.value.body


def test_wrong_shaped_rows_raise_bad_response(plausible, plausible_client):
    """Rows without the requested number of metrics are rejected, not misread."""
    plausible.fail_next(200, '{"results": [{"metrics": [], "dimensions": []}], "meta": {}}')
    with pytest.raises(PlausibleBadResponse, match="wrong width"):
        plausible_client.query(["visitors"], (DAY1, DAY2))


def test_unreachable_server_raises_after_retries(settings, sleeps):
    """Nothing listening: PlausibleUnreachable after the retries, naming the address."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = PlausibleConfig(
        base_url=f"http://127.0.0.1:{port}", site_id=SITE_ID, api_key="k", retries=2
    )
    with pytest.raises(PlausibleUnreachable, match=f"127.0.0.1:{port}"):
        PlausibleClient(config, sleep=sleeps.append).query(["visitors"], "7d")
    assert len(sleeps) == 2


def test_query_without_api_key_raises_not_configured(settings):
    """Without PLAUSIBLE_API_KEY the client refuses before making a request."""
    settings.PLAUSIBLE_SITE_ID = SITE_ID
    settings.PLAUSIBLE_API_KEY = ""
    with pytest.raises(PlausibleNotConfigured):
        PlausibleClient().query(["visitors"], "7d")


def test_send_event_posts_to_events_api_without_personal_data(plausible, plausible_client):
    """An event reaches /api/event with name, url, domain, props and only constant headers."""
    plausible_client.send_event("Embed impression", "https://partner.example/page", {"asset": "p1"})
    request = plausible.requests[-1]
    assert request["path"] == "/api/event"
    assert request["json"] == {
        "name": "Embed impression",
        "url": "https://partner.example/page",
        "domain": SITE_ID,
        "props": {"asset": "p1"},
    }
    assert request["headers"]["X-Forwarded-For"] == SERVER_EVENT_FORWARDED_FOR
    assert "EndDemandCT" in request["headers"]["User-Agent"]
    assert "Authorization" not in request["headers"]
