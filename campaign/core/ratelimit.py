"""A small, reusable rate limit for public forms and counting endpoints.

Counts live in the cache (Redis in production, so every app server shares them) under a keyed
hash of the client's address: the address itself is never stored. Use the decorator on a view:

    @ratelimit("signup", limit=10, period=60)
    def signup(request): ...

or call `hit(request, scope, limit, period)` inside a view that needs finer control. Health checks
and the admin are never wrapped, so they are never limited.
"""

import functools
import hashlib
import hmac
import time
from collections.abc import Callable, Iterable, Mapping

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

__all__ = [
    "address_key",
    "client_ip",
    "client_key",
    "hit",
    "ratelimit",
    "RATE_LIMITED_MESSAGE",
]

RATE_LIMITED_MESSAGE = "Too many requests from your connection. Please wait a minute and try again."


def client_ip(request: HttpRequest) -> str:
    """The visitor's address (see `meta_client_ip`)."""
    return meta_client_ip(request.META)


def meta_client_ip(meta: Mapping[str, str]) -> str:
    """The visitor's address in a WSGI environ, read through the trusted proxies in NUM_PROXIES.

    Each proxy (nginx, Varnish) appends the address it received the request from to
    X-Forwarded-For, so with N proxies the client is the N-th entry from the right. Entries further
    left were written by the client and cannot be trusted.
    """
    num_proxies = getattr(settings, "NUM_PROXIES", 0)
    forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
    if num_proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-min(num_proxies, len(addresses))]
    return meta.get("REMOTE_ADDR", "")


def client_key(request: HttpRequest) -> str:
    """A keyed hash of the client's address: stable enough to count, useless to identify anyone."""
    return address_key(request.META)


def address_key(meta: Mapping[str, str]) -> str:
    """client_key for a WSGI environ (the toolkit's beacon runs without a Django request)."""
    secret = f"ratelimit:{settings.SECRET_KEY}".encode()
    return hmac.new(secret, meta_client_ip(meta).encode(), hashlib.sha256).hexdigest()[:32]


def hit(request: HttpRequest, scope: str, limit: int, period: int) -> bool:
    """Count one request in `scope`; True when this client has gone over `limit` per `period` s."""
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{client_key(request)}:{window}"
    # add() is a no-op when the key exists, so concurrent first hits cannot reset the count.
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this is the first hit of a new window.
        cache.set(key, 1, timeout=period + 1)
        count = 1
    return count > limit


def ratelimit(
    scope: str, limit: int, period: int = 60, methods: Iterable[str] = ("POST",)
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Answer 429 with a plain message once a client exceeds `limit` requests per `period` s.

    Only the listed methods count (POST by default, so reading a form page is never limited).
    """
    counted = {method.upper() for method in methods}

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method in counted and hit(request, scope, limit, period):
                response = HttpResponse(
                    RATE_LIMITED_MESSAGE, status=429, content_type="text/plain; charset=utf-8"
                )
                response["Retry-After"] = str(period)
                response["Cache-Control"] = "private, no-store"
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
