"""Settings for `manage.py db_worker` subprocesses started by the worker tests: the test
settings, the database task backend, and Anymail pointed at the test's stand-in server (all
given through the environment, as in production)."""

import os

from campaign.settings.test import *

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
ALERTS_ESP = os.environ["ANYMAIL_ESP"]
ALERTS_BATCH_SIZE = int(os.environ["ALERTS_BATCH_SIZE"])
ALERTS_LEASE_SECONDS = int(os.environ["ALERTS_LEASE_SECONDS"])
ANYMAIL = {
    **ANYMAIL,
    "MAILGUN_API_URL": os.environ["MAILGUN_API_URL"],
    "POSTMARK_API_URL": os.environ["POSTMARK_API_URL"],
}
