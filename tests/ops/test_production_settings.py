"""campaign.settings.production, booted in a fresh Python process as gunicorn would boot it.

Each test runs a subprocess with a controlled environment: settings are read once per process,
so this is the only honest way to see what a missing or present variable does.
"""

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.services import needs_redis

pytestmark = pytest.mark.production_stack

REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "WAGTAILADMIN_BASE_URL"]
HOST = "enddemandct.example"

# Requests through the whole production middleware stack, printed as JSON for the test to read.
PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
from django.templatetags.static import static
from django.test import Client

client = Client()


def fetch(path, secure=True):
    headers = {"host": settings.ALLOWED_HOSTS[0], "accept-encoding": "gzip"}
    response = client.get(path, secure=secure, headers=headers)
    body = b"".join(response) if response.streaming else response.content
    return {"status": response.status_code, "headers": dict(response.items()),
            "body": body.decode(errors="replace")}


result = {
    "https_page": fetch("/robots.txt"),
    "http_page": fetch("/robots.txt", secure=False),
    "http_healthz": fetch("/healthz", secure=False),
    "readyz": fetch("/readyz"),
    "admin": fetch("/admin/"),
    "static_url": static("css/site.css"),
    "hashed_static": fetch(static("css/site.css")),
    "storage": type(storages["default"]).__module__ + "." + type(storages["default"]).__name__,
    "media_url": storages["default"].url("images/poster.png"),
    "csp": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "tasks": settings.TASKS["default"]["BACKEND"],
    "session_engine": settings.SESSION_ENGINE,
    "frontend_cache": getattr(settings, "WAGTAILFRONTENDCACHE", {}),
}
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """`collectstatic` with production settings, once for the module, as a deploy runs it."""
    root = tmp_path_factory.mktemp("production")
    result = run(["manage.py", "collectstatic", "--no-input", "-v0"], production_env(root))
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def production(static_root) -> dict:
    """The probe's answers with a complete environment and no optional variables."""
    return probe(static_root)


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """A complete production environment; the test database server when the suite runs on one."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "AWS_", "PLAUSIBLE_", "VARNISH_", "ANYMAIL_", "MAILGUN_", "POSTMARK_")
        )
        and key not in REQUIRED
    }
    env.update(
        DJANGO_SETTINGS_MODULE="campaign.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6379/15",
        WAGTAILADMIN_BASE_URL=f"https://{HOST}",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    env.update(overrides)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def probe(tmp_path: Path, **overrides: str) -> dict:
    result = run(["-c", PROBE], production_env(tmp_path, **overrides))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", REQUIRED)
def test_missing_required_variable_stops_start_up_naming_it(tmp_path, name):
    """Without one required variable the settings refuse to load and say which one to set."""
    env = production_env(tmp_path)
    del env[name]
    result = run(["-c", "from django.conf import settings; settings.DEBUG"], env)
    assert result.returncode != 0
    assert f"Set the {name} environment variable" in result.stderr


def test_empty_required_variable_counts_as_missing(tmp_path):
    """A variable set to blanks is as good as missing."""
    result = run(
        ["-c", "from django.conf import settings; settings.DEBUG"],
        production_env(tmp_path, SECRET_KEY="   "),
    )
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_check_deploy_with_complete_environment_reports_nothing(tmp_path):
    """`manage.py check --deploy` on production settings prints no warning at all."""
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_uses_redis_cache_and_sessions_and_database_tasks(production):
    """Cache and sessions live in Redis; background tasks go to the database for db_worker."""
    assert production["cache"] == "campaign.ops.redis_cache.RedisCache"
    assert production["session_engine"] == "django.contrib.sessions.backends.cache"
    assert production["tasks"] == "django_tasks_db.DatabaseBackend"


@needs_redis
def test_readyz_reaches_the_real_database_and_redis(production):
    """With production settings /readyz answers ok after talking to the database and Redis."""
    readyz = production["readyz"]
    assert readyz["status"] == 200
    assert json.loads(readyz["body"])["checks"] == {"database": "ok", "cache": "ok"}


def test_readyz_names_redis_when_it_is_unreachable(static_root):
    """A Redis that does not answer gives 503 naming the cache, and no error details."""
    readyz = probe(static_root, REDIS_URL="redis://127.0.0.1:1/0")["readyz"]
    assert readyz["status"] == 503
    assert json.loads(readyz["body"])["checks"] == {"database": "ok", "cache": "failed"}
    assert "Connection" not in readyz["body"]


def test_readyz_names_the_database_when_it_is_unreachable(static_root):
    """A database that does not answer gives 503 naming it, and no connection details."""
    readyz = probe(static_root, DATABASE_URL="postgres://enddemand:s3cret@127.0.0.1:1/enddemand")
    assert readyz["readyz"]["status"] == 503
    assert json.loads(readyz["readyz"]["body"])["checks"] == {"database": "failed", "cache": "ok"}
    assert "s3cret" not in readyz["readyz"]["body"]


def test_https_response_carries_hsts_and_security_headers(production):
    """A real HTTPS request gets HSTS (a year, subdomains, preload) and the other headers."""
    headers = production["https_page"]["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]


def test_plain_http_is_redirected_to_https_but_health_checks_are_not(production):
    """Visitors on http:// go to https://; a load balancer's plain /healthz probe gets 200."""
    assert production["http_page"]["status"] == 301
    assert production["http_page"]["headers"]["Location"] == f"https://{HOST}/robots.txt"
    assert production["http_healthz"]["status"] == 200


def test_admin_is_never_cached_and_has_the_admin_policy(production):
    """The admin (here its redirect to sign-in) says no-store and carries the admin's own CSP."""
    admin = production["admin"]
    assert admin["status"] == 302 and admin["headers"]["Location"].startswith("/admin/login/")
    assert "no-store" in admin["headers"]["Cache-Control"]
    assert "'unsafe-inline'" in admin["headers"]["Content-Security-Policy"]


def test_static_files_are_hashed_compressed_and_cached_forever(production):
    """collectstatic + WhiteNoise: hashed URLs, gzip, and a far-future immutable cache header."""
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", production["static_url"])
    hashed = production["hashed_static"]
    assert hashed["status"] == 200
    assert hashed["headers"]["Content-Encoding"] == "gzip"
    assert "immutable" in hashed["headers"]["Cache-Control"]


def test_media_stays_on_disk_and_no_purging_without_optional_variables(production):
    """Without a bucket or Varnish, uploads are files under MEDIA_ROOT and nothing is purged."""
    assert production["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert production["frontend_cache"] == {}
    assert all("plausible" not in source for source in production["csp"]["script-src"])


@pytest.fixture(scope="module")
def production_with_options(static_root) -> dict:
    """The probe's answers with every optional service configured."""
    return probe(
        static_root,
        AWS_STORAGE_BUCKET_NAME="enddemand-media",
        AWS_S3_ENDPOINT_URL="https://s3.storage.example",
        AWS_S3_CUSTOM_DOMAIN="media.enddemandct.example",
        PLAUSIBLE_SITE_ID="enddemandct.example",
        PLAUSIBLE_BASE_URL="https://stats.enddemandct.example",
        VARNISH_URL="http://127.0.0.1:6081",
    )


def test_media_goes_to_s3_compatible_storage_when_a_bucket_is_named(production_with_options):
    """AWS_STORAGE_BUCKET_NAME switches uploads to django-storages, and CSP allows its host."""
    assert production_with_options["storage"] == "storages.backends.s3.S3Storage"
    assert (
        production_with_options["media_url"]
        == "https://media.enddemandct.example/images/poster.png"
    )
    assert "https://media.enddemandct.example" in production_with_options["csp"]["img-src"]


def test_plausible_is_allowed_by_csp_when_a_site_is_set(production_with_options):
    """PLAUSIBLE_SITE_ID adds the Plausible host to script-src and connect-src, nothing else."""
    csp = production_with_options["csp"]
    assert "https://stats.enddemandct.example" in csp["script-src"]
    assert "https://stats.enddemandct.example" in csp["connect-src"]
    assert "https://stats.enddemandct.example" not in csp["img-src"]
    page_csp = production_with_options["https_page"]["headers"]["Content-Security-Policy"]
    assert "script-src 'self' https://stats.enddemandct.example" in page_csp


def test_varnish_url_turns_on_purging(production_with_options):
    """VARNISH_URL configures Wagtail's frontend cache with the HTTP (PURGE) backend."""
    assert production_with_options["frontend_cache"] == {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }


def test_gunicorn_starts_the_site_with_the_deploy_config(static_root, tmp_path):
    """deploy/gunicorn.conf.py boots production settings and serves requests on its bind."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = production_env(static_root, GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="1")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "-c", "deploy/gunicorn.conf.py", "campaign.wsgi"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "gunicorn.log").open("w"),
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request(
                    "GET", "/robots.txt", headers={"Host": HOST, "X-Forwarded-Proto": "https"}
                )
                response = conn.getresponse()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                assert time.monotonic() < deadline, "gunicorn did not start within 30 seconds"
                time.sleep(0.2)
        assert response.status == 200
        assert "Disallow: /admin/" in response.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)
