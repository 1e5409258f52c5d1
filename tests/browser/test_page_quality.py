"""Page quality: Lighthouse (mobile), run headless on Debian's Chromium, scores the home page, a
goal page, a press release and a toolkit asset page at least 95 in performance, accessibility,
best practices and SEO."""

import json
import subprocess
from pathlib import Path
from urllib.request import urlopen

import pytest
from django.conf import settings

from tests.services import needs_node_tools

from .conftest import CHROMIUM, CHROMIUM_ARGS, artifacts_dir, needs_chromium, summary_lines

LIGHTHOUSE = Path(settings.BASE_DIR) / "node_modules" / ".bin" / "lighthouse"
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


def lighthouse(url: str, name: str, cpu_slowdown: float = MOBILE_CPU_SLOWDOWN) -> dict:
    """Run Lighthouse on one URL; keep its JSON and HTML reports; return the parsed JSON."""
    output = artifacts_dir() / f"lighthouse-{name}"
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
        "--only-categories=" + ",".join(CATEGORIES),
        "--output=json",
        "--output=html",
        f"--output-path={output}",
        f"--throttling.cpuSlowdownMultiplier={cpu_slowdown:.2f}",
        "--quiet",
    ]
    # Lighthouse now and then fails to record its trace on a busy machine (NO_NAVSTART); that
    # says nothing about the page, so such a run is tried once more.
    for _attempt in range(2):
        run = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if run.returncode == 0:
            return json.loads(output.with_suffix(".report.json").read_text())
    raise AssertionError(f"Lighthouse failed twice: {run.stderr[-2000:]}")


def calibrated_cpu_slowdown(report: dict) -> float:
    """The CPU slowdown that makes this machine, as loaded as Lighthouse found it, stand for the
    same phone as a quiet one does: Lighthouse's docs (docs/throttling.md) ask for the factor to
    be calibrated to the machine's benchmarkIndex. Never more than the preset's 4x."""
    index = report["environment"]["benchmarkIndex"]
    return max(1.0, MOBILE_CPU_SLOWDOWN * min(1.0, index / QUIET_BENCHMARK_INDEX))


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


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("home", "/"),
        ("goal", "/support-law-enforcement/"),
        ("release", "/newsroom/council-report-puts-buyers-at-the-centre/"),
        ("toolkit-asset", "/toolkit/no-buyers-no-trafficking/"),
    ],
)
def test_lighthouse_scores_at_least_95_in_every_category(site_url, name, path):
    """The page scores at least 95 in performance, accessibility, best practices and SEO."""
    # One view first: it makes the page's image renditions (the asset page's thumbnails take
    # seconds), which Wagtail then keeps for every later visitor; Lighthouse measures such a visit.
    urlopen(f"{site_url}{path}", timeout=60).close()
    report = lighthouse(f"{site_url}{path}", name)
    scores = category_scores(report)
    if scores["performance"] < 95:
        # Performance is timed, and the other test worker shares the two cores. As Lighthouse
        # CI does, judge it by the median of three runs; the two new runs slow the CPU down by
        # a factor calibrated to the load the first one met. On a quiet machine that is the
        # preset's 4x, so a page that got slower still fails. The other categories do not vary.
        slowdown = calibrated_cpu_slowdown(report)
        runs = [
            report,
            lighthouse(f"{site_url}{path}", name, slowdown),
            lighthouse(f"{site_url}{path}", name, slowdown),
        ]
        runs.sort(key=lambda run: run["categories"]["performance"]["score"])
        report = runs[1]
        scores = category_scores(report)
    summary_lines.append(f"Lighthouse {name} ({path}): {scores}")
    print(f"Lighthouse {name}: {scores}")
    benchmark = report["environment"]["benchmarkIndex"]
    slowdown = report["configSettings"]["throttling"]["cpuSlowdownMultiplier"]
    assert min(scores.values()) >= 95, (scores, shortfalls(report), benchmark, slowdown)
