"""Run wrk (Debian's package) against a URL and read its numbers."""

import math
import re
import shutil
import subprocess
from dataclasses import asdict, dataclass

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class LoadResult:
    url: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    output: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * UNITS_MS[unit]


def parse(url: str, output: str) -> LoadResult:
    """Read wrk's --latency report."""
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return LoadResult(
        url=url,
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        # Without a single completed response wrk prints no distribution.
        p50_ms=_ms(percentiles["50"]) if "50" in percentiles else math.nan,
        p99_ms=_ms(percentiles["99"]) if "99" in percentiles else math.nan,
        requests=requests,
        errors=errors,
    )


def run_wrk(
    url: str,
    connections: int = 32,
    seconds: float = 8,
    threads: int = 2,
    headers: dict[str, str] | None = None,
) -> LoadResult:
    """Load `url` for `seconds` with `connections` open connections; bounded in time."""
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is missing: apt-get install wrk")
    header_args = [arg for k, v in (headers or {}).items() for arg in ("-H", f"{k}: {v}")]
    duration = f"{max(1, round(seconds))}s"
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--timeout", "10s"]
        + ["--latency", *header_args, url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout
    result = parse(url, output)
    result.output = output
    return result
