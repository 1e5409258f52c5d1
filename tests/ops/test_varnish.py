"""deploy/varnish/default.vcl in a real varnishd, in front of the app served by a real server.

The app runs in Django's live-server thread against the test database; varnishd runs the
production VCL with only the backend port changed, and the parameters of its systemd drop-in.
Wagtail's frontend cache (HTTPBackend) purges Varnish on publish exactly as in production. The
server thread has its own database connections and cannot see a test's open transaction, so the
test page and its changes are committed from a separate thread (`committed`) and the page is
deleted again at the end of the module.
"""

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test import override_settings
from django.test.testcases import LiveServerThread
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model

from bench.stack import varnish_vcl, varnishd_params
from campaign.toolkit.models import CampaignAsset, DailyCount
from home.models import ContentPage, HomePage
from tests.demo_seed import apply_snapshot, committed
from tests.services import needs_postgres, needs_varnish, varnishd_path
from tests.toolkit.conftest import BROWSER_UA

SITE_HOST = "localhost"  # the seeded default Site, so Wagtail purges URLs on this host
PAGE_SLUG = "ops-varnish-check"

# The marker orders these tests before transactional tests, which empty the database; the
# module's stack commits the demo seed for the app server and takes it away at the end. The
# tests' own writes go through `committed`.
pytestmark = [needs_varnish, pytest.mark.django_db]


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str


@dataclass
class Stack:
    varnish_port: int
    app_port: int
    state: Path  # varnishd's working directory (-n): its shared-memory log

    def get(
        self, path: str, method: str = "GET", headers: dict | None = None, source: str = "127.0.0.1"
    ) -> Reply:
        """One request through Varnish, as a visitor's browser would send it (behind nginx)."""
        conn = http.client.HTTPConnection(
            "127.0.0.1", self.varnish_port, timeout=10, source_address=(source, 0)
        )
        conn.request(method, path, headers={"Host": SITE_HOST, **(headers or {})})
        response = conn.getresponse()
        reply = Reply(
            response.status,
            {key.lower(): value for key, value in response.getheaders()},
            response.read().decode(),
        )
        conn.close()
        return reply


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app_server() -> LiveServerThread:
    """Django's live-server thread; each request uses its own connection to the test database."""
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    return thread


def start_varnish(workdir: Path, app_port: int) -> tuple[subprocess.Popen, int]:
    varnishd = varnishd_path()
    vcl = workdir / "default.vcl"
    vcl.write_text(varnish_vcl(app_port))
    port = free_port()
    process = subprocess.Popen(
        [varnishd, "-F", "-j", "none", "-n", str(workdir / "state"), "-f", str(vcl)]
        + ["-a", f"127.0.0.1:{port}", "-s", "malloc,32m", "-T", "none", *varnishd_params()],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    return process, port


def wait_until_ready(stack: Stack, process: subprocess.Popen) -> None:
    """varnishd compiles the VCL and probes the backend's /healthz before it forwards traffic."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"varnishd stopped: {process.stdout.read().decode()}")
        try:
            if stack.get("/robots.txt").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail("varnishd did not start forwarding to the app within 30 seconds")


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker) -> Iterator[Stack]:
    """The test database (never the development one), the app server thread and varnishd."""
    with (
        django_db_blocker.unblock(),
        tempfile.TemporaryDirectory(prefix="enddemand-varnish-") as tmp,
    ):
        committed(apply_snapshot)
        renditions = get_image_model().get_rendition_model().objects
        seeded_renditions = []
        committed(lambda: seeded_renditions.extend(renditions.values_list("pk", flat=True)))
        app = start_app_server()
        process, varnish_port = start_varnish(Path(tmp), app.port)
        frontend_cache = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{varnish_port}",
            }
        }
        with override_settings(
            WAGTAILFRONTENDCACHE=frontend_cache, ROOT_URLCONF="tests.ops.urls", ALLOWED_HOSTS=["*"]
        ):
            stack = Stack(varnish_port=varnish_port, app_port=app.port, state=Path(tmp) / "state")
            try:
                wait_until_ready(stack, process)
                yield stack
            finally:
                process.terminate()
                process.wait(timeout=10)
                app.terminate()
                app.join()
                committed(lambda: ContentPage.objects.filter(slug=PAGE_SLUG).delete())
                # What visitors made through the stack refers to seeded rows: gone first. Only the
                # new renditions: deleting one deletes its file, which the seeded rows still need.
                committed(lambda: renditions.exclude(pk__in=seeded_renditions).delete())
                committed(lambda: DailyCount.objects.all().delete())
                committed(lambda: apply_snapshot(revert=True))


@pytest.fixture(scope="module")
def page(stack) -> ContentPage:
    page = ContentPage(
        title="Varnish check", slug=PAGE_SLUG, intro="First version of the intro.", body=[]
    )

    def create() -> None:
        HomePage.objects.get(locale__language_code="en").add_child(instance=page)
        page.save_revision().publish()

    committed(create)
    return page


def publish(page: ContentPage, intro: str) -> None:
    def write() -> None:
        page.intro = intro
        page.save_revision().publish()

    committed(write)


def test_anonymous_page_is_served_from_the_cache_on_repeat_visits(stack, page):
    """The second anonymous visit is a Varnish hit: Django does not see it."""
    first = stack.get(page.url)
    second = stack.get(page.url)
    assert first.status == 200 and "First version of the intro." in first.body
    assert first.headers["cache-control"].startswith("public, max-age=")
    assert second.headers["x-cache"] == "HIT"
    assert int(second.headers["x-cache-hits"]) >= 1


def test_languages_are_kept_apart_and_browser_languages_share_one_copy(stack, page):
    """English and Spanish home pages are separate entries; an English page is one entry
    whatever language the browser asks for, since the language is in the URL."""
    english = stack.get("/", headers={"Accept-Language": "es-MX,es;q=0.9"})
    spanish = stack.get("/es/", headers={"Accept-Language": "en-US"})
    assert '<html lang="en">' in english.body and '<html lang="es">' in spanish.body
    again = stack.get("/", headers={"Accept-Language": "fr"})
    assert again.headers["x-cache"] == "HIT" and '<html lang="en">' in again.body
    assert '<html lang="es">' in stack.get("/es/").body


def test_responses_do_not_name_the_software_behind_them(stack, page):
    """No Server, Via or X-Varnish header tells a visitor what runs the site, or which version."""
    stack.get(page.url)
    headers = stack.get(page.url).headers
    assert headers["x-cache"] == "HIT"
    assert not {"server", "via", "x-varnish"} & set(headers)


def test_shared_memory_log_keeps_no_record_of_visitors(stack, page):
    """A visit leaves neither its headers nor its URL in Varnish's log; backend fetches still
    show there, so an operator can see what Varnish asked Django for."""
    varnishlog = shutil.which("varnishlog") or shutil.which("varnishlog", path="/usr/sbin")
    visitor = "Mozilla/5.0 (visitor-fingerprint-4711)"
    publish(page, "Intro for the log check.")  # purged: the next visit is a miss and a fetch
    stack.get(page.url, headers={"User-Agent": visitor, "Referer": "https://example.org/secret"})
    stack.get(page.url, headers={"User-Agent": visitor})
    log = subprocess.run(
        [varnishlog, "-n", str(stack.state), "-d", "-g", "raw"],
        capture_output=True,
        text=True,
        timeout=10,
    ).stdout
    assert "BereqURL" in log and page.url in log  # the backend fetch
    assert visitor not in log and "example.org/secret" not in log
    assert not re.search(r"\b(ReqURL|ReqHeader|RespHeader|Timestamp)\b", log)


def test_publishing_purges_the_page_within_a_second(stack, page):
    """After an editor publishes a change, the next visitor sees it, not the cached copy."""
    stack.get(page.url)
    assert stack.get(page.url).headers["x-cache"] == "HIT"
    publish(page, "Second version, just published.")
    published_at = time.monotonic()
    while "Second version, just published." not in stack.get(page.url).body:
        assert time.monotonic() - published_at < 1, "the change did not show within a second"
        time.sleep(0.05)
    assert stack.get(page.url).headers["x-cache"] == "HIT"


def test_unpublishing_purges_the_page(stack, page):
    """An unpublished page stops being served from the cache at once."""
    stack.get(page.url)
    assert stack.get(page.url).headers["x-cache"] == "HIT"
    committed(page.unpublish)
    reply = stack.get(page.url)
    committed(lambda: page.save_revision().publish())
    assert reply.status == 404


def test_purge_is_refused_from_other_addresses(stack, page):
    """Only the app servers may purge: a PURGE from another address leaves the page cached."""
    stack.get(page.url)
    refused = stack.get(page.url, method="PURGE", source="127.0.0.2")
    assert refused.status == 405
    assert stack.get(page.url).headers["x-cache"] == "HIT"
    assert stack.get(page.url, method="PURGE").status == 200
    assert stack.get(page.url).headers["x-cache"] == "MISS"


def test_admin_is_never_cached(stack):
    """The admin's sign-in page passes through Varnish every time."""
    stack.get("/admin/login/")
    reply = stack.get("/admin/login/")
    assert reply.headers["x-cache"] != "HIT"
    assert "no-store" in reply.headers["cache-control"]


def test_visitor_with_a_session_bypasses_the_cache(stack, page):
    """A signed-in editor (session cookie) gets the page from Django, not someone's cached copy."""
    stack.get(page.url)
    assert stack.get(page.url).headers["x-cache"] == "HIT"
    reply = stack.get(page.url, headers={"Cookie": "sessionid=abc123"})
    assert reply.headers["x-cache"] != "HIT"
    assert "no-store" in reply.headers["cache-control"]


def test_no_store_responses_are_not_cached(stack):
    """A view that says private, no-store (embargo previews) is fetched from Django each time."""
    stack.get("/ops-test/no-store/")
    reply = stack.get("/ops-test/no-store/")
    assert reply.body == "Personal answer"
    assert reply.headers["x-cache"] != "HIT"


def test_pages_with_forms_are_not_cached(stack):
    """A page that sets the CSRF cookie is not stored, so no visitor gets another's token."""
    stack.get("/ops-test/form/")
    reply = stack.get("/ops-test/form/")
    assert reply.headers["x-cache"] != "HIT"
    assert "csrftoken=" in reply.headers["set-cookie"]


def test_form_posts_pass_to_django(stack):
    """POSTs always reach Django (here the CSRF check answers, not a cached page)."""
    reply = stack.get("/ops-test/form/", method="POST")
    assert reply.status == 403
    assert reply.headers["x-cache"] != "HIT"


def database_url(alias: str = "default") -> str:
    db = connections[alias].settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@needs_postgres  # a worker process cannot share the in-memory SQLite test database
def test_worker_purges_within_a_second_as_in_production(stack, page, tmp_path):
    """With production's task queue, a real db_worker sends the purge and the change shows fast."""
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.ops.worker_settings",
            "DATABASE_URL": database_url(),
            "VARNISH_URL": f"http://127.0.0.1:{stack.varnish_port}",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    queue = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    try:
        with override_settings(TASKS=queue):
            # The first purge waits for the worker to start; the second is timed.
            for intro, limit in [("Queued change one.", 60), ("Queued change two.", 1)]:
                stack.get(page.url)
                assert stack.get(page.url).headers["x-cache"] == "HIT"
                publish(page, intro)
                published_at = time.monotonic()
                while intro not in stack.get(page.url).body:
                    assert worker.poll() is None, (tmp_path / "worker.log").read_text()
                    assert time.monotonic() - published_at < limit, f"not purged within {limit}s"
                    time.sleep(0.05)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        committed(lambda: DBTaskResult.objects.all().delete())


def test_downloads_are_counted_while_varnish_serves_the_file(stack):
    """Each download through Varnish is counted; the file behind it comes from Varnish's cache."""
    slug, day = "no-buyers-no-trafficking", timezone.localdate()
    counts = DailyCount.objects.filter(asset__slug=slug, kind="download", day=day, size="wide")
    totals = []
    # Read in its own connection: an open read of the test's transaction would lock SQLite's table
    # against the app server's writes.
    committed(lambda: totals.append(counts.total()))
    files = []
    for _ in range(3):
        conn = http.client.HTTPConnection("127.0.0.1", stack.varnish_port, timeout=10)
        headers = {"Host": SITE_HOST, "User-Agent": BROWSER_UA}
        conn.request("GET", f"/toolkit/{slug}/download/wide.png", headers=headers)
        counted = conn.getresponse()
        counted.read()
        conn.request("GET", counted.getheader("Location"), headers=headers)
        file = conn.getresponse()
        files.append((counted.status, counted.getheader("X-Cache"), file.getheader("X-Cache")))
        body = file.read()
        assert body[:8] == b"\x89PNG\r\n\x1a\n"
        conn.close()
    committed(lambda: totals.append(counts.total()))
    committed(lambda: counts.delete())
    assert [status for status, _, _ in files] == [302, 302, 302]
    assert {counted for _, counted, _ in files} == {"PASS"}
    assert [file for _, _, file in files][1:] == ["HIT", "HIT"]
    assert totals[1] == totals[0] + 3


def test_embed_is_cached_once_for_every_site_and_purged_when_the_asset_changes(stack):
    """The embed document comes from Varnish whatever partner code or site it is shown on; when
    the officer retires the asset Wagtail purges it, and the next visitor sees the change."""
    slug = "look-at-who-is-buying"
    path = f"/embed/{slug}/?size=square"
    first = stack.get(f"{path}&partner=demo-family-services", headers={"User-Agent": BROWSER_UA})
    second = stack.get(f"/embed/{slug}/?partner=other&size=square&x=1")
    data = [stack.get(f"/embed/{slug}/data.json?size=square&partner=p{n}") for n in range(2)]
    assert first.status == 200 and "<img" in first.body
    assert second.headers["x-cache"] == "HIT" and second.body == first.body
    assert data[1].headers["x-cache"] == "HIT"
    assert stack.get(f"/count/impression/?a={slug}", method="POST").headers["x-cache"] == "PASS"
    asset = []
    committed(lambda: asset.append(CampaignAsset.objects.get(slug=slug)))
    state = asset[0].state

    def set_state(value: str) -> None:
        asset[0].state = value
        asset[0].save()  # as the officer's edit: post_save purges the embeds

    try:
        committed(lambda: set_state("retired"))
        after = stack.get(path)
        assert after.headers["x-cache"] == "MISS" and "<img" not in after.body
        assert json.loads(stack.get(f"/embed/{slug}/data.json?size=square").body)["asset"] is None
    finally:
        committed(lambda: set_state(state))
