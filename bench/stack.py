"""The production stack on loopback: gunicorn (deploy/gunicorn.conf.py, two workers), a second
gunicorn with the render cache off, the toolkit beacon's gunicorn (deploy/gunicorn-beacon.conf.py,
two workers), Varnish with deploy/varnish/default.vcl (only the backend
port rewritten, in a temporary copy) and the parameters of its systemd drop-in, and nginx
serving static snapshots of the same pages.
Every server runs in its own process group and is killed with it when the block ends."""

import contextlib
import os
import re
import signal
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .env import ENV, ROOT, tool_path
from .procs import free_port, running

VCL = ROOT / "deploy" / "varnish" / "default.vcl"
VARNISH_DROP_IN = ROOT / "deploy" / "systemd" / "varnish.service.d" / "enddemand.conf"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
BEACON_CONF = ROOT / "deploy" / "gunicorn-beacon.conf.py"

NGINX_CONF = """\
daemon off;
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        # Paths answered with the response headers the site gave them (serve_like_the_site).
        include {tmp}/nginx-locations/*.conf;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


@dataclass
class Stack:
    gunicorn: str
    rendering: str
    varnish: str
    nginx: str
    beacon: str
    snapshots: Path
    workdir: Path
    gunicorn_pid: int
    # Process groups of the servers whose CPU time the edge comparisons read, by Stack field.
    groups: dict[str, int]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Click-throughs redirect off this machine; the benchmark only ever talks to loopback."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def get(url: str, headers: dict | None = None, timeout: float = 30) -> tuple[int, dict, bytes]:
    """One GET to a loopback server, redirects not followed."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback http
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for_ok(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if get(url, timeout=5)[0] == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer 200 within {timeout:.0f}s")


NO_BEACON_SERVICE = 1  # a port nothing listens on


def varnish_vcl(backend_port: int, beacon_port: int | None = None) -> str:
    """The production VCL with the site's backend port changed, and the beacon's: to
    `beacon_port`, or (none given) to port 1, where nothing listens: the beacon backend is then
    down and Varnish sends beacons to the site, as production does while the service is down
    (and no second health probe loads the site's test server)."""
    text = VCL.read_text()
    for name, port in (("default", backend_port), ("beacon", beacon_port or NO_BEACON_SERVICE)):
        pattern = rf'(backend {name} \{{[^}}]*?\.port = )"\d+";'
        text, n = re.subn(pattern, rf'\g<1>"{port}";', text, count=1, flags=re.DOTALL)
        if n != 1:
            raise RuntimeError(f"no port found for backend {name} in {VCL}")
    return text


def varnishd_params() -> list[str]:
    """The `-p name=value` options production's varnishd runs with, as arguments."""
    values = re.findall(r"^\s*-p (\S+)", VARNISH_DROP_IN.read_text(), re.MULTILINE)
    return [arg for value in values for arg in ("-p", value)]


@contextlib.contextmanager
def production_stack(workdir: Path, workers: int = 2) -> Iterator[Stack]:
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o755)  # nginx's workers run as an unprivileged user and read the snapshots
    snapshots = workdir / "snapshots"
    snapshots.mkdir(exist_ok=True)
    (workdir / "nginx-locations").mkdir(exist_ok=True)
    app_port, varnish_port, nginx_port = free_port(), free_port(), free_port()
    rendering_port, beacon_port = free_port(), free_port()
    gunicorn_env = {
        **ENV,
        "GUNICORN_BIND": f"127.0.0.1:{app_port}",
        "GUNICORN_WORKERS": str(workers),
        "LOG_LEVEL": "WARNING",
    }
    # The same site with the render cache off: every request renders the page from the database.
    rendering_env = {
        **gunicorn_env,
        "GUNICORN_BIND": f"127.0.0.1:{rendering_port}",
        "RENDER_CACHE_SECONDS": "0",
    }
    beacon_env = {
        **ENV,
        "GUNICORN_BEACON_BIND": f"127.0.0.1:{beacon_port}",
        "GUNICORN_BEACON_WORKERS": str(workers),
        "LOG_LEVEL": "WARNING",
    }
    (workdir / "default.vcl").write_text(varnish_vcl(app_port, beacon_port))
    (workdir / "nginx.conf").write_text(
        NGINX_CONF.format(tmp=workdir, port=nginx_port, root=snapshots)
    )
    gunicorn = [tool_path("gunicorn"), "-c", str(GUNICORN_CONF), "campaign.wsgi"]
    beacon = [tool_path("gunicorn"), "-c", str(BEACON_CONF), "campaign.beacon_asgi:application"]
    varnishd = [tool_path("varnishd"), "-F", "-j", "none", "-n", str(workdir / "varnish")]
    varnishd += ["-f", str(workdir / "default.vcl"), "-a", f"127.0.0.1:{varnish_port}"]
    varnishd += ["-s", "malloc,128m", "-T", "none", *varnishd_params()]
    nginx = [tool_path("nginx"), "-c", str(workdir / "nginx.conf"), "-e", str(workdir / "ng.log")]
    with (
        running(gunicorn, app_port, gunicorn_env, workdir / "gunicorn.log", ROOT) as app,
        running(gunicorn, rendering_port, rendering_env, workdir / "rendering.log", ROOT),
        running(beacon, beacon_port, beacon_env, workdir / "beacon.log", ROOT),
        running(varnishd, varnish_port, log=workdir / "varnishd.log") as varnish,
        running(nginx, nginx_port, log=workdir / "nginx.log") as nginx_master,
    ):
        gunicorn_url = f"http://127.0.0.1:{app_port}"
        rendering_url = f"http://127.0.0.1:{rendering_port}"
        wait_for_ok(gunicorn_url + "/healthz")
        wait_for_ok(rendering_url + "/healthz")
        wait_for_ok(f"http://127.0.0.1:{beacon_port}/healthz")
        # Varnish forwards only once its health probe has seen the backend up.
        wait_for_ok(f"http://127.0.0.1:{varnish_port}/robots.txt")
        yield Stack(
            gunicorn=gunicorn_url,
            rendering=rendering_url,
            varnish=f"http://127.0.0.1:{varnish_port}",
            nginx=f"http://127.0.0.1:{nginx_port}",
            beacon=f"http://127.0.0.1:{beacon_port}",
            snapshots=snapshots,
            workdir=workdir,
            gunicorn_pid=app.pid,
            groups={"varnish": varnish.pid, "nginx": nginx_master.pid},
        )


# What a server sets on every answer by itself, or what only a cache adds.
OWN_HEADERS = {"date", "content-length", "connection", "keep-alive", "transfer-encoding", "server",
               "age", "accept-ranges", "via", "x-varnish", "x-cache", "x-cache-hits"}  # fmt: skip


def serve_like_the_site(stack: Stack, path: str, headers: dict[str, str]) -> None:
    """Make nginx answer `path` (its snapshot) with the response headers the site gave it, so
    that nginx and Varnish send the same bytes, and reload nginx."""
    location = path.split("?")[0]
    content_type = headers.get("Content-Type", "text/html")
    lines = [f"location = {location} {{", "    types { }", f'    default_type "{content_type}";']
    for name, value in headers.items():
        if name.lower() not in OWN_HEADERS and name.lower() != "content-type":
            lines.append(
                f'    add_header {name} "{value.replace(chr(34), chr(92) + chr(34))}" always;'
            )
    lines += ["    try_files $uri $uri/index.html =404;", "}", ""]
    name = re.sub(r"[^\w]+", "-", location).strip("-")
    (stack.workdir / "nginx-locations" / f"{name}.conf").write_text("\n".join(lines))
    os.kill(int((stack.workdir / "nginx.pid").read_text()), signal.SIGHUP)
    marker = next((k for k in headers if k.lower() not in OWN_HEADERS | {"content-type"}), None)
    deadline = time.monotonic() + 10
    while marker and marker not in get(stack.nginx + path)[1]:
        if time.monotonic() > deadline:
            raise RuntimeError(f"nginx did not take the headers for {path} within 10 s")
        time.sleep(0.1)
