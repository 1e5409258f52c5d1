"""Health checks for load balancers and orchestrators.

/healthz says the process is up and touches nothing else; /readyz says the database and the cache
answer. Both are served by `HealthCheckMiddleware` before host checks, HTTPS redirects, sessions
and rate limits, so they stay cheap and work from a load balancer that connects by IP address.
"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import get_random_string

logger = logging.getLogger(__name__)


def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and can answer HTTP."""
    response = JsonResponse({"status": "ok"})
    add_never_cache_headers(response)
    return response


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Readiness check: the database did not answer")
        return False


def _cache_ok() -> bool:
    key = f"readyz:{get_random_string(12)}"
    try:
        cache.set(key, "ok", timeout=5)
        ok = cache.get(key) == "ok"
        cache.delete(key)
        return ok
    except Exception:
        logger.exception("Readiness check: the cache did not answer")
        return False


def readyz(request: HttpRequest) -> JsonResponse:
    """The database and the cache answer; 503 naming the part that failed (no error details)."""
    checks = {
        "database": "ok" if _database_ok() else "failed",
        "cache": "ok" if _cache_ok() else "failed",
    }
    ready = all(value == "ok" for value in checks.values())
    response = JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )
    add_never_cache_headers(response)
    return response


HEALTH_VIEWS = {"/healthz": healthz, "/readyz": readyz}
