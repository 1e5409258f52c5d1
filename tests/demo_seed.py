"""The demo seed as a snapshot of table rows, made once per test database and copied into each
test that requests the `seeded_site` fixture (tests/conftest.py).

`seed_campaign` takes seconds (posters drawn, pages published, renditions made); copying the rows
it leaves takes milliseconds. The snapshot is taken inside a transaction that is rolled back, so
tests that do not ask for the seed start from the migrated database only. Files it wrote (images,
renditions) stay in the test MEDIA_ROOT, where the copied rows find them.
"""

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, transaction
from django.test import Client
from wagtail.models import Site

# Pages whose images are rendered once while seeding, so their renditions are in the snapshot.
PAGES_TO_RENDER = ["/", "/toolkit/", "/newsroom/"]


@dataclass
class TableChange:
    """A table the seed changed: all its rows before and after seeding. Applying replaces the
    whole table, not just the changed rows: a committing test's restored database (serialized
    rollback) gives many-to-many rows new ids, which the seed's new rows could collide with."""

    table: str
    columns: list[str]
    before: list[tuple]
    after: list[tuple]


def _tables(connection) -> list[tuple[str, str]]:
    """(table, key column) for every table the snapshot copies."""
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        if connection.vendor == "sqlite":
            # Wagtail's FTS5 search table (and its shadow tables) is filled by triggers on
            # wagtailsearch_indexentry, so copying that table fills it too.
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = {row[0] for row in cursor.fetchall()}
            names = [n for n in names if not any(n.startswith(v) for v in virtual)]
        tables = []
        for name in names:
            key = connection.introspection.get_primary_key_column(cursor, name)
            if key:
                tables.append((name, key))
        return tables


def _rows(connection, table: str, key: str) -> tuple[list[str], dict]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - introspected names
        columns = [column[0] for column in cursor.description]
        index = columns.index(key)
        return columns, {row[index]: row for row in cursor.fetchall()}


def _read_all(connection) -> dict[str, tuple[str, list[str], dict]]:
    return {table: (key, *_rows(connection, table, key)) for table, key in _tables(connection)}


def _seed_and_render() -> None:
    # The tests' seeded site keeps Wagtail's default address, as their URLs expect.
    call_command("seed_campaign", site_url="http://localhost", stdout=io.StringIO())
    Site.clear_site_root_paths_cache()
    client = Client()
    for path in PAGES_TO_RENDER:
        client.get(path)


SNAPSHOTS: dict[str, list[TableChange]] = {}


def take_snapshot(alias: str = "default") -> list[TableChange]:
    """Seed the demo site, note every row it added or changed, and roll it all back."""
    connection = connections[alias]
    with transaction.atomic(using=alias):
        before = _read_all(connection)
        _seed_and_render()
        after = _read_all(connection)
        transaction.set_rollback(True, using=alias)
    changes = []
    for table, (_, columns, rows) in after.items():
        old = before.get(table, (None, columns, {}))[2]
        if old != rows:
            changes.append(TableChange(table, columns, list(old.values()), list(rows.values())))
    SNAPSHOTS[alias] = changes
    return changes


def apply_snapshot(alias: str = "default", revert: bool = False) -> None:
    """Make the database look as it did right after seeding (or, with `revert`, before)."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    # One transaction: foreign keys are checked once all rows are in (they are deferred).
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        for change in SNAPSHOTS[alias]:
            new = change.before if revert else change.after
            table = quote(change.table)
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - introspected names
            if new:
                columns = ", ".join(quote(column) for column in change.columns)
                marks = ", ".join(["%s"] * len(change.columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                    new,
                )
        # New rows made by the test must not collide with the copied keys (PostgreSQL sequences).
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)
    Site.clear_site_root_paths_cache()


def committed(write: Callable[[], None]) -> None:
    """Run a database write in its own thread and connection, so it commits at once and a server
    in another thread or process sees it, whatever transaction the test itself is in."""
    errors = []

    def run() -> None:
        try:
            write()
        except Exception as exc:  # noqa: BLE001 - re-raised in the test's thread below
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
