"""Services some tests need beyond Python: each has a marker, a check, and the reason shown when
it is missing. Under CI=true (`.ci/run`) a missing service fails the test instead of skipping it,
so CI can never pass by skipping. `needs_postgres` is the exception: its tests skip on the SQLite
run in CI too, because CI's PostgreSQL run is where they run."""

import os
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connections


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def varnishd_path() -> str | None:
    return shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"


def _node_tools_installed() -> bool:
    root = Path(__file__).resolve().parent.parent / "node_modules"
    return (root / "axe-core").is_dir() and (root / "lighthouse").is_dir()


# marker: (reason shown when missing, check)
SERVICE_MARKERS: dict[str, tuple[str, Callable[[], bool]]] = {
    "needs_varnish": (
        "needs varnishd (apt-get install varnish; scripts/test.sh installs it)",
        lambda: varnishd_path() is not None,
    ),
    "needs_chromium": (
        "needs Chromium (apt-get install chromium; scripts/test.sh installs it)",
        lambda: chromium_path() is not None,
    ),
    "needs_node_tools": (
        "needs axe-core and Lighthouse from npm (npm ci; scripts/test.sh runs it)",
        _node_tools_installed,
    ),
    "needs_vnu": (
        "needs Java and the Nu HTML checker (apt-get install default-jre-headless; npm ci; "
        "scripts/test.sh does both)",
        lambda: shutil.which("java") is not None and VNU_JAR.is_file(),
    ),
    "needs_postgres": (
        "needs the test database on PostgreSQL (DATABASE_URL=postgres://...; CI runs it)",
        lambda: connections["default"].vendor == "postgresql",
    ),
    "needs_redis": (
        "needs Redis at 127.0.0.1:6379",
        lambda: _listening("127.0.0.1", 6379),
    ),
}


def check_service(marker: str) -> None:
    """Skip the test (or, under CI=true, fail it) when the marker's service is missing."""
    reason, available = SERVICE_MARKERS[marker]
    if available():
        return
    if os.environ.get("CI") == "true" and marker != "needs_postgres":
        pytest.fail(f"CI=true and the service is missing: {reason}")
    pytest.skip(reason)


needs_varnish = pytest.mark.needs_varnish
needs_chromium = pytest.mark.needs_chromium
needs_node_tools = pytest.mark.needs_node_tools
needs_vnu = pytest.mark.needs_vnu
needs_postgres = pytest.mark.needs_postgres
needs_redis = pytest.mark.needs_redis

# `serve_forever` keyword arguments for the local stand-in servers: `shutdown()` waits up to one
# poll interval, and the default half second was added to the teardown of every test using one.
QUICK_STOP = {"poll_interval": 0.01}
