"""The toolkit's impression beacon as a service of its own: an ASGI application for the beacon's
gunicorn (`gunicorn -c deploy/gunicorn-beacon.conf.py campaign.beacon_asgi:application`), whose
uvicorn workers each run an event loop over every open connection. Varnish sends
/count/impression/ here (deploy/varnish/default.vcl, backend `beacon`).

Why a second process: a busy partner page sends a beacon per visitor; in the site's own gunicorn
(threads, a log line per request) one core answers about 600 a second, here several thousand.

Only Django's settings are loaded: no request handler, middleware, session, template or ORM.
`campaign.toolkit.beacon` decides every answer, as it does in the site's WSGI application
(campaign/wsgi.py), which still answers the beacon if this service is down.

Round trips are shared: the beacons that arrive together (those read in one turn of the event
loop) go to Redis as one pipeline, each still its own atomic script call with its own answer.
Under load that halves the work per beacon, since the round trip was half of it. The pipeline
is sent without `await`: a round trip to a local Redis is shorter than an event-loop switch,
and a stalled Redis times out (campaign.toolkit.tally), after which the beacons answer 204,
uncounted, and the error log says why.

Paths: /count/impression/ (the beacon), /healthz (Varnish's probe: the process answers; Redis
trouble shows in the beacon's log, and the embed still shows); anything else 404.
"""

import asyncio
import gc
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings.dev")
django.setup()

# Only once Django is set up, just above.
from campaign.toolkit import tally  # noqa: E402
from campaign.toolkit.beacon import BEACON_PATH, Answer, answer_calls, read_beacon, with_length  # noqa: E402

# Everything loaded so far lives as long as the process: kept out of the garbage collector's
# full passes, which would otherwise walk all of Django's objects and pause every open beacon.
gc.freeze()

NOT_CONFIGURED = "The beacon service counts in Redis: set TOOLKIT_COUNTS_REDIS_URL (or REDIS_URL)."
NOT_FOUND = with_length("404 Not Found", [("Content-Type", "text/plain")], b"Not found")
HEALTHY = with_length(
    "200 OK", [("Content-Type", "text/plain"), ("Cache-Control", "no-store")], b"ok"
)


# The request headers `read_beacon` reads, under their WSGI names: only these are decoded.
READ_HEADERS = {b"user-agent": "HTTP_USER_AGENT", b"x-forwarded-for": "HTTP_X_FORWARDED_FOR"}


def wsgi_names(scope: dict) -> dict[str, str]:
    """What `read_beacon` reads, under its WSGI names; repeated headers joined as WSGI joins
    them."""
    client = scope.get("client") or ("", 0)
    environ = {
        "REQUEST_METHOD": scope["method"],
        "QUERY_STRING": scope["query_string"].decode("latin-1"),
        "REMOTE_ADDR": client[0],
    }
    for name, value in scope["headers"]:
        key = READ_HEADERS.get(name)
        if key:
            text = value.decode("latin-1")
            environ[key] = f"{environ[key]},{text}" if key in environ else text
    return environ


class SharedRoundTrips:
    """Collects the beacons' Redis calls of one event-loop turn and runs them as one pipeline."""

    def __init__(self) -> None:
        self.waiting: list[tuple[tally.BeaconCall, asyncio.Future]] = []

    def answer(self, call: tally.BeaconCall) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self.waiting.append((call, future))
        if len(self.waiting) == 1:
            # Runs once the beacons read in this turn of the loop have all been added.
            asyncio.get_running_loop().call_soon(self.run)
        return future

    def run(self) -> None:
        batch, self.waiting = self.waiting, []
        for (_, future), answer in zip(batch, answer_calls([c for c, _ in batch]), strict=True):
            if not future.done():  # the visitor may have gone meanwhile
                future.set_result(answer)


ROUND_TRIPS = SharedRoundTrips()


async def respond(scope: dict) -> Answer:
    read = read_beacon(wsgi_names(scope))
    return read if isinstance(read, tuple) else await ROUND_TRIPS.answer(read)


async def lifespan(receive, send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            if tally.enabled():
                await send({"type": "lifespan.startup.complete"})
            else:  # the worker stops, saying why, rather than answer beacons it cannot count
                await send({"type": "lifespan.startup.failed", "message": NOT_CONFIGURED})
                return
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def application(scope: dict, receive, send) -> None:
    if scope["type"] == "lifespan":
        await lifespan(receive, send)
        return
    if scope["type"] != "http":
        return
    if scope["path"] == BEACON_PATH:
        status, headers, body = await respond(scope)
    elif scope["path"] == "/healthz":
        status, headers, body = HEALTHY
    else:
        status, headers, body = NOT_FOUND
    await send(
        {
            "type": "http.response.start",
            "status": int(status[:3]),
            "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers],
        }
    )
    await send({"type": "http.response.body", "body": body})
