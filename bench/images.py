"""Every size and format of one campaign image: Wagtail renditions against Pillow directly,
each side in its own fresh process (bench/imagework.py), best of `rounds`."""

import json
import os
import subprocess
from pathlib import Path

from .env import ENV, PYTHON, ROOT

RATIO_TARGET = 1.3


def run_side(side: str, image_id: int, outdir: Path) -> dict:
    output = subprocess.run(
        [PYTHON, "-m", "bench.imagework", side, str(image_id), str(outdir)],
        cwd=ROOT,
        env={**os.environ, **ENV},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure_images(image_id: int, workdir: Path, rounds: int) -> dict:
    runs = {"wagtail": [], "pillow": []}
    for n in range(rounds):
        for side in ("pillow", "wagtail"):
            runs[side].append(run_side(side, image_id, workdir / f"pillow-{n}"))
    best = {side: min(results, key=lambda r: r["seconds"]) for side, results in runs.items()}
    time_ratio = best["wagtail"]["seconds"] / best["pillow"]["seconds"]
    memory_ratio = best["wagtail"]["peak_above_start_mb"] / max(
        best["pillow"]["peak_above_start_mb"], 0.1
    )
    return {
        "runs": runs,
        "best": best,
        "time_ratio": time_ratio,
        "memory_ratio": memory_ratio,
        "time_pass": time_ratio <= RATIO_TARGET,
        "memory_pass": memory_ratio <= RATIO_TARGET,
    }
