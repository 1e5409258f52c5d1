"""The import arrows of docs/architecture.md, checked with import-linter's contracts in
pyproject.toml."""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--config", ROOT / "pyproject.toml"],
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_apps_import_each_other_only_along_the_allowed_arrows():
    """Every import between the apps follows the design's arrows."""
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_sibling_import_outside_the_arrows_breaks_the_contract(tmp_path):
    """A newsroom module importing the toolkit is reported as a broken contract."""
    for package in ("campaign", "home"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("*.pyc"))
    planted = tmp_path / "campaign" / "newsroom" / "feeds.py"
    planted.write_text("import campaign.toolkit.models\n" + planted.read_text())
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "campaign.newsroom.feeds -> campaign.toolkit.models" in result.stdout
