"""Benchmark the production stack on loopback and print the numbers against the issue's targets.

    .venv/bin/python bench/run.py [--quick] [--only SECTION ...]

bench/README.md explains every number."""

import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.main import main

if __name__ == "__main__":
    # A plain `kill` then unwinds like Ctrl-C: every server the run started is stopped with it.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    sys.exit(main())
