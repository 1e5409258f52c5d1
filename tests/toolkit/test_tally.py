"""Counts in Redis, flushed into PostgreSQL exactly once: also when a flush dies half-way, and
read the same by the partner report and the engagement count sources."""

import io
import wsgiref.util

import pytest
import redis
from django.utils import timezone
from wagtail.models import Locale

from campaign.core.counts import get_count_sources
from campaign.toolkit import tally
from campaign.toolkit.beacon import BeaconMiddleware
from campaign.toolkit.models import CountFlush, DailyCount
from campaign.toolkit.models.counts import DailyCountQuerySet
from campaign.toolkit.reports import monthly_rows
from tests.services import needs_redis

from .conftest import BROWSER_UA, beacon
from .factories import BlockedHostFactory, OfferedAssetFactory, PartnerFactory

pytestmark = [pytest.mark.django_db, needs_redis, pytest.mark.usefixtures("redis_counts")]


def impressions(asset) -> int:
    return DailyCount.objects.filter(asset=asset, kind="impression").total()


def test_beacons_wait_in_redis_until_the_flush(browser):
    """A beacon is an increment in Redis; the flush adds it to the daily counter once."""
    asset = OfferedAssetFactory()
    for _ in range(3):
        beacon(browser, asset, "https://news.test")
    assert impressions(asset) == 0
    outcome = tally.flush_counts()
    assert (outcome.applied, outcome.counted) == (1, 3)
    assert impressions(asset) == 3
    assert tally.flush_counts().counted == 0 and impressions(asset) == 3


def test_flush_that_dies_before_committing_is_done_again(browser, monkeypatch):
    """A flush killed while writing to PostgreSQL leaves its batch in Redis; the next one counts
    it, once."""
    asset, other = OfferedAssetFactory(), OfferedAssetFactory()
    beacon(browser, asset)
    beacon(browser, other)
    record = DailyCountQuerySet.record
    calls = []

    def dies_on_the_second_row(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt  # what a kill looks like from inside the transaction
        return record(self, *args, **kwargs)

    monkeypatch.setattr(DailyCountQuerySet, "record", dies_on_the_second_row)
    with pytest.raises(KeyboardInterrupt):
        tally.flush_counts()
    monkeypatch.setattr(DailyCountQuerySet, "record", record)
    assert impressions(asset) + impressions(other) == 0 and not CountFlush.objects.exists()
    beacon(browser, asset)  # counted meanwhile, into the new live hash
    outcome = tally.flush_counts()
    assert outcome.applied == 2 and outcome.skipped == 0
    assert (impressions(asset), impressions(other)) == (2, 1)


def test_flush_that_dies_after_committing_is_not_counted_twice(browser, monkeypatch):
    """A flush killed between its commit and deleting its batch: the next one sees the batch's id
    recorded and only deletes it."""
    asset = OfferedAssetFactory()
    beacon(browser, asset)
    beacon(browser, asset)

    def killed(self, *names):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(redis.Redis, "delete", killed)
        with pytest.raises(KeyboardInterrupt):
            tally.flush_counts()
    assert impressions(asset) == 2
    outcome = tally.flush_counts()
    assert (outcome.applied, outcome.skipped) == (0, 1)
    assert impressions(asset) == 2
    assert not list(tally.client().scan_iter(match=tally.key("flush:*")))


def test_counts_of_a_deleted_or_made_up_asset_are_dropped(browser):
    """A beacon naming no asset that exists is dropped at the flush, never a failure."""
    asset = OfferedAssetFactory()
    browser.post("/count/impression/?a=no-such-asset")
    beacon(browser, asset)
    outcome = tally.flush_counts()
    assert (outcome.counted, outcome.dropped) == (1, 1)


def test_a_slug_shared_by_translations_counts_for_the_default_languages_asset(browser):
    """An officer's translation keeps the English slug (wagtail-localize copies it): the beacon's
    slug then means the English asset, as the embed that sent it showed."""
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    english = OfferedAssetFactory()
    translation = english.copy_for_translation(spanish)
    translation.save()
    for _ in range(3):
        beacon(browser, english, "https://news.test")
    tally.flush_counts()
    assert impressions(english) == 3 and impressions(translation) == 0


def test_partner_report_and_engagement_read_the_flushed_numbers(browser):
    """After the flush the partner's report and the engagement count source agree with what the
    beacons sent."""
    asset, partner = OfferedAssetFactory(), PartnerFactory()
    for _ in range(7):
        beacon(browser, asset, "https://www.partner.test", partner.code, "square")
    beacon(browser, asset, "https://elsewhere.test", "", "square")
    tally.flush_counts()
    today = timezone.localdate()
    assert get_count_sources()["toolkit.impressions"].count(today, today) == 8
    report = monthly_rows(DailyCount.objects.filter(partner=partner))
    assert sum(row.counts["impression"] for row in report) == 7


def wsgi_get(app, path: str, query: str = "", user_agent: str = BROWSER_UA):
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_USER_AGENT": user_agent}
    environ["REMOTE_ADDR"] = "203.0.113.9"
    environ["wsgi.input"] = io.BytesIO()
    wsgiref.util.setup_testing_defaults(environ)
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=dict(headers))

    body = b"".join(app(environ, start_response))
    return started["status"], started["headers"], body


def test_beacon_is_answered_before_django():
    """With Redis, the WSGI middleware answers the beacon without calling Django at all, and
    passes every other request on."""
    asset = OfferedAssetFactory()
    BlockedHostFactory(host="blocked.test")

    def django(environ, start_response):
        start_response("200 OK", [])
        return [b"django"]

    app = BeaconMiddleware(django)
    status, headers, body = wsgi_get(app, "/count/impression/", f"a={asset.slug}&s=square")
    assert status == "204 No Content" and body == b"" and headers["Cache-Control"] == "no-store"
    assert "Content-Length" not in headers and "Set-Cookie" not in headers
    status, _, body = wsgi_get(app, "/count/impression/", f"a={asset.slug}&o=https://blocked.test")
    assert status == "200 OK" and body == b'{"blocked": true}'
    assert wsgi_get(app, "/count/impression/", "a=bad%20slug")[0] == "400 Bad Request"
    assert wsgi_get(app, "/embed/x/")[2] == b"django"
    tally.flush_counts()
    kinds = DailyCount.objects.filter(asset=asset).values_list("kind", "n")
    assert sorted(kinds) == [("blocked", 1), ("impression", 1)]


def test_beacon_still_answers_when_redis_is_down(settings):
    """Without Redis the embed still shows: the beacon answers 204 and logs the failure."""
    settings.TOOLKIT_COUNTS_REDIS_URL = "redis://127.0.0.1:1/0"
    status = wsgi_get(BeaconMiddleware(None), "/count/impression/", "a=any-asset")[0]
    assert status == "204 No Content"
