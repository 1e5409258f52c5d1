"""Page quality: Lighthouse (mobile), run headless on Debian's Chromium, scores the home page, a
goal page, a press release and a toolkit asset page at least 95 in performance, accessibility,
best practices and SEO."""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.request import urlopen

import pytest
from django.conf import settings

from tests.services import needs_node_tools

from .conftest import CHROMIUM, CHROMIUM_ARGS, artifacts_dir, needs_chromium, summary_lines

LIGHTHOUSE_PAGES = Path(__file__).with_name("lighthouse_pages.mjs")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Lighthouse's mobile preset slows the CPU down 4x, a factor meant for a fast desktop machine.
# Lighthouse rates the machine at the start of each run (its benchmarkIndex): about 2,500 on
# this kind of machine when it is quiet, half that while the other test worker is busy.
QUIET_BENCHMARK_INDEX = 2500
MOBILE_CPU_SLOWDOWN = 4.0

pytestmark = [
    needs_chromium,
    needs_node_tools,
    pytest.mark.usefixtures("seeded_site"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def lighthouse(pages: dict[str, str], cpu_slowdown: float = MOBILE_CPU_SLOWDOWN) -> dict:
    """Run Lighthouse on each page ({name: url}) with one Chromium (lighthouse_pages.mjs); keep
    each page's JSON and HTML reports; return {name: parsed JSON report}."""
    outputs = {name: artifacts_dir() / f"lighthouse-{name}" for name in pages}
    job = {
        "chromePath": CHROMIUM,
        "chromeFlags": ["--headless=new", *CHROMIUM_ARGS],
        "categories": CATEGORIES,
        "cpuSlowdown": cpu_slowdown,
        "pages": [{"url": url, "output": str(outputs[name])} for name, url in pages.items()],
    }
    run = subprocess.run(
        [shutil.which("node"), str(LIGHTHOUSE_PAGES)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        timeout=60 + 60 * len(pages),
        cwd=settings.BASE_DIR,
    )
    assert run.returncode == 0, f"Lighthouse failed: {run.stderr[-2000:]}"
    reports = {}
    for name, output in outputs.items():
        report = json.loads(output.with_suffix(".report.json").read_text())
        assert not report.get("runtimeError"), (name, report["runtimeError"])
        reports[name] = report
    return reports


def calibrated_cpu_slowdown(report: dict) -> float:
    """The CPU slowdown that makes this machine, as loaded as Lighthouse found it, stand for the
    same phone as a quiet one does: Lighthouse's docs (docs/throttling.md) ask for the factor to
    be calibrated to the machine's benchmarkIndex. Never more than the preset's 4x."""
    index = report["environment"]["benchmarkIndex"]
    return max(1.0, MOBILE_CPU_SLOWDOWN * min(1.0, index / QUIET_BENCHMARK_INDEX))


def performance(report: dict) -> float:
    return report["categories"]["performance"]["score"] * 100


def category_scores(report: dict) -> dict[str, int]:
    return {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}


def shortfalls(report: dict) -> list[str]:
    """The audits that cost points, to say why a category fell short."""
    lost = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                lost.append(f"{category['id']}: {ref['id']} {audit.get('displayValue', '')}")
    return lost


PAGES = {
    "home": "/",
    "goal": "/support-law-enforcement/",
    "release": "/newsroom/council-report-puts-buyers-at-the-centre/",
    "toolkit-asset": "/toolkit/no-buyers-no-trafficking/",
}


def test_lighthouse_scores_at_least_95_in_every_category(site_url):
    """The home page, a goal page, a press release and a toolkit asset page score at least 95 in
    performance, accessibility, best practices and SEO."""
    urls = {name: f"{site_url}{path}" for name, path in PAGES.items()}
    # One view first: it makes the page's image renditions (the asset page's thumbnails take
    # seconds), which Wagtail then keeps for every later visitor; Lighthouse measures such a visit.
    for url in urls.values():
        urlopen(url, timeout=60).close()
    reports = lighthouse(urls)
    slow = {name: report for name, report in reports.items() if performance(report) < 95}
    if slow:
        # Performance is timed, and the other test worker shares the two cores. As Lighthouse
        # CI does, judge it by the median of three runs; the two new runs slow the CPU down by
        # a factor calibrated to the load the first one met. On a quiet machine that is the
        # preset's 4x, so a page that got slower still fails. The other categories do not vary.
        slowdown = min(calibrated_cpu_slowdown(report) for report in slow.values())
        again = [lighthouse({name: urls[name] for name in slow}, slowdown) for _ in range(2)]
        for name, first in slow.items():
            runs = sorted([first, again[0][name], again[1][name]], key=performance)
            reports[name] = runs[1]
    below = {}
    for name, report in reports.items():
        scores = category_scores(report)
        summary_lines.append(f"Lighthouse {name} ({PAGES[name]}): {scores}")
        print(f"Lighthouse {name}: {scores}")
        if min(scores.values()) < 95:
            below[name] = {
                "scores": scores,
                "lost": shortfalls(report),
                "benchmarkIndex": report["environment"]["benchmarkIndex"],
                "cpuSlowdown": report["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
            }
    assert below == {}
