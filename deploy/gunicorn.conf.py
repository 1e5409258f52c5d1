"""gunicorn settings for the web process: `gunicorn -c deploy/gunicorn.conf.py campaign.wsgi`.

Every value can be changed through the environment (README "Operations" explains the sizing).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: page views are short and Varnish absorbs the anonymous traffic, so a few
# processes per core serve the rest. Threads let one worker overlap database and Redis waits.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Restart workers now and then so a slow leak can never take the site down during a launch.
max_requests = 2000
max_requests_jitter = 200
# Load the app once in the master so workers share memory and a broken deploy fails at start.
preload_app = True
# Trust X-Forwarded-* only from the proxies on this machine (nginx and Varnish).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# The request line may carry a query string; never log request headers (cookies, tokens).
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(L)ss'
