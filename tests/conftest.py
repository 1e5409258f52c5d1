"""Test set-up and the conventions every test follows.

- A test starts from the migrated database only (Wagtail's root page, its placeholder home page and
  default site, the Editors and Moderators groups) and builds what it needs with the factories
  (wagtail-factories / factory_boy), one per model: `tests/factories.py` has the core records
  (goals, facts, policy, images) and the home app's pages, tests/<app>/factories.py the app's own.
- A test about the demo content requests the `seeded_site` fixture: the database is then as
  `seed_campaign` leaves it (copied from a snapshot taken once per test database, see
  tests/demo_seed.py), and the fixture's value is the seeded HomePage. It works in transactional
  tests too (`@pytest.mark.django_db(transaction=True, serialized_rollback=True)`): the rows are
  committed and emptied after the test like any other.
- Tests that need a service are marked (`needs_varnish`, `needs_chromium`, `needs_postgres`,
  `needs_redis`; see tests/services.py) and skip with the reason when it is missing, except
  under CI=true, where a missing service fails the test.
- The cache is emptied before each test.
"""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from wagtail.models import Site

from campaign.newsroom.models import NewsroomPage
from home.models import HomePage

from . import migrated_template
from .demo_seed import apply_snapshot, take_snapshot
from .services import SERVICE_MARKERS, check_service
from .shared_connection_server import install as install_live_server

install_live_server()


def delete_instead_of_truncate(connection) -> None:
    """Empty tables with DELETE after each committing test on PostgreSQL: TRUNCATE of a hundred
    tables took 1.5 s there, DELETE of their few rows 0.1 s. Foreign keys are deferred, so the
    order of the tables does not matter."""
    ops = connection.ops
    truncate = ops.sql_flush

    def sql_flush(style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or not tables:
            return truncate(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        delete = [f"DELETE FROM {ops.quote_name(t)}" for t in tables]  # noqa: S608 - table names
        return ["SET CONSTRAINTS ALL DEFERRED", *delete]

    ops.sql_flush = sql_flush


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """The migrated test database (cloned from a template, see tests/migrated_template.py), and
    the demo seed's snapshot taken in it (then rolled back)."""
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        created = migrated_template.setup_databases(verbosity)
        for alias in connections:
            if connections[alias].vendor == "postgresql":
                delete_instead_of_truncate(connections[alias])
            take_snapshot(alias)
        cache.clear()
    yield
    with django_db_blocker.unblock():
        migrated_template.teardown_databases(created, verbosity)


@pytest.fixture
def seeded_site(db, django_db_setup) -> HomePage:
    """The demo site as `seed_campaign` makes it; the value is its home page."""
    for alias in connections:
        apply_snapshot(alias)
    cache.clear()
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def home_page(seeded_site) -> HomePage:
    return seeded_site


@pytest.fixture
def communications_member(db, django_user_model):
    """A member of the Communications group as `setup_communications_group` makes it on a real
    site (not the demo seed's grants); not a superuser, not an administrator."""
    if not NewsroomPage.objects.exists():
        root = Site.objects.get(is_default_site=True).root_page
        root.add_child(instance=NewsroomPage(title="Newsroom", slug="newsroom"))
    Group.objects.filter(name="Communications").delete()
    call_command("setup_communications_group", stdout=io.StringIO())
    user = django_user_model.objects.create_user("officer", "officer@example.org", "pw")
    user.groups.add(Group.objects.get(name="Communications"))
    return user


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate-limit counts never leak between tests."""
    cache.clear()


def pytest_configure(config):
    for name, (reason, _) in SERVICE_MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {reason}")
    config.addinivalue_line(
        "markers",
        "production_stack: boots the production settings in new processes (gunicorn, the beacon"
        " service); CI runs these in its PostgreSQL pass only, as production runs on PostgreSQL",
    )


def pytest_runtest_setup(item):
    for name in SERVICE_MARKERS:
        if item.get_closest_marker(name):
            check_service(name)
