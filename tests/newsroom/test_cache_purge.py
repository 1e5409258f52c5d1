"""Publishing a release purges the listings that show it from the front-end cache (Varnish)."""

import datetime
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from campaign.newsroom.signals import release_published
from tests.services import QUICK_STOP

from .factories import PressReleasePageFactory, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


class PurgeRecorder(BaseHTTPRequestHandler):
    """A stand-in for Varnish that records each PURGE request's host and path."""

    purged: list[str] = []

    def do_PURGE(self):
        self.purged.append(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish():
    PurgeRecorder.purged = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, kwargs=QUICK_STOP, daemon=True)
    thread.start()
    location = f"http://127.0.0.1:{server.server_address[1]}"
    backend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}
    with override_settings(WAGTAILFRONTENDCACHE={"varnish": {**backend, "LOCATION": location}}):
        yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


LISTINGS = ["localhost/newsroom/", "localhost/newsroom/feed/rss/", "localhost/newsroom/feed/atom/"]


def test_publishing_a_release_purges_newsroom_feeds_and_home(varnish, newsroom):
    """The release, its text version, the newsroom, both feeds and the home page are purged."""
    release = publish(PressReleasePageFactory(slug="purged-release"))
    assert release.live
    expected = [*LISTINGS, "localhost/", "localhost/newsroom/purged-release/"]
    assert set(expected + ["localhost/newsroom/purged-release/txt/"]) <= set(varnish)


def test_embargo_lifting_purges_the_listings(varnish, newsroom):
    """When publish_scheduled lifts an embargo, the newsroom and feeds are purged too."""
    release = publish(
        PressReleasePageFactory(
            live=False, embargo_until=timezone.now() + datetime.timedelta(hours=1)
        )
    )
    assert not set(LISTINGS) & set(varnish)
    with time_machine.travel(release.embargo_until + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert set(LISTINGS) <= set(varnish)


def test_release_published_signal_fires_only_when_public(newsroom):
    """release_published is not sent when an embargoed release is scheduled, only when it lifts."""
    received = []

    def receiver(sender, instance, **kwargs):
        received.append((instance.pk, instance.live))

    release_published.connect(receiver)
    try:
        release = publish(
            PressReleasePageFactory(
                live=False, embargo_until=timezone.now() + datetime.timedelta(hours=1)
            )
        )
        assert received == []
        with time_machine.travel(release.embargo_until + datetime.timedelta(minutes=1)):
            call_command("publish_scheduled", stdout=io.StringIO())
        assert received == [(release.pk, True)]
    finally:
        release_published.disconnect(receiver)


def test_unpublishing_a_release_purges_the_listings(varnish, seeded_release):
    """Withdrawing a release purges the newsroom and feeds so it disappears from them."""
    seeded_release.unpublish()
    assert set(LISTINGS) <= set(varnish)
