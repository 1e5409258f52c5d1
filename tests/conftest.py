"""Test set-up: every test database is seeded once with the demo site, as a visitor would see it.
Each test runs in a transaction that is rolled back, so the seeded site stays as it was."""

import io

import pytest
from django.core.management import call_command

from home.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_campaign", stdout=io.StringIO())


@pytest.fixture
def home_page(db) -> HomePage:
    return HomePage.objects.get()
