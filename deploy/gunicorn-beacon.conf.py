"""gunicorn settings for the toolkit's impression beacon, a process of its own:
`gunicorn -c deploy/gunicorn-beacon.conf.py campaign.beacon_asgi:application`.

Varnish sends /count/impression/ here (backend `beacon` in deploy/varnish/default.vcl) and, when
this process is down, to the site's gunicorn, which answers the beacon the same way.
"""

import multiprocessing
import os

from uvicorn_worker import UvicornWorker


class BeaconWorker(UvicornWorker):
    """uvicorn's worker, doing nothing per request that the beacon does not need: the address
    is read from X-Forwarded-For by the rate limiter itself (campaign.core.ratelimit), no access
    log (below), no Server header."""

    CONFIG_KWARGS = {
        **UvicornWorker.CONFIG_KWARGS,
        "proxy_headers": False,
        "access_log": False,
        "server_header": False,
    }


bind = os.environ.get("GUNICORN_BEACON_BIND", "127.0.0.1:8001")
# One event loop per core: each worker keeps every partner page's connection open and answers
# a beacon in well under a millisecond, so more processes than cores only add switching.
workers = int(os.environ.get("GUNICORN_BEACON_WORKERS", multiprocessing.cpu_count()))
worker_class = BeaconWorker
timeout = 30
graceful_timeout = 10
keepalive = 5
# Never restarted for a leak: there is no per-request state to leak, and a restart drops
# connections that partner pages hold open.
max_requests = 0
preload_app = True
# The site's gunicorn may run beside this one; neither needs gunicorn's control socket.
control_socket_disable = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No access log: a line per impression would cost more than the count, and the counts are the
# record. Errors (Redis unreachable) still go to the error log.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
