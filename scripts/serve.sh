#!/usr/bin/env bash
# Set up and run the site on SQLite with demo content at http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
# Exactly the locked versions, checked against their hashes (scripts/install.sh, with uv).
./scripts/install.sh requirements.lock
export DJANGO_SETTINGS_MODULE=campaign.settings.dev
.venv/bin/python manage.py compile_catalogues -v 0
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py seed_campaign
.venv/bin/python manage.py ensure_admin
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
