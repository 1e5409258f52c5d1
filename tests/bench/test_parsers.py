"""The benchmark harness reads wrk's and ab's reports correctly (no load is generated here)."""

import math
import subprocess
import sys

from bench import ab, pages, procs, stack, wrk

WRK_OUTPUT = """\
Running 2s test @ http://127.0.0.1:37951/newsroom/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   790.21ms  253.37ms   1.20s    78.12%
    Req/Sec    10.17      5.14    20.00     60.87%
  Latency Distribution
     50%  877.93ms
     75%  990.25ms
     90%    1.03s{space}
     99%    1.20s{space}
  32 requests in 2.05s, 460.36KB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:     15.59
Transfer/sec:    224.27KB
""".format(space=" ")  # wrk pads values in seconds with a trailing space

AB_OUTPUT = """\
Complete requests:      2000
Failed requests:        3
Non-2xx responses:      2000
Requests per second:    231.47 [#/sec] (mean)
Percentage of the requests served within a certain time (ms)
  50%    412
  66%    430
  99%   1311
 100%   1990 (longest request)
"""


def test_wrk_percentiles_with_trailing_spaces_and_seconds():
    """wrk pads second-valued percentiles with a space; they are still read, in milliseconds."""
    result = wrk.parse("u", WRK_OUTPUT)
    assert (result.p50_ms, result.p99_ms) == (877.93, 1200.0)
    assert result.requests_per_second == 15.59 and result.requests == 32


def test_wrk_errors_add_socket_errors_and_bad_statuses():
    """Socket errors and non-2xx/3xx answers both count as errors."""
    assert wrk.parse("u", WRK_OUTPUT).errors == 7


def test_wrk_without_a_distribution_reports_nan():
    """A run that completed nothing has no percentiles: NaN, not a crash."""
    output = "  0 requests in 2.00s, 0B read\nRequests/sec:      0.00\n"
    result = wrk.parse("u", output)
    assert result.requests == 0 and math.isnan(result.p99_ms)


def test_ab_summary():
    """ab's completed and failed counts, throughput and percentiles are read."""
    run = ab.parse("u", AB_OUTPUT)
    assert (run.complete, run.failed, run.requests_per_second) == (2000, 3, 231.47)
    assert (run.p50_ms, run.p99_ms) == (412.0, 1311.0)


def test_varnish_copy_changes_only_the_backends_ports():
    """The temporary VCL differs from deploy/varnish/default.vcl only in the site's and the
    beacon's backend ports; without a beacon port given, the beacon's backend is down."""
    original = stack.VCL.read_text()
    rewritten = stack.varnish_vcl(54321, 54322)
    assert '.port = "54321";' in rewritten and '.port = "54322";' in rewritten
    assert rewritten.replace('"54321"', '"8000"').replace('"54322"', '"8001"') == original
    assert '.port = "1";' in stack.varnish_vcl(54321)


def test_alternating_rounds_report_the_median_round():
    """Of three rounds the middle one is reported, with every round's figure kept beside it."""
    runs = [{"requests_per_second": rps, "p99_ms": rps / 1000} for rps in (30_000, 21_000, 26_000)]
    median = pages.median_run(runs)
    assert (median["requests_per_second"], median["p99_ms"]) == (26_000, 26.0)
    assert median["rounds"] == [30_000, 21_000, 26_000]


def test_varnish_ratio_is_the_median_of_each_rounds_own_ratio():
    """Rounds are compared with their neighbour: a busy moment that slows both sides of one round
    does not pair a quiet Varnish round with a busy nginx one."""
    varnish = [{"requests_per_second": rps} for rps in (40_000, 20_000, 36_000)]
    nginx = [{"requests_per_second": rps} for rps in (50_000, 25_000, 36_000)]
    # Medians of the columns would give 36,000 / 36,000 = 1.0; the rounds give 0.8, 0.8, 1.0.
    assert pages.paired_ratio(varnish, nginx) == 0.8
    assert pages.paired_ratio(varnish[:2], nginx[:2]) == 0.8


def test_cpu_time_is_read_past_a_command_name_with_spaces_and_parentheses():
    """/proc/<pid>/stat puts the command in parentheses; fields count from the last one."""
    stat = "4242 (cache (worker) x) S 1 4200 4200 0 -1 4194624 10 0 0 0 150 75 0 0 20 0 3 0\n"
    assert procs.stat_group_and_ticks(stat) == (4200, 225)


def test_cpu_time_of_a_group_adds_its_processes_only(tmp_path):
    """A server's CPU is the sum over its process group; other groups and a process that
    vanished or left a garbled line are left out."""
    lines = {
        "10": "10 (varnishd) S 1 10 10 0 -1 0 0 0 0 0 100 50 0 0 20 0 1 0\n",
        "11": "11 (cache-main) S 10 10 10 0 -1 0 0 0 0 0 300 200 0 0 20 0 90 0\n",
        "20": "20 (nginx) S 1 20 20 0 -1 0 0 0 0 0 999 999 0 0 20 0 1 0\n",
        "12": "12 (trunc",
    }
    for pid, line in lines.items():
        (tmp_path / pid).mkdir()
        (tmp_path / pid / "stat").write_text(line)
    assert procs.group_cpu_seconds(10, tmp_path) == 650 / procs.CLOCK_TICKS


SPINNER = """
import sys, time
print("ready", flush=True)
sys.stdin.readline()
start = time.process_time()
while time.process_time() - start < 0.3:
    pass
print("spun", flush=True)
sys.stdin.readline()
"""


def test_cpu_time_of_a_group_grows_while_it_works():
    """Read from the real /proc: a process in a session of its own (as `running` starts the
    servers) spends 0.3 s of CPU, and its group's CPU time grows by as much."""
    spinner = subprocess.Popen(
        [sys.executable, "-c", SPINNER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert spinner.stdout.readline() == "ready\n"
        before = procs.group_cpu_seconds(spinner.pid)
        spinner.stdin.write("go\n")
        spinner.stdin.flush()
        assert spinner.stdout.readline() == "spun\n"
        assert procs.group_cpu_seconds(spinner.pid) - before >= 0.28
    finally:
        spinner.kill()
        spinner.wait()
