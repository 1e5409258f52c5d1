"""The fuzz test of tests/ops/test_fuzz.py against the production stack, over HTTP (issue 18).

gunicorn starts with deploy/gunicorn.conf.py and campaign.settings.production, as a deploy starts
it: this run's PostgreSQL test database holding the demo seed (committed for the module, taken
away at the end), Redis (FUZZ_REDIS_URL, emptied first), Postmark configured with its webhook
secret, static files collected with the production storage, the test media. Hypothesis's hostile
requests (the same targets and values as the in-process test) go to it over loopback as nginx
would forward them (X-Forwarded-Proto: https); any 5xx fails the test with gunicorn's log, which
holds the trace. One test, so pytest-xdist starts the stack once.

PostgreSQL only: gunicorn's processes cannot share the in-memory SQLite test database.
"""

import http.client
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import redis
from django.conf import settings
from django.db import connections, transaction
from wagtail.models import Site

from bench.procs import free_port, running
from tests.alerts.webhook_events import SECRET
from tests.demo_seed import _tables, apply_snapshot, committed
from tests.ops import test_fuzz
from tests.services import needs_postgres, needs_redis

pytestmark = [needs_postgres, needs_redis, pytest.mark.django_db]

HOST = "localhost"  # the seeded default Site's hostname
REDIS_URL = os.environ.get("FUZZ_REDIS_URL", "redis://127.0.0.1:6379/13")


def keys_by_table() -> dict[str, set]:
    connection = connections["default"]
    quote_name = connection.ops.quote_name
    keys = {}
    with connection.cursor() as cursor:
        for table, key in _tables(connection):
            cursor.execute(f"SELECT {quote_name(key)} FROM {quote_name(table)}")  # noqa: S608
            keys[table] = {row[0] for row in cursor.fetchall()}
    return keys


def delete_new_rows(before: dict[str, set]) -> None:
    """Delete every row made since `before` (renditions, counts, search terms...), in one
    transaction, where PostgreSQL checks the (deferred) foreign keys at the end."""
    connection = connections["default"]
    quote_name = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table, key in _tables(connection):
            cursor.execute(f"SELECT {quote_name(key)} FROM {quote_name(table)}")  # noqa: S608
            new = [[pk] for (pk,) in cursor.fetchall() if pk not in before.get(table, ())]
            if new:
                delete = f"DELETE FROM {quote_name(table)} WHERE {quote_name(key)} = %s"  # noqa: S608
                cursor.executemany(delete, new)


def production_env(workdir: Path, port: int) -> dict[str, str]:
    db = connections["default"].settings_dict
    return {
        "DJANGO_SETTINGS_MODULE": "campaign.settings.production",
        "SECRET_KEY": "fuzz-only-not-a-secret-" + "x" * 40,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "REDIS_URL": REDIS_URL,
        "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),  # where the seed's images and renditions are
        "ANYMAIL_ESP": "postmark",
        "POSTMARK_SERVER_TOKEN": "postmark-token-test",
        "ANYMAIL_WEBHOOK_SECRET": SECRET,
        "ALERTS_FROM_EMAIL": "End Demand CT <press@example.org>",
        "ALERTS_OUTBOX_DIR": str(workdir / "outbox"),
        # Every request comes from 127.0.0.1: the per-address counting limit would stop the
        # toolkit's counting code being reached after 120 requests.
        "TOOLKIT_COUNT_RATE_LIMIT": "100000000",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "LOG_LEVEL": "WARNING",
    }


@dataclass
class Reply:
    status_code: int
    log: str = ""


class HttpVisitor:
    """The part of Django's test client the fuzz targets use, sent over HTTP to gunicorn, as
    nginx forwards a visitor's request."""

    def __init__(self, port: int, log: Path):
        self.port = port
        self.log = log

    def request(self, method: str, path: str, body: str | None = None, headers=None) -> Reply:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request(
            method.upper(),
            quote(path, safe="/?=&%:@!$'()*+,;~"),
            body=body.encode() if body is not None else None,
            headers={"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})},
        )
        response = conn.getresponse()
        response.read()
        conn.close()

        # On a 5xx the test fails: show what gunicorn logged (the trace) with the request.
        log = self.log.read_text()[-6000:] if response.status >= 500 else ""
        return Reply(response.status, log)

    def get(self, path: str, data: dict | None = None) -> Reply:
        return self.request("GET", f"{path}?{urlencode(data)}" if data else path)

    def post(self, path: str, data=None, content_type: str | None = None, **extra) -> Reply:
        headers = {key[5:].replace("_", "-"): value for key, value in extra.items()}
        if content_type is None:
            data, content_type = urlencode(data or {}), "application/x-www-form-urlencoded"
        return self.request("POST", path, data, {"Content-Type": content_type, **headers})

    def __getattr__(self, method: str):
        if method not in ("put", "patch", "delete", "options", "head", "trace"):
            raise AttributeError(method)
        return lambda path, *args: self.request(method, path)


@pytest.fixture(scope="module")
def visitor(django_db_setup, django_db_blocker) -> Iterator[HttpVisitor]:
    with (
        django_db_blocker.unblock(),
        tempfile.TemporaryDirectory(prefix="enddemand-fuzz-") as tmp,
    ):
        workdir, port = Path(tmp), free_port()
        env = {**os.environ, **production_env(workdir, port)}
        collect = [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"]
        result = subprocess.run(
            collect, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stderr
        redis.Redis.from_url(REDIS_URL).flushdb()
        committed(apply_snapshot)
        before = {}
        committed(lambda: before.update(keys_by_table()))
        gunicorn = Path(sys.executable).with_name("gunicorn")
        log = workdir / "gunicorn.log"
        try:
            with running(
                [str(gunicorn), "-c", "deploy/gunicorn.conf.py", "campaign.wsgi"],
                port,
                env,
                log,
                settings.BASE_DIR,
            ):
                yield HttpVisitor(port, log)
        finally:
            committed(lambda: delete_new_rows(before))
            committed(lambda: apply_snapshot(revert=True))


def test_production_stack_answers_hostile_requests_below_500(visitor):
    """Public URLs with hostile queries, forms and wrong methods, the API, oEmbed and the
    Postmark webhook: gunicorn on production settings never answers 5xx."""
    urls = test_fuzz.public_urls()
    test_fuzz.fuzz_public_urls(visitor, urls)
    test_fuzz.fuzz_forms_and_methods(visitor, urls)
    test_fuzz.fuzz_api(visitor, Site.objects.get(is_default_site=True).root_page_id)
    test_fuzz.fuzz_oembed(visitor, f"https://{HOST}")
    test_fuzz.fuzz_tracking_webhook(visitor)
