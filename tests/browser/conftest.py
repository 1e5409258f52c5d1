"""Real-browser tests: headless Debian Chromium driven by Playwright against the site on a live
server, with nothing reaching the internet. Screenshots and Lighthouse reports of the run go to
test-artifacts/<UTC time>/, printed at the end of the run."""

import os
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from wagtail.models import Site

from tests import services
from tests.services import QUICK_STOP, chromium_path

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = chromium_path()
# Without these Chromium reaches out to Google's services (updates, sync, QUIC probes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1"}
ARTIFACTS_ROOT = Path(settings.BASE_DIR) / "test-artifacts"

needs_chromium = services.needs_chromium

_run_dir: list[Path] = []
# Lines added to the terminal summary: Lighthouse scores, where the artifacts are.
summary_lines: list[str] = []


def artifacts_dir() -> Path:
    """This run's folder for screenshots and reports, created on first use."""
    if not _run_dir:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = ARTIFACTS_ROOT / f"{stamp}-{os.getpid()}"
        path.mkdir(parents=True, exist_ok=True)
        _run_dir.append(path)
    return _run_dir[0]


def pytest_terminal_summary(terminalreporter):
    if not _run_dir:
        return
    terminalreporter.section("browser tests")
    for line in summary_lines:
        terminalreporter.write_line(line)
    terminalreporter.write_line(f"Screenshots and Lighthouse reports: {_run_dir[0]}")


def is_elsewhere(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS


class Elsewhere:
    """Stands in for every site outside localhost: records the URL and answers with a tiny page."""

    def __init__(self):
        self.visited: list[str] = []

    def __call__(self, route) -> None:
        self.visited.append(route.request.url)
        host = urlsplit(route.request.url).hostname
        route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body=f"<!DOCTYPE html><title>{host}</title><h1>Elsewhere: {host}</h1>",
        )


@pytest.fixture
def site_url(live_server, settings) -> str:
    """The seeded site on a live server, with uploaded media served too."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    # Absolute links the site makes (canonical URLs, click-throughs) point at this server.
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    Site.clear_site_root_paths_cache()
    return live_server.url


@pytest.fixture
def browser(monkeypatch) -> Iterator:
    """Headless Chromium for one test."""
    services.check_service("needs_chromium")
    # Playwright's sync API keeps an event loop running in this thread; the test's own ORM
    # calls are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def elsewhere() -> Elsewhere:
    return Elsewhere()


@pytest.fixture
def new_context(browser, elsewhere) -> Callable:
    """Make a browser context in which every request outside localhost is answered locally."""

    def make(**options):
        context = browser.new_context(**options)
        context.route(is_elsewhere, elsewhere)
        return context

    return make


@pytest.fixture
def shot(request) -> Callable:
    """Save a full-page screenshot into this run's folder, named after the test and the step."""
    counter = iter(range(1, 1000))

    def save(page, step: str) -> Path:
        folder = artifacts_dir() / request.node.name
        folder.mkdir(exist_ok=True)
        path = folder / f"{next(counter):02d}-{step}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return save


class PartnerSite(ThreadingHTTPServer):
    """A stand-in partner web site on 127.0.0.1 (a second origin) serving one page."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), PartnerPage)
        self.page = "<!DOCTYPE html><title>Partner</title>"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    @property
    def port(self) -> int:
        return self.server_address[1]


class PartnerPage(BaseHTTPRequestHandler):
    def do_GET(self):
        body = self.server.page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def partner_site() -> Iterator[PartnerSite]:
    site = PartnerSite()
    thread = threading.Thread(target=site.serve_forever, kwargs=QUICK_STOP, daemon=True)
    thread.start()
    yield site
    site.shutdown()
    site.server_close()
