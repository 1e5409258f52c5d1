"""Start and stop the servers of the production stack for a benchmark run."""

import contextlib
import os
import random
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path


def wait_for_port(port: int, timeout: float = 30.0, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}; see its log")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f}s")


def free_port() -> int:
    """A free loopback port; within BENCH_PORTS (e.g. "21000-21999") when that is set."""
    low, _, high = os.environ.get("BENCH_PORTS", "0-0").partition("-")
    candidates = random.sample(range(int(low), int(high) + 1), k=int(high) - int(low) + 1)
    for port in candidates:
        with socket.socket() as sock, contextlib.suppress(OSError):
            sock.bind(("127.0.0.1", port))
            return sock.getsockname()[1]
    raise RuntimeError(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


@contextlib.contextmanager
def running(
    args: list[str],
    port: int,
    env: dict | None = None,
    log: Path | None = None,
    cwd: Path | None = None,
) -> Iterator[subprocess.Popen]:
    """Run a server process until the block ends; its output goes to `log`."""
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        args,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_port(port, 60.0, process)
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if log:
            out.close()
