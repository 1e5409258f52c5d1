"""Settings for bench/contacts_import.py: the test settings with production's task backend."""

from campaign.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DEBUG = False
