"""The beacon's service as production runs it: gunicorn with deploy/gunicorn-beacon.conf.py, and
Varnish with the production VCL sending /count/impression/ to it, or to the site's own server
while it is down (the embed still reports what it showed; nothing is lost on the way)."""

import http.client
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from django.conf import settings

from bench.stack import varnish_vcl, varnishd_params
from campaign.toolkit.models import DailyCount
from tests.ops.test_varnish import free_port, start_app_server
from tests.services import needs_redis, needs_varnish, varnishd_path
from tests.toolkit.conftest import BROWSER_UA
from tests.toolkit.factories import OfferedAssetFactory

REDIS_URL = "redis://127.0.0.1:6379/12"  # the toolkit tests' database; keys under our own prefix

pytestmark = [needs_redis, pytest.mark.production_stack]


@dataclass
class BeaconService:
    port: int
    prefix: str
    process: subprocess.Popen

    def counted(self) -> int:
        """Impressions waiting in Redis for the flush, as this service wrote them."""
        live = redis.Redis.from_url(REDIS_URL).hgetall(f"{self.prefix}:live")
        return sum(int(n) for field, n in live.items() if field.endswith(b"|impression"))


def request(port: int, path: str, method: str = "POST") -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, headers={"User-Agent": BROWSER_UA, "Host": "localhost"})
    response = conn.getresponse()
    answer = response.status, dict(response.getheaders()), response.read()
    conn.close()
    return answer


def wait_for(check, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"{what} within {seconds:.0f} s"
        time.sleep(0.2)


def answers(port: int, path: str) -> bool:
    try:
        return request(port, path, "GET")[0] == 200
    except OSError:
        return False


def answered_by_the_service(port: int) -> bool:
    """A HEAD beacon (never counted) answered by the beacon service, not the site: the site's
    answers carry its security headers (Permissions-Policy), the service's only the beacon's."""
    headers = request(port, "/count/impression/?a=readiness-check", "HEAD")[1]
    return "permissions-policy" not in {name.lower() for name in headers}


@pytest.fixture
def beacon_service(tmp_path) -> Iterator[BeaconService]:
    """gunicorn with the beacon's deploy config, counting in Redis under a prefix of its own."""
    port, prefix = free_port(), f"enddemand-tests:{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.settings.test",
        "TOOLKIT_COUNTS_REDIS_URL": REDIS_URL,
        "TOOLKIT_COUNTS_KEY_PREFIX": prefix,
        "GUNICORN_BEACON_BIND": f"127.0.0.1:{port}",
        "GUNICORN_BEACON_WORKERS": "1",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = tmp_path / "beacon.log"
    process = subprocess.Popen(
        [str(gunicorn), "-c", "deploy/gunicorn-beacon.conf.py", "campaign.beacon_asgi:application"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    service = BeaconService(port, prefix, process)
    try:
        wait_for(lambda: answers(port, "/healthz") or process.poll() is not None, "it started")
        assert process.poll() is None, log.read_text()
        yield service
    finally:
        process.terminate()
        process.wait(timeout=30)
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)


@pytest.mark.django_db
def test_beacon_service_starts_with_its_deploy_config_and_counts(beacon_service):
    status, headers, body = request(beacon_service.port, "/count/impression/?a=some-asset")
    assert (status, body) == (204, b"")
    assert beacon_service.counted() == 1
    assert request(beacon_service.port, "/count/impression/?a=bad%20slug")[0] == 400
    assert request(beacon_service.port, "/", "GET")[0] == 404


@needs_varnish
# Committed rows, as the live server needs; the migrated rows restored after, as other
# transactional tests expect (tests/conftest.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_varnish_sends_beacons_to_the_service_and_to_the_site_while_it_is_down(
    beacon_service, tmp_path
):
    """Up: Varnish passes the beacon to the service (counted in its Redis). Stopped: the next
    beacon, sent before Varnish's probe has noticed, is retried on the site, which counts it
    (here straight into the database, as the site does without Redis)."""
    asset = OfferedAssetFactory()
    path = f"/count/impression/?a={asset.slug}&s=square&o=https://news.test"
    app = start_app_server()
    vcl = tmp_path / "default.vcl"
    vcl.write_text(varnish_vcl(app.port, beacon_service.port))
    port = free_port()
    varnishd = subprocess.Popen(
        [varnishd_path(), "-F", "-j", "none", "-n", str(tmp_path / "state"), "-f", str(vcl)]
        + ["-a", f"127.0.0.1:{port}", "-s", "malloc,32m", "-T", "none", *varnishd_params()],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: answers(port, "/robots.txt"), "Varnish forwarded to the site")
        # Until its probe has seen the service healthy, Varnish sends beacons to the site.
        wait_for(lambda: answered_by_the_service(port), "Varnish saw the beacon service up")
        assert request(port, path)[0] == 204
        assert (beacon_service.counted(), DailyCount.objects.count()) == (1, 0)

        beacon_service.process.terminate()
        beacon_service.process.wait(timeout=30)
        assert request(port, path)[0] == 204
        assert beacon_service.counted() == 1
        assert DailyCount.objects.get(asset=asset).n == 1
    finally:
        varnishd.terminate()
        varnishd.wait(timeout=10)
        app.terminate()
        app.join()
