"""Cache-Control on real responses: what Varnish and browsers may keep, and what never."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_public_page_is_cacheable_briefly_by_browsers_longer_by_varnish(client, home_page):
    """An anonymous page says public, max-age=60 for browsers and s-maxage=600 for Varnish."""
    response = client.get(home_page.url)
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=600"


def test_admin_is_never_stored(client):
    """The admin's pages say private, no-store."""
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]


def test_page_preview_is_never_stored(admin_client, home_page):
    """A draft preview in the admin is private to the editor."""
    response = admin_client.get(f"/admin/pages/{home_page.pk}/view_draft/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_signed_in_visitor_gets_private_pages(admin_client, home_page):
    """A visitor with a session (an editor looking at the site) is never cached."""
    response = admin_client.get(home_page.url)
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.urls("tests.ops.urls")
def test_page_with_a_form_is_never_stored(client):
    """Rendering a CSRF token sets a cookie, so the response must not be shared."""
    response = client.get("/ops-test/form/")
    assert "csrftoken" in response.cookies
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.urls("tests.ops.urls")
def test_view_that_chose_no_store_keeps_it(client):
    """never_cache on a view (embargo previews) survives the middleware."""
    assert "no-store" in client.get("/ops-test/no-store/")["Cache-Control"]


def test_post_responses_are_never_stored(client):
    """A POST answer (here search refusing the method or answering) is private."""
    response = client.post("/search/", {"q": "demand"})
    assert response["Cache-Control"] == "private, no-store"


def test_not_found_is_cacheable(client):
    """A 404 for an anonymous visitor may be cached, so floods of bad URLs stay cheap."""
    response = client.get("/no-such-page-anywhere/")
    assert response.status_code == 404
    assert response["Cache-Control"].startswith("public, ")
