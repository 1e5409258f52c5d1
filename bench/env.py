"""The benchmark's environment: the production settings pointed at throwaway local services,
the tools it needs, and the one database it owns (dropped and created on every run)."""

import os
import shutil
import sys
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
# Another database or Redis database, e.g. when several people share one machine.
DB_NAME = os.environ.get("BENCH_DB_NAME", "enddemand_bench")
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0"
# The token the local Postmark stand-in (tests/alerts/esp_stub.py) accepts.
POSTMARK_TOKEN = "postmark-token-test"  # noqa: S105 - the local stand-in's made-up token

# campaign.settings.production reads all of this; nothing here is a real secret or a real host.
ENV = {
    "DJANGO_SETTINGS_MODULE": "campaign.settings.production",
    "SECRET_KEY": "bench-only-not-a-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DATABASE_URL": f"{PG_SERVER}/{DB_NAME}",
    "REDIS_URL": REDIS_URL,
    "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
    # Plain HTTP on loopback: no TLS terminator in front, so no HTTPS redirect.
    "SECURE_SSL_REDIRECT": "0",
    "ADMIN_REQUIRE_2FA": "0",
    "STATIC_ROOT": str(RESULTS / "staticfiles"),
    "MEDIA_ROOT": str(RESULTS / "media"),
    "LOG_LEVEL": "WARNING",
    "ANYMAIL_ESP": "postmark",
    "POSTMARK_SERVER_TOKEN": POSTMARK_TOKEN,
    "ANYMAIL_WEBHOOK_SECRET": "bench:bench",
    "ALERTS_FROM_EMAIL": "End Demand CT <press@example.org>",
    "ALERTS_OUTBOX_DIR": str(RESULTS / "outbox"),
    # Every load-generator request comes from 127.0.0.1, which the per-address counting limit
    # (120 a minute) would stop counting after a second; real visitors come from many addresses.
    "TOOLKIT_COUNT_RATE_LIMIT": "100000000",
}

# tool -> how to get it (Debian packages; gunicorn is pinned in requirements.txt).
TOOLS = {
    "wrk": "apt-get install wrk",
    "ab": "apt-get install apache2-utils",
    "nginx": "apt-get install nginx",
    "varnishd": "apt-get install varnish",
    "gunicorn": ".venv/bin/pip install -r requirements.txt",
}


def tool_path(name: str) -> str | None:
    venv_bin = Path(PYTHON).parent
    return (
        shutil.which(name, path=str(venv_bin))
        or shutil.which(name)
        or shutil.which(name, path="/usr/sbin:/sbin")
    )


def missing_tools() -> list[str]:
    """What is not installed, each with the command that installs it. The harness installs
    nothing itself."""
    return [f"{name}: {how}" for name, how in TOOLS.items() if not tool_path(name)]


def apply() -> None:
    os.environ.update(ENV)


def recreate_database() -> None:
    """Drop and create enddemand_bench; nothing else on the server is touched."""
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            [DB_NAME],
        )
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def flush_redis() -> None:
    redis.Redis.from_url(REDIS_URL).flushdb()
