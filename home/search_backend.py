"""Wagtail's database search backend with stemming per language on PostgreSQL: a page in a
Spanish locale is indexed, and must be searched, with the `spanish` text search configuration;
every other page and record with `english`. On other databases it is Wagtail's own backend
(SQLite's FTS5 does not stem; `home.search` widens the query to the site's words instead)."""

import copy
import functools
from collections import defaultdict

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

DEFAULT_CONFIG = "english"
# language code (without region) -> PostgreSQL text search configuration
CONFIGS = {"en": "english", "es": "spanish"}


def config_for(language_code: str | None) -> str:
    return CONFIGS.get((language_code or "").split("-")[0].lower(), DEFAULT_CONFIG)


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return _localised_postgres_backend()(params)
    return DatabaseSearchBackend(params)


@functools.cache
def _localised_postgres_backend():
    # Imported here: the PostgreSQL backend's module only loads on PostgreSQL.
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )
    from wagtail.models import Locale

    class LocalisedPostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index each language's objects with its own configuration."""
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            by_config = defaultdict(list)
            for obj in objs:
                language = languages.get(getattr(obj, "locale_id", None))
                by_config[config_for(language)].append(obj)
            for config, group in by_config.items():
                index = copy.copy(self)
                index.backend = self.backend.with_config(config)
                PostgresIndex.add_items(index, model, group)

    class LocalisedPostgresSearchBackend(PostgresSearchBackend):
        index_class = LocalisedPostgresIndex

        def __init__(self, params):
            super().__init__({"SEARCH_CONFIG": DEFAULT_CONFIG, **params})

        def with_config(self, config: str):
            """This backend, searching (or indexing) with another configuration."""
            backend = copy.copy(self)
            backend.config = config
            return backend

    return LocalisedPostgresSearchBackend
