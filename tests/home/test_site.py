"""Site-wide surfaces: search, sitemap, robots.txt, sharing tags, error pages, navigation."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import ContentPage, GoalPage, HomePage, PolicyPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_search_finds_seeded_pages(client):
    """Searching for a word in a seeded page lists that page."""
    html = client.get("/search/", {"q": "registry"}).content.decode()
    assert "Policy" in html or "Improve public policy" in html
    assert "result" in html


def test_search_for_nonsense_says_nothing_matched(client):
    """A query that matches nothing says so rather than failing."""
    html = client.get("/search/", {"q": "zzzqqqxxy"}).content.decode()
    assert "Nothing matched" in html


def test_search_survives_bad_page_numbers_and_long_queries(client):
    """Garbage page numbers and very long queries still give a results page."""
    assert client.get("/search/", {"q": "buyers", "page": "abc"}).status_code == 200
    assert client.get("/search/", {"q": "buyers", "page": "9999"}).status_code == 200
    assert client.get("/search/", {"q": "x" * 5000}).status_code == 200


def test_search_does_not_list_draft_pages(client, home_page):
    """An unpublished page never appears in search results."""
    draft = ContentPage(title="Secret draft about buyers", slug="secret-draft", body=[])
    home_page.add_child(instance=draft)
    draft.unpublish()
    html = client.get("/search/", {"q": "Secret draft"}).content.decode()
    assert "Secret draft about buyers" not in html


def test_sitemap_lists_every_live_page(client):
    """sitemap.xml lists the URL of every live, public page of the site."""
    xml = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>(.*?)</loc>", xml))
    live_pages = Page.objects.live().public().exclude(depth=1).specific()
    assert live_pages.count() >= 8
    for page in live_pages:
        assert page.get_full_url() in locations


def test_robots_txt_points_to_sitemap_and_hides_admin(client):
    """robots.txt disallows the admin and names the sitemap."""
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_pages_have_canonical_and_sharing_tags(client):
    """A goal page carries canonical, OpenGraph and Twitter tags from its description and image."""
    page = GoalPage.objects.get(locale__language_code="en", goal__number=1)
    html = client.get(page.url).content.decode()
    assert f'<link rel="canonical" href="{page.get_full_url()}">' in html
    assert f'<meta property="og:description" content="{page.intro}">' in html
    assert 'name="twitter:card" content="summary_large_image"' in html
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert og_image.startswith("http://testserver/media/images/")


@pytest.mark.parametrize("page_model", [HomePage, GoalPage, ContentPage, PolicyPage])
def test_every_page_type_has_one_h1_landmarks_and_skip_link(client, page_model):
    """Each page type has exactly one h1, a skip link to main, and header/nav/main/footer."""
    page = page_model.objects.live().first()
    html = client.get(page.url).content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ('<header class="site-header">', '<nav class="main-nav"', '<main id="main"'):
        assert landmark in html
    assert "<footer" in html and "1-888-373-7888" in html


def test_every_image_has_alt_text(client):
    """No <img> on the seeded pages lacks an alt attribute."""
    for page in Page.objects.live().exclude(depth=1).specific():
        html = client.get(page.url).content.decode()
        for tag in re.findall(r"<img\b[^>]*>", html):
            assert re.search(r'alt="[^"]+"', tag), f"{page.url}: {tag}"


def test_navigation_comes_from_the_page_tree(client, home_page):
    """Pages marked 'show in menus' appear in the main navigation, with the current one marked."""
    html = client.get("/about/").content.decode()
    nav = html[html.index('<nav class="main-nav"') : html.index("</nav>")]
    assert "About the campaign" in nav and "Policy" in nav and "Resources" in nav
    assert 'href="/about/" aria-current="page"' in nav


def test_quick_exit_is_on_every_page(client):
    """The quick-exit link leads to the harmless site set in the settings, on every page."""
    html = client.get("/policy/").content.decode()
    assert 'class="quick-exit" href="https://weather.com/"' in html
    assert "/static/js/quick-exit.js" in html


def test_missing_page_gets_the_friendly_404(client):
    """An unknown URL returns 404 with the site's own page and a way back."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@override_settings(DEBUG=False, ROOT_URLCONF="tests.home.error_urls")
def test_server_error_page_hides_details(client):
    """An unhandled error shows the plain 500 page, without the error or a stack trace."""
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "secret-detail" not in html and "Traceback" not in html


def test_search_uses_postgresql_full_text_search_on_postgresql():
    """On PostgreSQL the search backend is PostgreSQL's full-text search; elsewhere the fallback."""
    backend = get_search_backend()
    uses_postgres = any("postgres" in cls.__module__ for cls in type(backend).__mro__)
    assert uses_postgres == (connection.vendor == "postgresql")


def test_redirects_made_in_the_admin_work(client):
    """A redirect an editor adds sends visitors from the old path to the new page."""
    Redirect.objects.create(
        old_path="/old-campaign", redirect_page=PolicyPage.objects.get(locale__language_code="en")
    )
    response = client.get("/old-campaign/")
    assert response.status_code == 301
    assert response["Location"].endswith("/policy/")


PAGE_PATHS = [
    "/",
    "/raise-public-awareness/",
    "/about/",
    "/policy/",
    "/newsroom/",
    "/newsroom/council-report-puts-buyers-at-the-centre/",
    "/toolkit/",
    "/toolkit/no-buyers-no-trafficking/",
    "/leaders-pledge/",
    "/es/",
    "/es/dar-a-conocer/",
    "/es/compromiso-de-lideres/",
]


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_pages_render_within_seventeen_queries(
    client, settings, django_assert_max_num_queries, path
):
    """Rendering a page with nothing cached (renditions already made) takes at most 17 queries:
    15 for the page, one for the active language's locale and one for the page's translations
    (issue 19's language links)."""
    settings.RENDER_CACHE_SECONDS = 0
    client.get(path)
    with django_assert_max_num_queries(17):
        response = client.get(path)
    assert response.status_code == 200
