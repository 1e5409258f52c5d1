"""Test set-up: every test database is seeded once with the demo site, as a visitor would see it.

Ordinary tests run in a transaction that is rolled back, so the seeded site stays as it was.
Tests that need real commits (live servers, worker processes, concurrency) use
`@pytest.mark.django_db(transaction=True, serialized_rollback=True)`: the database is emptied after
each such test, and `serialized_rollback` restores the seeded site before the next one.
"""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from home.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_campaign", stdout=io.StringIO())
        for connection in connections.all():
            # What serialized_rollback restores: the seeded site, not the empty migrated one.
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def home_page(db) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate-limit counts never leak between tests."""
    cache.clear()


@pytest.fixture
def seeded_site(db):
    return HomePage.objects.get()
