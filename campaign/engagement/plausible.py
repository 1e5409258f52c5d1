"""A small typed client for Plausible Analytics (cloud or self-hosted Community Edition).

Two endpoints: the Stats API v2 (`POST /api/v2/query`, authenticated with an API key) to read
numbers, and the Events API (`POST /api/event`, unauthenticated) to record events that happen
away from the site's pages. Requests time out, and 429 and 5xx answers are retried with
exponential backoff that respects Retry-After. Every failure raises a PlausibleError subclass
saying what went wrong, with the HTTP status and the start of the response body.
"""

import datetime
import email.utils
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import requests
from django.conf import settings

Filter = list[Any]

# The Events API counts unique visitors from a hash of User-Agent and X-Forwarded-For. Events sent
# from the server are not any visitor's, so both are constant: no one's IP address or browser is
# passed on, and Plausible still accepts the event (it drops requests with bot-like user agents
# and, without X-Forwarded-For, would see the server's data-centre address and drop it too).
# As a result, server-side events count as "events", never as distinct visitors.
SERVER_EVENT_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Safari/537.36 EndDemandCT-server-events"
)
SERVER_EVENT_FORWARDED_FOR = "127.0.0.1"
BODY_EXCERPT = 300


class PlausibleError(Exception):
    """Plausible could not answer. `status` is the HTTP status (None if there was no answer)."""

    def __init__(self, message: str, status: int | None = None, body: str = ""):
        self.status = status
        self.body = body[:BODY_EXCERPT]
        detail = f" (HTTP {status})" if status else ""
        excerpt = f": {self.body}" if self.body else ""
        super().__init__(f"{message}{detail}{excerpt}")


class PlausibleNotConfigured(PlausibleError):
    """PLAUSIBLE_SITE_ID (or, for the Stats API, PLAUSIBLE_API_KEY) is not set."""


class PlausibleUnreachable(PlausibleError):
    """No answer: connection refused, DNS failure or timeout, after retries."""


class PlausibleAuthError(PlausibleError):
    """401/403: the API key is wrong, revoked, or has no access to the site."""


class PlausibleQueryError(PlausibleError):
    """400/404/422: Plausible rejected the request; the body says which part."""


class PlausibleRateLimited(PlausibleError):
    """429 after every retry."""


class PlausibleServerError(PlausibleError):
    """5xx after every retry."""


class PlausibleBadResponse(PlausibleError):
    """A 2xx answer that is not the JSON shape the API documents."""


@dataclass(frozen=True)
class PlausibleConfig:
    base_url: str
    site_id: str
    api_key: str = ""
    connect_timeout: float = 3.05
    read_timeout: float = 15.0
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 60.0

    @classmethod
    def from_settings(cls, **overrides: Any) -> "PlausibleConfig":
        values = {
            "base_url": settings.PLAUSIBLE_BASE_URL.rstrip("/"),
            "site_id": settings.PLAUSIBLE_SITE_ID,
            "api_key": settings.PLAUSIBLE_API_KEY,
        }
        values.update(overrides)
        return cls(**values)


@dataclass(frozen=True)
class QueryRow:
    dimensions: list[Any]
    metrics: list[float]


@dataclass(frozen=True)
class QueryResult:
    rows: list[QueryRow]
    meta: dict[str, Any] = field(default_factory=dict)


def is_configured() -> bool:
    return bool(settings.PLAUSIBLE_SITE_ID)


class PlausibleClient:
    def __init__(
        self,
        config: PlausibleConfig | None = None,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.config = config or PlausibleConfig.from_settings()
        self.session = session or requests.Session()
        self.sleep = sleep

    def query(
        self,
        metrics: Sequence[str],
        date_range: str | tuple[datetime.date, datetime.date],
        dimensions: Sequence[str] = (),
        filters: Sequence[Filter] = (),
    ) -> QueryResult:
        """Run a Stats API v2 query and return its rows."""
        if not self.config.site_id or not self.config.api_key:
            raise PlausibleNotConfigured("PLAUSIBLE_SITE_ID and PLAUSIBLE_API_KEY must be set")
        body: dict[str, Any] = {
            "site_id": self.config.site_id,
            "metrics": list(metrics),
            "date_range": (
                date_range
                if isinstance(date_range, str)
                else [date_range[0].isoformat(), date_range[1].isoformat()]
            ),
        }
        if dimensions:
            body["dimensions"] = list(dimensions)
        if filters:
            body["filters"] = [list(f) for f in filters]
        response = self._post(
            "/api/v2/query", body, {"Authorization": f"Bearer {self.config.api_key}"}
        )
        return self._parse_query(response, len(body["metrics"]), len(dimensions))

    def daily(
        self,
        metric: str,
        day_from: datetime.date,
        day_to: datetime.date,
        filters: Sequence[Filter] = (),
    ) -> dict[datetime.date, float]:
        """One metric per day over an inclusive range; days without data are 0."""
        result = self.query([metric], (day_from, day_to), ["time:day"], filters)
        values = {
            day_from + datetime.timedelta(days=n): 0.0 for n in range((day_to - day_from).days + 1)
        }
        for row in result.rows:
            try:
                day = datetime.date.fromisoformat(str(row.dimensions[0])[:10])
            except ValueError as error:
                raise PlausibleBadResponse(f"Unexpected day {row.dimensions[0]!r}") from error
            if day in values:
                values[day] = row.metrics[0]
        return values

    def aggregate(
        self,
        metric: str,
        day_from: datetime.date,
        day_to: datetime.date,
        filters: Sequence[Filter] = (),
    ) -> float:
        """One metric over a whole inclusive range, as Plausible counts it: unique visitors of a
        quarter are people, not the sum of each day's visitors."""
        result = self.query([metric], (day_from, day_to), (), filters)
        if not result.rows:
            return 0.0
        if len(result.rows) != 1:
            raise PlausibleBadResponse("Plausible answered several rows for an aggregate")
        return result.rows[0].metrics[0]

    def send_event(
        self, name: str, url: str, props: dict[str, str] | None = None, referrer: str = ""
    ) -> None:
        """Record a custom event (or a pageview, with name "pageview") through the Events API."""
        if not self.config.site_id:
            raise PlausibleNotConfigured("PLAUSIBLE_SITE_ID must be set")
        body: dict[str, Any] = {"name": name, "url": url, "domain": self.config.site_id}
        if referrer:
            body["referrer"] = referrer
        if props:
            body["props"] = {str(k): str(v) for k, v in props.items()}
        headers = {
            "User-Agent": SERVER_EVENT_USER_AGENT,
            "X-Forwarded-For": SERVER_EVENT_FORWARDED_FOR,
        }
        self._post("/api/event", body, headers)

    def _post(self, path: str, body: dict[str, Any], headers: dict[str, str]) -> requests.Response:
        url = self.config.base_url + path
        timeout = (self.config.connect_timeout, self.config.read_timeout)
        attempt = 0
        while True:
            try:
                response = self.session.post(url, json=body, headers=headers, timeout=timeout)
            except requests.RequestException as error:
                if attempt >= self.config.retries:
                    raise PlausibleUnreachable(
                        f"Could not reach Plausible at {url}: {error}"
                    ) from error
                self.sleep(self._backoff(attempt))
                attempt += 1
                continue
            status = response.status_code
            if (status == 429 or status >= 500) and attempt < self.config.retries:
                self.sleep(self._retry_after(response) or self._backoff(attempt))
                attempt += 1
                continue
            if status < 300:
                return response
            raise self._error_for(response, path)

    def _backoff(self, attempt: int) -> float:
        return min(self.config.backoff * 2**attempt, self.config.max_wait)

    def _retry_after(self, response: requests.Response) -> float | None:
        value = response.headers.get("Retry-After", "").strip()
        if not value:
            return None
        if value.isdigit():
            return min(float(value), self.config.max_wait)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        wait = (when - datetime.datetime.now(datetime.UTC)).total_seconds()
        return min(max(wait, 0.0), self.config.max_wait)

    @staticmethod
    def _error_for(response: requests.Response, path: str) -> PlausibleError:
        status, body = response.status_code, response.text
        try:
            detail = response.json().get("error", "")
        except (ValueError, AttributeError):
            detail = ""
        where = f"Plausible {path}"
        if status in (401, 403):
            return PlausibleAuthError(
                f"{where} refused the API key {detail}".rstrip(), status, body
            )
        if status == 429:
            return PlausibleRateLimited(f"{where} rate limit reached", status, body)
        if status >= 500:
            return PlausibleServerError(f"{where} failed on the server", status, body)
        return PlausibleQueryError(f"{where} rejected the request {detail}".rstrip(), status, body)

    @staticmethod
    def _parse_query(response: requests.Response, n_metrics: int, n_dimensions: int) -> QueryResult:
        try:
            data = response.json()
            rows = [
                QueryRow(dimensions=list(row["dimensions"]), metrics=list(row["metrics"]))
                for row in data["results"]
            ]
        except (ValueError, KeyError, TypeError) as error:
            raise PlausibleBadResponse(
                "Plausible /api/v2/query answered with an unexpected body",
                response.status_code,
                response.text,
            ) from error
        for row in rows:
            if len(row.metrics) != n_metrics or len(row.dimensions) != n_dimensions:
                raise PlausibleBadResponse(
                    "Plausible /api/v2/query answered rows of the wrong width",
                    response.status_code,
                    response.text,
                )
            if not all(isinstance(m, int | float) for m in row.metrics):
                raise PlausibleBadResponse(
                    "Plausible /api/v2/query answered a non-numeric metric",
                    response.status_code,
                    response.text,
                )
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
        return QueryResult(rows=rows, meta=meta)
