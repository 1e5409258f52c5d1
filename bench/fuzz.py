"""The long fuzz run: tests/ops/test_fuzz.py (in-process) and tests/ops/test_fuzz_production.py
(gunicorn on production settings) with random (not fixed) examples, many times more of them than
CI's run, on PostgreSQL and Redis as in production.

    .venv/bin/python bench/fuzz.py [--scale 20] [--database-url postgres://...] [--redis-url ...]

It prints pytest's summary and exits with its code: 0 means no generated request got a 5xx.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=20, help="examples × CI's run (default 20)")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help="emptied first")
    args = parser.parse_args(argv)
    env = {
        **os.environ,
        "FUZZ_SCALE": str(max(args.scale, 2)),
        "DATABASE_URL": args.database_url,
        "FUZZ_REDIS_URL": args.redis_url,
        "DJANGO_SETTINGS_MODULE": "campaign.settings.test",
    }
    files = ["tests/ops/test_fuzz.py", "tests/ops/test_fuzz_production.py"]
    command = [sys.executable, "-m", "pytest", "-q", *files]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
