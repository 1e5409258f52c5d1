"""Settings for a real `db_worker` process in tests/ops/test_varnish.py: the test settings with
production's task backend, purging the Varnish the test started (its address in VARNISH_URL)."""

import os

from campaign.settings.test import *

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
WAGTAILFRONTENDCACHE = {
    "varnish": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["VARNISH_URL"],
    }
}
