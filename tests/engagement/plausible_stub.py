"""A local stand-in for the Plausible API, served over real HTTP on 127.0.0.1.

It speaks the documented shapes of the Stats API v2 (`POST /api/v2/query`) and the Events API
(`POST /api/event`): it checks the Bearer key and validates query bodies the way Plausible does
(site_id, metrics, date_range, dimensions, filters), answering 400 {"error": ...} for a bad query
and 401 for a bad key. Queries are answered from an in-memory event log, so results are real
aggregates (visitors are distinct visitor ids). Tests can queue canned failures (429 with
Retry-After, 5xx, garbage) that are served before normal handling.
"""

import datetime
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.services import QUICK_STOP

METRICS = {"visitors", "visits", "pageviews", "events", "bounce_rate", "visit_duration"}
DATE_SHORTCUTS = {"day", "7d", "28d", "30d", "91d", "month", "6mo", "12mo", "year", "all"}
OPERATORS = {"is", "is_not", "contains", "contains_not", "matches", "matches_not"}
LOGICAL = {"and", "or", "not"}
QUERY_KEYS = {
    "site_id",
    "metrics",
    "date_range",
    "dimensions",
    "filters",
    "order_by",
    "include",
    "pagination",
}
SIMPLE_DIMENSIONS = {
    "event:goal",
    "event:page",
    "event:hostname",
    "time",
    "time:day",
    "time:month",
    "visit:source",
    "visit:country",
}


@dataclass
class StubEvent:
    """One recorded event: a pageview (name "pageview") or a custom event."""

    day: datetime.date
    name: str
    page: str
    visitor: str
    props: dict[str, str] = field(default_factory=dict)


class QueryInvalid(Exception):
    pass


def valid_dimension(name: Any) -> bool:
    return isinstance(name, str) and (
        name in SIMPLE_DIMENSIONS or re.fullmatch(r"event:props:[\w\-]+", name) is not None
    )


def validate_filter(item: Any) -> None:
    if not isinstance(item, list) or not item:
        raise QueryInvalid(f"Invalid filter '{json.dumps(item)}'")
    op = item[0]
    if op in LOGICAL:
        children = item[1] if op != "not" else [item[1]]
        if not isinstance(children, list):
            raise QueryInvalid(f"Invalid filter '{json.dumps(item)}'")
        for child in children:
            validate_filter(child)
        return
    if op not in OPERATORS or len(item) != 3:
        raise QueryInvalid(f"Invalid filter '{json.dumps(item)}'")
    if not valid_dimension(item[1]) or item[1].startswith("time"):
        raise QueryInvalid(f"Invalid filter dimension '{item[1]}'")
    if not isinstance(item[2], list) or not all(isinstance(v, str) for v in item[2]):
        raise QueryInvalid(f"Invalid filter '{json.dumps(item)}'")


def parse_date_range(value: Any) -> tuple[datetime.date, datetime.date]:
    if isinstance(value, str) and value in DATE_SHORTCUTS:
        today = datetime.date.today()
        return today - datetime.timedelta(days=30), today
    if isinstance(value, list) and len(value) == 2:
        try:
            start, end = (datetime.date.fromisoformat(str(v)[:10]) for v in value)
        except ValueError as error:
            raise QueryInvalid(f"Invalid date_range '{json.dumps(value)}'") from error
        if start > end:
            raise QueryInvalid("Invalid date_range: the start is after the end")
        return start, end
    raise QueryInvalid(f"Invalid date_range '{json.dumps(value)}'")


def validate_query(body: Any, site_id: str) -> dict:
    if not isinstance(body, dict):
        raise QueryInvalid("Invalid request body")
    unknown = set(body) - QUERY_KEYS
    if unknown:
        raise QueryInvalid(f"Unknown key '{sorted(unknown)[0]}'")
    if "site_id" not in body:
        raise QueryInvalid("Missing site_id")
    if body["site_id"] != site_id:
        raise PermissionError
    metrics = body.get("metrics")
    if not isinstance(metrics, list) or not metrics:
        raise QueryInvalid("#/metrics: Expected a non-empty list of metrics")
    for metric in metrics:
        if metric not in METRICS:
            raise QueryInvalid(f'#/metrics/0: Invalid metric "{metric}"')
    if "date_range" not in body:
        raise QueryInvalid("#/date_range is required")
    parse_date_range(body["date_range"])
    dimensions = body.get("dimensions", [])
    if not isinstance(dimensions, list) or not all(valid_dimension(d) for d in dimensions):
        raise QueryInvalid(f"Invalid dimensions '{json.dumps(dimensions)}'")
    filters = body.get("filters", [])
    if not isinstance(filters, list):
        raise QueryInvalid("Invalid filters")
    for item in filters:
        validate_filter(item)
    return body


def event_value(event: StubEvent, dimension: str) -> str:
    if dimension == "event:goal":
        return event.name
    if dimension == "event:page":
        return event.page
    if dimension.startswith("event:props:"):
        return event.props.get(dimension.removeprefix("event:props:"), "(none)")
    if dimension in ("time", "time:day"):
        return event.day.isoformat()
    if dimension == "time:month":
        return event.day.replace(day=1).isoformat()
    return "(none)"


def matches(event: StubEvent, item: list) -> bool:
    op = item[0]
    if op == "and":
        return all(matches(event, child) for child in item[1])
    if op == "or":
        return any(matches(event, child) for child in item[1])
    if op == "not":
        return not matches(event, item[1])
    value = event_value(event, item[1])
    if (
        item[1].startswith("event:props:")
        and item[1].removeprefix("event:props:") not in event.props
    ):
        return op.endswith("_not")
    hit = {
        "is": lambda: value in item[2],
        "contains": lambda: any(v in value for v in item[2]),
        "matches": lambda: any(re.search(v, value) for v in item[2]),
    }[op.removesuffix("_not")]()
    return not hit if op.endswith("_not") else hit


def metric_value(events: list[StubEvent], metric: str) -> int:
    if metric == "visitors":
        return len({e.visitor for e in events})
    if metric == "pageviews":
        return sum(1 for e in events if e.name == "pageview")
    if metric == "events":
        return len(events)
    return 0


def run_query(body: dict, log: list[StubEvent]) -> dict:
    start, end = parse_date_range(body["date_range"])
    events = [e for e in log if start <= e.day <= end]
    for item in body.get("filters", []):
        events = [e for e in events if matches(e, item)]
    # Like Plausible, metrics other than pageviews only count custom events when a goal filter
    # says so; without one, "events" and "visitors" cover everything recorded.
    dimensions = body.get("dimensions", [])
    groups: dict[tuple, list[StubEvent]] = {}
    for event in events:
        groups.setdefault(tuple(event_value(event, d) for d in dimensions), []).append(event)
    if not dimensions:
        groups = {(): events}
    results = [
        {"metrics": [metric_value(group, m) for m in body["metrics"]], "dimensions": list(key)}
        for key, group in sorted(groups.items())
    ]
    echoed = dict(body, date_range=[f"{start}T00:00:00-05:00", f"{end}T23:59:59-05:00"])
    return {"results": results, "meta": {}, "query": echoed}


@dataclass
class CannedResponse:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class PlausibleStub:
    """Start with `with PlausibleStub(...) as stub:`; `stub.base_url` is its address."""

    def __init__(self, api_key: str = "test-key", site_id: str = "enddemandct.test"):
        self.api_key = api_key
        self.site_id = site_id
        self.log: list[StubEvent] = []
        self.requests: list[dict[str, Any]] = []
        self.canned: list[CannedResponse] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler_class())
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs=QUICK_STOP, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "PlausibleStub":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def fail_next(self, status: int, body: bytes | str = b"", headers: dict | None = None) -> None:
        """Queue one canned answer, served before normal handling (first queued, first served)."""
        data = body.encode() if isinstance(body, str) else body
        self.canned.append(CannedResponse(status, data, headers or {}))

    def record(self, day, name, page, visitor, **props) -> None:
        self.log.append(StubEvent(day, name, page, visitor, dict(props)))

    def queries(self) -> list[dict]:
        return [r["json"] for r in self.requests if r["path"] == "/api/v2/query"]

    def handler_class(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def reply(
                self, status: int, payload: Any = None, raw: bytes | None = None, headers=None
            ):
                data = raw if raw is not None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"null")
                except ValueError:
                    body = None
                with stub.lock:
                    stub.requests.append(
                        {"path": self.path, "headers": dict(self.headers), "json": body}
                    )
                    canned = stub.canned.pop(0) if stub.canned else None
                if canned:
                    self.reply(canned.status, raw=canned.body, headers=canned.headers)
                elif self.path == "/api/v2/query":
                    self.query(body)
                elif self.path == "/api/event":
                    self.event(body)
                else:
                    self.reply(404, {"error": "Not found"})

            def query(self, body: Any) -> None:
                if self.headers.get("Authorization") != f"Bearer {stub.api_key}":
                    self.reply(
                        401,
                        {
                            "error": "Invalid API key or site ID. Please make sure "
                            "you're using a valid API key with access to the site "
                            "you've requested."
                        },
                    )
                    return
                try:
                    query = validate_query(body, stub.site_id)
                except PermissionError:
                    self.reply(
                        401,
                        {
                            "error": "Invalid API key or site ID. Please make sure "
                            "you're using a valid API key with access to the site "
                            "you've requested."
                        },
                    )
                    return
                except QueryInvalid as error:
                    self.reply(400, {"error": str(error)})
                    return
                self.reply(200, run_query(query, stub.log))

            def event(self, body: Any) -> None:
                if not self.headers.get("User-Agent"):
                    self.reply(400, {"errors": {"request": "User-Agent header is required"}})
                    return
                if not isinstance(body, dict) or not body.get("name") or not body.get("url"):
                    self.reply(400, {"errors": {"name": ["can't be blank"]}})
                    return
                if body.get("domain") != stub.site_id:
                    self.reply(400, {"errors": {"domain": ["is invalid"]}})
                    return
                page = re.sub(r"^\w+://[^/]+", "", body["url"]) or "/"
                with stub.lock:
                    stub.log.append(
                        StubEvent(
                            datetime.date.today(),
                            body["name"],
                            page,
                            self.headers.get("User-Agent", "")
                            + self.headers.get("X-Forwarded-For", ""),
                            {str(k): str(v) for k, v in (body.get("props") or {}).items()},
                        )
                    )
                self.reply(202, raw=b"ok")

        return Handler
