"""The seed cache (tests/seed_cache.py) gives back what was saved, for the same start only."""

import datetime
from pathlib import Path

import pytest
from django.db import connection

from . import seed_cache
from .demo_seed import SNAPSHOTS, apply_snapshot
from .services import needs_postgres

BEFORE = {"core_fact": ("id", ["id", "text"], {1: (1, "Buyers fuel demand.")})}
AFTER = {
    "core_fact": ("id", ["id", "text"], {1: (1, "Buyers fuel demand."), 2: (2, "Hotline")}),
    "wagtailimages_image": ("id", ["id", "file"], {7: (7, "original_images/poster.png")}),
}


def _use_folders(tmp_path: Path, monkeypatch, settings) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    settings.MEDIA_ROOT = str(tmp_path / "media-1")
    (tmp_path / "media-1" / "original_images").mkdir(parents=True)
    (tmp_path / "media-1" / "original_images" / "poster.png").write_bytes(b"png")


def _entries(tmp_path: Path, pattern: str) -> list[Path]:
    return list((tmp_path / "cache" / "enddemand-tests").glob(pattern))


def test_a_saved_seed_comes_back_with_its_files(tmp_path, monkeypatch, settings):
    _use_folders(tmp_path, monkeypatch, settings)
    assert seed_cache.load(seed_cache.entry("sqlite", BEFORE), BEFORE) is None

    seed_cache.save(seed_cache.entry("sqlite", BEFORE), BEFORE, AFTER)
    settings.MEDIA_ROOT = str(tmp_path / "media-2")  # the next worker's MEDIA_ROOT

    assert seed_cache.load(seed_cache.entry("sqlite", BEFORE), BEFORE) == AFTER
    assert (tmp_path / "media-2" / "original_images" / "poster.png").read_bytes() == b"png"


def test_another_start_another_vendor_or_another_day_misses(tmp_path, monkeypatch, settings):
    _use_folders(tmp_path, monkeypatch, settings)
    seed_cache.save(seed_cache.entry("sqlite", BEFORE), BEFORE, AFTER)

    other_start = {"core_fact": ("id", ["id", "text"], {})}
    assert seed_cache.load(seed_cache.entry("sqlite", other_start), other_start) is None
    assert seed_cache.load(seed_cache.entry("postgresql", BEFORE), BEFORE) is None
    tomorrow = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=1)
    monkeypatch.setattr(seed_cache.timezone, "now", lambda: tomorrow)
    assert seed_cache.load(seed_cache.entry("sqlite", BEFORE), BEFORE) is None


def test_a_new_entry_replaces_the_old_one_of_its_vendor(tmp_path, monkeypatch, settings):
    _use_folders(tmp_path, monkeypatch, settings)
    seed_cache.save(seed_cache.entry("sqlite", BEFORE), BEFORE, AFTER)
    seed_cache.save(seed_cache.entry("postgresql", BEFORE), BEFORE, AFTER)
    empty = {"core_fact": ("id", ["id", "text"], {})}
    seed_cache.save(seed_cache.entry("sqlite", empty), empty, AFTER)

    entries = sorted(p.name.split("-")[1] for p in _entries(tmp_path, "seeded-*"))
    assert entries == ["postgresql", "sqlite"]
    assert seed_cache.load(seed_cache.entry("sqlite", BEFORE), BEFORE) is None


def test_an_unreadable_entry_is_a_miss(tmp_path, monkeypatch, settings):
    _use_folders(tmp_path, monkeypatch, settings)
    seed_cache.save(seed_cache.entry("sqlite", BEFORE), BEFORE, AFTER)
    (entry,) = _entries(tmp_path, "seeded-sqlite-*")
    (entry / "rows.pickle").write_bytes(b"half a pick")

    assert seed_cache.load(seed_cache.entry("sqlite", BEFORE), BEFORE) is None


@needs_postgres
@pytest.mark.django_db
def test_applying_the_seed_moves_every_sequence_past_its_rows():
    """On a cache hit nothing was seeded, so no sequence was moved by seeding: applying the
    snapshot must move each one, many-to-many tables' included, or new rows collide with seeded
    ones (PostgreSQL's ON CONFLICT DO NOTHING then drops a list's new members without a word)."""
    tables = [change.table for change in SNAPSHOTS["default"].changes]
    assert "alerts_presscontact_lists" in tables
    with connection.cursor() as cursor:
        serials = []
        for table in tables:
            key = connection.introspection.get_primary_key_column(cursor, table)
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, key])
            (sequence,) = cursor.fetchone()
            if sequence:
                cursor.execute("SELECT setval(%s, 1, false)", [sequence])  # as before seeding
                serials.append((table, key, sequence))

        apply_snapshot("default")

        behind = []
        for table, key, sequence in serials:
            cursor.execute(f'SELECT max("{key}") FROM "{table}"')  # noqa: S608 - introspected
            (largest,) = cursor.fetchone()
            cursor.execute("SELECT nextval(%s)", [sequence])
            if largest is not None and cursor.fetchone()[0] <= largest:
                behind.append(table)
    assert behind == []
