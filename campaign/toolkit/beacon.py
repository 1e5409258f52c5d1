"""The impression beacon: the embed (its document in a frame, or embed.js on the partner's page)
reports what it showed, and on which site, to /count/impression/. The answer says whether that
site is blocked: 204 when the asset may stay, 200 `{"blocked": true}` when the neutral card with
the hotline must replace it. The embed itself is the same cached bytes for every site.

With Redis (production) the beacon never reaches Django's middleware and views: no session, no
template, no ORM, one Redis script call (tally.beacon_call). Two thin adapters call `respond`:
the beacon's own service (campaign/beacon_asgi.py, where Varnish sends it) and, should that
service be down, `BeaconMiddleware` in the site's own WSGI application. Robots and HEAD are
answered but not counted, the per-address limit applies as everywhere in the toolkit, and
nothing about the visitor is kept (the address only as the rate limiter's keyed hash).

Query: a = the asset asked for, d = the asset displayed (its replacement), s = size,
p = partner code, o = the embedding page's origin.
"""

import json
import logging
import re
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs

import redis
from django.utils.translation import gettext as _

from campaign.core.ratelimit import address_key

from . import tally
from .bots import is_bot_agent
from .hosts import clean_origin
from .presets import PRESETS

logger = logging.getLogger(__name__)

BEACON_PATH = "/count/impression/"
SLUG = re.compile(r"^[-\w]{1,100}$", re.ASCII)
PARTNER_CODE = re.compile(r"^[-\w]{1,40}$", re.ASCII)
HEADERS = [
    ("Cache-Control", "no-store"),
    # embed.js reads the answer from the partner's page; no credentials are ever involved.
    ("Access-Control-Allow-Origin", "*"),
    ("X-Content-Type-Options", "nosniff"),
]

StartResponse = Callable[[str, list[tuple[str, str]]], object]


class Beacon:
    """What one beacon request says, checked; `problem` when it cannot be counted."""

    def __init__(self, query: str):
        params = {key: values[0] for key, values in parse_qs(query[:2000]).items()}
        self.asset = params.get("a", "")
        self.shown = params.get("d", "") or self.asset
        size = params.get("s", "")
        self.size = size if size in PRESETS else ""
        code = params.get("p", "").strip()
        self.partner = code if PARTNER_CODE.match(code) else ""
        self.origin = clean_origin(params.get("o", ""))
        valid = SLUG.match(self.asset) and SLUG.match(self.shown)
        self.problem = "" if valid else _("Say which asset the embed showed.")


Answer = tuple[str, list[tuple[str, str]], bytes]


def with_length(status: str, headers: list[tuple[str, str]], body: bytes) -> Answer:
    """The answer as sent: a 204 carries no Content-Length, every other answer does."""
    if not status.startswith("204"):
        headers = [*headers, ("Content-Length", str(len(body)))]
    return status, headers, body


def answer(blocked: bool) -> Answer:
    if blocked:
        headers = [*HEADERS, ("Content-Type", "application/json")]
        return "200 OK", headers, json.dumps({"blocked": True}).encode()
    return "204 No Content", list(HEADERS), b""


def respond(environ: dict) -> Answer:
    """The Redis path for one beacon: count it and say whether its site is blocked."""
    read = read_beacon(environ)
    return read if isinstance(read, tuple) else answer_calls([read])[0]


def read_beacon(environ: dict) -> Answer | tally.BeaconCall:
    """The answer when the beacon cannot be counted (405, 400), else its Redis call. `environ`
    holds the WSGI names of what is read: REQUEST_METHOD, QUERY_STRING, HTTP_USER_AGENT,
    REMOTE_ADDR and HTTP_X_FORWARDED_FOR."""
    method = environ.get("REQUEST_METHOD", "GET")
    if method not in ("GET", "POST", "HEAD"):
        return with_length("405 Method Not Allowed", [*HEADERS, ("Allow", "GET, HEAD, POST")], b"")
    beacon = Beacon(environ.get("QUERY_STRING", ""))
    if beacon.problem:
        headers = [*HEADERS, ("Content-Type", "text/plain; charset=utf-8")]
        return with_length("400 Bad Request", headers, beacon.problem.encode())
    count = method != "HEAD" and not is_bot_agent(environ.get("HTTP_USER_AGENT", ""))
    return tally.beacon_call(
        address_key(environ),
        count,
        beacon.asset,
        beacon.shown,
        beacon.partner,
        beacon.origin,
        beacon.size,
    )


def answer_calls(calls: list[tally.BeaconCall]) -> list[Answer]:
    """Run the beacons' calls in one round trip to Redis; their answers, in order."""
    try:
        blocked = tally.run_beacon_calls(calls)
    except redis.RedisError:
        # The embed must not suffer for a counter: it shows, uncounted, and the log says why.
        logger.exception("Toolkit beacon could not reach Redis")
        blocked = [False] * len(calls)
    return [with_length(*answer(each)) for each in blocked]


class BeaconMiddleware:
    """WSGI middleware: answers the beacon itself when counts go to Redis, else passes it on to
    Django (views.beacon, which counts in PostgreSQL)."""

    def __init__(self, app: Callable[[dict, StartResponse], Iterable[bytes]]):
        self.app = app

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == BEACON_PATH and tally.enabled():
            status, headers, body = respond(environ)
            start_response(status, headers)
            return [body]
        return self.app(environ, start_response)
