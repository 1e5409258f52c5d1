#!/usr/bin/env bash
# Set up and run the whole test suite: lint, format, migrations check, then pytest.
# Uses SQLite unless DATABASE_URL points at PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
# Exactly the locked versions, checked against their hashes (scripts/install.sh, with uv).
./scripts/install.sh requirements-dev.lock
# tests/ops/test_varnish.py runs the production VCL in a real varnishd (Debian's package).
if ! command -v varnishd >/dev/null && [ ! -x /usr/sbin/varnishd ]; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null
    else
        echo "varnishd is missing: install Debian's varnish package (sudo apt-get install varnish)." >&2
        exit 1
    fi
fi
# tests/browser drive Debian's Chromium and run axe-core and Lighthouse from npm (package-lock.json).
# Only what is missing is installed: a machine may have Node.js and npm from elsewhere.
missing=""
command -v chromium >/dev/null || missing="$missing chromium"
command -v npm >/dev/null || missing="$missing nodejs npm"
# tests/home/test_valid_html.py runs the Nu HTML checker (vnu-jar from npm), a Java program.
command -v java >/dev/null || missing="$missing default-jre-headless"
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        # shellcheck disable=SC2086  # one package name per word
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "Missing:$missing. Install with: sudo apt-get install$missing" >&2
        exit 1
    fi
fi
# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
export DJANGO_SETTINGS_MODULE=campaign.settings.test
# The Spanish catalogue (campaign/locale) is compiled here, with polib: no gettext tools needed;
# only when a .po file is newer than its .mo (Django takes seconds to start).
for po in $(find campaign home -name '*.po'); do
    if [ ! "${po%.po}.mo" -nt "$po" ]; then
        .venv/bin/python manage.py compile_catalogues -v 0
        break
    fi
done
# Lint, format and the migrations check do not depend on the database: .ci/run does them in its
# first pass only (STATIC_CHECKS_DONE=1 in the second).
if [ -z "${STATIC_CHECKS_DONE:-}" ]; then
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/djlint --lint campaign home
    .venv/bin/python manage.py makemigrations --check --dry-run
fi
# Two processes (pytest-xdist), one per core; `-n 0` after the command runs in one. The default
# distribution keeps pytest-django's order (committing tests after the others), which a
# distribution by file would break.
.venv/bin/python -m pytest -n 2 "$@"
