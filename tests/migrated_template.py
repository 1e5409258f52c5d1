"""The migrated test database, built once for a set of migrations and cloned for every test worker.

Migrating an empty database applies 269 migrations (Wagtail's, its add-ons' and ours), and
Django renders the project's model state again for most of them: 27 s of one core on a quiet
machine, paid by every pytest-xdist worker on every run. What it makes depends only on the
migration files, Django's version and a few settings, so it is kept under a key made of them:

- PostgreSQL: as the database `test_migrated_<key>`, cloned with `CREATE DATABASE ... TEMPLATE`;
- SQLite: as a file in the user's cache directory, copied into the worker's in-memory database
  with SQLite's backup API.

What can go wrong, and what happens:
- No template for this key (new migrations, a new machine): the first worker builds it under a
  lock (a PostgreSQL advisory lock; a file lock for SQLite) while the others wait, then they all
  clone it. A build is made under a temporary name and renamed when complete, so a run killed
  mid-build leaves nothing that a later run would take for a template.
- Templates of other keys are dropped when a new one is built, so they do not pile up.
- Content types and permissions also come from code (models registered as snippets), not only
  from migrations: each worker re-sends `post_migrate` after cloning, which adds any missing.
"""

import fcntl
import hashlib
import os
import sqlite3
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import django
from django.conf import settings
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connections
from django.db.migrations.loader import MigrationLoader

TEMPLATE_PREFIX = "test_migrated_"
# pg_advisory_lock's key for "building or cloning the migrated template"; any fixed number.
ADVISORY_LOCK = 4_170_920


@dataclass
class TestDatabase:
    alias: str
    old_name: str


def migrations_key(vendor: str) -> str:
    """A hash of everything that shapes the migrated database."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for (app, name), migration in sorted(loader.disk_migrations.items()):
        digest.update(f"{app}.{name}\n".encode())
        digest.update(Path(sys.modules[type(migration).__module__].__file__).read_bytes())
    shape = (
        django.VERSION,
        vendor,
        settings.INSTALLED_APPS,
        settings.LANGUAGE_CODE,
        getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None),
    )
    digest.update(repr(shape).encode())
    return digest.hexdigest()[:16]


def setup_databases(verbosity: int = 0) -> list[TestDatabase]:
    """Give every database alias its test database, cloned from the migrated template."""
    created = []
    for alias in connections:
        connection = connections[alias]
        old_name = connection.settings_dict["NAME"]
        key = migrations_key(connection.vendor)
        if connection.vendor == "postgresql":
            _clone_postgres(connection, key, verbosity)
        elif connection.vendor == "sqlite":
            _clone_sqlite(connection, key, verbosity)
        else:
            connection.creation.create_test_db(verbosity, autoclobber=True, serialize=False)
        # Permissions of models registered in code, and anything else post_migrate adds.
        emit_post_migrate_signal(verbosity, False, alias)
        # What transactional tests with serialized_rollback restore (Django's test runner).
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        call_command("createcachetable", database=alias, verbosity=0)
        created.append(TestDatabase(alias, old_name))
    return created


def teardown_databases(created: list[TestDatabase], verbosity: int = 0) -> None:
    for database in created:
        connection = connections[database.alias]
        if connection.vendor == "postgresql":
            # A live server's thread may still hold a connection at the end of the session;
            # FORCE (PostgreSQL 13+) closes it rather than leave the database behind.
            test_name = connection.settings_dict["NAME"]
            connection.close()
            with connection.creation._nodb_cursor() as cursor:
                quoted = connection.ops.quote_name(test_name)
                cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
            _use_database(connection, database.old_name)
        else:
            connection.creation.destroy_test_db(database.old_name, verbosity, keepdb=False)


def _use_database(connection, name: str) -> None:
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def _clone_postgres(connection, key: str, verbosity: int) -> None:
    creation = connection.creation
    template = f"{TEMPLATE_PREFIX}{key}"
    test_name = creation._get_test_db_name()
    quote = connection.ops.quote_name
    with creation._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK])
        try:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if cursor.fetchone() is None:
                _build_postgres_template(connection, template, verbosity)
                _drop_other_templates(connection, cursor, template)
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
            cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK])
    _use_database(connection, test_name)


def _build_postgres_template(connection, template: str, verbosity: int) -> None:
    """Migrate a new database under a temporary name; rename it to the template when done."""
    settings_dict = connection.settings_dict
    old_name, old_test_name = settings_dict["NAME"], settings_dict["TEST"].get("NAME")
    partial = f"{template}_partial"
    settings_dict["TEST"]["NAME"] = partial
    try:
        creation = connection.creation
        creation.create_test_db(verbosity, autoclobber=True, serialize=False)
        connection.close()
        with creation._nodb_cursor() as cursor:
            quote = connection.ops.quote_name
            cursor.execute(f"ALTER DATABASE {quote(partial)} RENAME TO {quote(template)}")
    finally:
        settings_dict["TEST"]["NAME"] = old_test_name
        _use_database(connection, old_name)


def _drop_other_templates(connection, cursor, keep: str) -> None:
    cursor.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
        [f"{TEMPLATE_PREFIX}%", keep],
    )
    for (name,) in cursor.fetchall():
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    path = Path(base) / "enddemand-tests"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        path = Path(tempfile.gettempdir()) / "enddemand-tests"
        path.mkdir(exist_ok=True)
    return path


@contextmanager
def _file_lock(path: Path):
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _clone_sqlite(connection, key: str, verbosity: int) -> None:
    cache = cache_dir()
    template = cache / f"migrated-{key}.sqlite3"
    with _file_lock(cache / "lock"):
        if not template.exists():
            # Migrate the worker's own test database, then keep a copy of it.
            connection.creation.create_test_db(verbosity, autoclobber=True, serialize=False)
            partial = template.with_suffix(".partial")
            with sqlite3.connect(partial) as target:
                connection.connection.backup(target)
            target.close()
            os.replace(partial, template)
            for other in cache.glob("migrated-*.sqlite3"):
                if other != template:
                    other.unlink(missing_ok=True)
            return
    test_name = connection.creation._get_test_db_name()
    connection.creation._create_test_db(verbosity, autoclobber=True, keepdb=False)
    _use_database(connection, test_name)
    connection.ensure_connection()
    with sqlite3.connect(template) as source:
        source.backup(connection.connection)
    source.close()
