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

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


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


def stat_group_and_ticks(stat: str) -> tuple[int, int]:
    """From a /proc/<pid>/stat line: the process group and the CPU time of all the process's
    threads (user + system), in clock ticks. The command name, in parentheses, may hold spaces
    and parentheses, so fields are counted from the last ")"."""
    fields = stat[stat.rindex(")") + 2 :].split()
    # fields[0] is field 3 of proc(5) (state): pgrp is field 5, utime 14, stime 15.
    return int(fields[2]), int(fields[11]) + int(fields[12])


def group_cpu_seconds(group: int, proc: Path = Path("/proc")) -> float:
    """CPU seconds used so far by the processes of one process group (a server started by
    `running`: varnishd's manager and cache worker, nginx's master and workers)."""
    ticks = 0
    for stat in proc.glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            pgrp, used = stat_group_and_ticks(stat.read_text())
            if pgrp == group:
                ticks += used
    return ticks / CLOCK_TICKS
