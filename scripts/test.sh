#!/usr/bin/env bash
# Set up and run the whole test suite: lint, format, migrations check, then pytest.
# Uses SQLite unless DATABASE_URL points at PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
export DJANGO_SETTINGS_MODULE=campaign.settings.test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python manage.py makemigrations --check --dry-run
.venv/bin/python -m pytest "$@"
