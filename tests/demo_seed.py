"""The demo seed as a snapshot of table rows, made once per test database and copied into each
test that requests the `seeded_site` fixture (tests/conftest.py).

`seed_campaign` takes seconds (posters drawn, pages published, renditions made); copying the rows
it leaves takes milliseconds. The snapshot is taken inside a transaction that is rolled back, so
tests that do not ask for the seed start from the migrated database only. Files it wrote (images,
renditions) stay in the test MEDIA_ROOT, where the copied rows find them. The seed's rows and files
are also kept between runs (tests/seed_cache.py), so most runs copy them instead of seeding.
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

from . import seed_cache

# Pages whose images are rendered once while seeding, so their renditions are in the snapshot.
PAGES_TO_RENDER = ["/", "/toolkit/", "/newsroom/"]


@dataclass
class TableChange:
    """A table the seed changed: all its rows before and after seeding, each kept in a table of
    its own in the test database (`before_copy`, `after_copy`). Applying replaces the whole
    table, not just the changed rows: a committing test's restored database (serialized
    rollback) gives many-to-many rows new ids, which the seed's new rows could collide with."""

    table: str
    columns: list[str]
    before_copy: str
    after_copy: str


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
        # bytes, not memoryview (PostgreSQL's bytea): rows are compared, hashed and pickled.
        rows = [
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
            for row in cursor.fetchall()
        ]
        return columns, {row[index]: row for row in rows}


def _read_all(connection) -> seed_cache.Rows:
    return {table: (key, *_rows(connection, table, key)) for table, key in _tables(connection)}


def _seed_and_render() -> None:
    # The tests' seeded site keeps Wagtail's default address, as their URLs expect.
    call_command("seed_campaign", site_url="http://localhost", stdout=io.StringIO())
    Site.clear_site_root_paths_cache()
    client = Client()
    for path in PAGES_TO_RENDER:
        client.get(path)


@dataclass
class Snapshot:
    changes: list[TableChange]
    # The SQL that applies the snapshot (or reverts it), made once: generating the sequence
    # resets for every model took longer than running them.
    apply_sql: list[str]
    revert_sql: list[str]


SNAPSHOTS: dict[str, Snapshot] = {}


def take_snapshot(alias: str = "default") -> list[TableChange]:
    """Seed the demo site (or take its rows and files from tests/seed_cache.py), note every row
    it added or changed, and roll it all back; keep the rows before and after seeding in copies
    of the changed tables, for `apply_snapshot`."""
    connection = connections[alias]
    with transaction.atomic(using=alias):
        before = _read_all(connection)
        kept = seed_cache.entry(connection.vendor, before)
        after = seed_cache.load(kept, before)
        if after is None:
            _seed_and_render()
            after = _read_all(connection)
            seed_cache.save(kept, before, after)
        transaction.set_rollback(True, using=alias)
    changes = []
    with transaction.atomic(using=alias):
        for number, (table, (_, columns, rows)) in enumerate(sorted(after.items())):
            old = before.get(table, (None, columns, {}))[2]
            if old != rows:
                change = TableChange(
                    table,
                    columns,
                    f"seed_snapshot_{number}_before",
                    f"seed_snapshot_{number}_after",
                )
                _copy_rows(connection, change, change.before_copy, list(old.values()))
                _copy_rows(connection, change, change.after_copy, list(rows.values()))
                changes.append(change)
    SNAPSHOTS[alias] = Snapshot(
        changes,
        apply_sql=_replace_sql(connection, changes, revert=False),
        revert_sql=_replace_sql(connection, changes, revert=True),
    )
    return changes


def _copy_rows(connection, change: TableChange, copy: str, rows: list[tuple]) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in change.columns)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {quote(copy)}")
        cursor.execute(
            f"CREATE TABLE {quote(copy)} AS SELECT {columns} FROM {quote(change.table)} WHERE 1 = 0"  # noqa: S608 - introspected names
        )
        if rows:
            marks = ", ".join(["%s"] * len(change.columns))
            cursor.executemany(
                f"INSERT INTO {quote(copy)} ({columns}) VALUES ({marks})",  # noqa: S608
                rows,
            )


def _replace_sql(connection, changes: list[TableChange], revert: bool) -> list[str]:
    """Statements that empty each changed table and fill it from its copy, then move the
    sequences past the copied keys, so rows a test adds do not collide with them."""
    quote = connection.ops.quote_name
    statements = []
    for change in changes:
        columns = ", ".join(quote(column) for column in change.columns)
        copy = change.before_copy if revert else change.after_copy
        table = quote(change.table)
        statements.append(f"DELETE FROM {table}")  # noqa: S608 - introspected names
        statements.append(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {quote(copy)}")  # noqa: S608
    tables = {quote(change.table) for change in changes}
    # With the through tables of many-to-many fields: their keys come from sequences too.
    models = apps.get_models(include_auto_created=True)
    resets = connection.ops.sequence_reset_sql(no_style(), models)
    statements.extend(sql.rstrip(";") for sql in resets if any(table in sql for table in tables))
    return statements


def apply_snapshot(alias: str = "default", revert: bool = False) -> None:
    """Make the database look as it did right after seeding (or, with `revert`, before)."""
    connection = connections[alias]
    snapshot = SNAPSHOTS[alias]
    statements = snapshot.revert_sql if revert else snapshot.apply_sql
    # One transaction: foreign keys are checked once all rows are in (they are deferred).
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One round trip: PostgreSQL runs statements joined by semicolons when no
            # parameters are passed.
            cursor.execute(";\n".join(statements))
        else:
            for sql in statements:
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
