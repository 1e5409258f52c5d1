"""The demo seed's rows and files, kept between runs: a test worker copies them, not seeding.

Seeding draws posters, publishes pages and makes renditions: 13 s of one core on a quiet machine,
paid by every pytest-xdist worker on every run. What it makes depends only on the database it
starts from, the project's code and today's date (the embargoed release's date comes from it), so
it is kept under a key made of them, in the cache directory of tests/migrated_template.py:

    seeded-<vendor>-<key>/rows.pickle   the tables the seed changed, every row after seeding
    seeded-<vendor>-<key>/media/        the files it wrote under MEDIA_ROOT (images, renditions)

What can go wrong, and what happens:
- No entry for this key (new code, a new day, a new template): the worker seeds as before and
  saves an entry. Two workers that miss together both seed; each builds its entry under a
  temporary name and renames it, so the first complete one stays and the other is dropped.
- An entry that cannot be read (a killed run cannot leave one, but a disk can fail): it is
  ignored and the worker seeds.
- Entries of other keys of the same vendor are removed when a new one is saved.
"""

import hashlib
import os
import pickle
import shutil
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .migrated_template import cache_dir

ROOT = Path(__file__).resolve().parent.parent
# What shapes the seed besides the database it starts from: our code (seed data, drawings,
# templates), the way the tests seed, and the locked library versions.
CODE = [ROOT / "campaign", ROOT / "home", Path(__file__), ROOT / "tests" / "demo_seed.py"]
LOCK = ROOT / "requirements-dev.lock"

Rows = dict[str, tuple[str, list[str], dict]]


def _key(before: Rows) -> str:
    digest = hashlib.sha256()
    digest.update(repr(sorted(before.items())).encode())
    for top in CODE:
        files = [top] if top.is_file() else sorted(top.rglob("*"))
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    digest.update(LOCK.read_bytes())
    today = timezone.now()
    digest.update(f"{today:%Y-%m-%d} {timezone.localtime(today):%Y-%m-%d}".encode())
    return digest.hexdigest()[:16]


def entry(vendor: str, before: Rows) -> Path:
    """Where the seed that starts from `before` is kept (whether or not it is there yet)."""
    return cache_dir() / f"seeded-{vendor}-{_key(before)}"


def load(entry: Path, before: Rows) -> Rows | None:
    """The rows after seeding, with the seed's files copied into MEDIA_ROOT; None on a miss."""
    try:
        changed = pickle.loads((entry / "rows.pickle").read_bytes())  # noqa: S301 - our own file
    except (OSError, pickle.UnpicklingError, EOFError):
        return None
    shutil.copytree(entry / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    return {**before, **changed}


def save(entry: Path, before: Rows, after: Rows) -> None:
    """Keep the tables the seed changed and the files it wrote."""
    if entry.exists():
        return
    changed = {table: rows for table, rows in after.items() if before.get(table) != rows}
    partial = Path(tempfile.mkdtemp(prefix=f"{entry.name}.partial-", dir=entry.parent))
    try:
        (partial / "rows.pickle").write_bytes(pickle.dumps(changed))
        shutil.copytree(settings.MEDIA_ROOT, partial / "media")
        os.rename(partial, entry)
    except OSError:
        # Another worker's entry got there first (or the disk is full): seeding still worked.
        shutil.rmtree(partial, ignore_errors=True)
        return
    same_vendor = entry.name.rsplit("-", 1)[0]  # "seeded-<vendor>", whatever the vendor's name
    for other in entry.parent.glob(f"{same_vendor}-*"):
        # A partial entry is another worker's, unless a killed run left it a while ago.
        stale = time.time() - other.stat().st_mtime > 3600
        if other != entry and (".partial-" not in other.name or stale):
            shutil.rmtree(other, ignore_errors=True)
