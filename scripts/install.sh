#!/usr/bin/env bash
# Install exactly the locked versions of LOCKFILE (hashes checked) into .venv:
#   scripts/install.sh requirements.lock       (the site)
#   scripts/install.sh requirements-dev.lock   (the site, the tests and the tools)
# uv (itself locked in requirements-uv.lock, installed by pip) does it in seconds where pip
# takes over a minute. `make lock` regenerates the locks.
set -euo pipefail
cd "$(dirname "$0")/.."
lockfile="$1"
[ -x .venv/bin/python ] || python3 -m venv .venv
if [ ! -x .venv/bin/uv ] || [ requirements-uv.lock -nt .venv/bin/uv ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-uv.lock
fi
.venv/bin/uv pip install --quiet --python .venv/bin/python --require-hashes -r "$lockfile"
