"""Run ApacheBench (Debian's apache2-utils) for an exact number of requests and read its report.
wrk stops on a clock and may leave requests in flight, so exact-count checks use ab instead."""

import re
import subprocess
from dataclasses import asdict, dataclass

from .env import tool_path


@dataclass
class CountedRun:
    url: str
    complete: int
    failed: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float

    def as_dict(self) -> dict:
        return asdict(self)


def parse(url: str, output: str) -> CountedRun:
    """Read ab's summary; "Failed requests" are connection, read and exception failures
    (run with -l, so differing body lengths are not counted as failures)."""
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\d+)", output, re.MULTILINE))
    return CountedRun(
        url=url,
        complete=int(re.search(r"Complete requests:\s+(\d+)", output).group(1)),
        failed=int(re.search(r"Failed requests:\s+(\d+)", output).group(1)),
        requests_per_second=float(re.search(r"Requests per second:\s+([\d.]+)", output).group(1)),
        p50_ms=float(percentiles["50"]),
        p99_ms=float(percentiles["99"]),
    )


def run_ab(url: str, requests: int, concurrency: int, headers: dict[str, str]) -> CountedRun:
    """Exactly `requests` requests, `concurrency` at a time; bounded by ab's own time limit."""
    header_args = [arg for k, v in headers.items() for arg in ("-H", f"{k}: {v}")]
    output = subprocess.run(
        [tool_path("ab"), "-q", "-l", "-s", "30", "-n", str(requests), "-c", str(concurrency)]
        + [*header_args, url],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    return parse(url, output)
