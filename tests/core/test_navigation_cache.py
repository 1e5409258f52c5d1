"""The main menu is cached between requests and rebuilt as soon as the page tree changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.models import ContentPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def nav_of(client, path: str = "/about/") -> str:
    html = client.get(path).content.decode()
    return html[html.index('<nav class="main-nav"') : html.index("</nav>")]


def menu_queries(client) -> int:
    """Queries of a page view that select pages by 'show in menus'."""
    with CaptureQueriesContext(connection) as queries:
        client.get("/policy/")
    return sum('"show_in_menus"' in q["sql"].partition(" WHERE ")[2] for q in queries)


def test_second_page_view_builds_no_menu_from_the_database(client):
    """After one page view the menu comes from the cache, not from the page tree."""
    client.get("/about/")
    assert menu_queries(client) == 0


def test_publishing_a_menu_page_shows_it_at_once(client, home_page):
    """A page published with 'show in menus' appears in the cached menu on the next view."""
    assert "Volunteer with us" not in nav_of(client)
    page = ContentPage(title="Volunteer with us", slug="volunteer", body=[], show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    assert 'href="/volunteer/"' in nav_of(client)


def test_unpublishing_a_menu_page_removes_it_at_once(client):
    """Unpublishing a page takes it out of the cached menu on the next view."""
    assert "About the campaign" in nav_of(client, "/policy/")
    ContentPage.objects.get(slug="about").unpublish()
    assert "About the campaign" not in nav_of(client, "/policy/")


def test_restricting_a_menu_page_hides_it_at_once(client):
    """A page given a password leaves the public menu on the next view."""
    assert "Resources" in nav_of(client, "/policy/")
    PageViewRestriction.objects.create(
        page=ContentPage.objects.get(slug="resources"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    assert "Resources" not in nav_of(client, "/policy/")
