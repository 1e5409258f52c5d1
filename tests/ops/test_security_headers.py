"""Security headers on real requests through the middleware stack (test settings)."""

import pytest

from tests.ops.urls import PARTNER_CSP

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def test_public_page_has_a_strict_content_security_policy(client, home_page):
    """The home page's CSP allows only this site's own scripts and styles, nothing inline."""
    csp = client.get(home_page.url)["Content-Security-Policy"]
    policy = directives(csp)
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_public_pages_cannot_be_framed(client, home_page):
    """Public pages refuse framing twice over: frame-ancestors 'none' and X-Frame-Options."""
    response = client.get(home_page.url)
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_public_page_sends_referrer_permissions_and_nosniff_headers(client, home_page):
    """Referrer-Policy, Permissions-Policy and X-Content-Type-Options are on every page."""
    response = client.get(home_page.url)
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_gets_its_own_looser_policy(client):
    """The Wagtail admin may run inline scripts; it is framed only by itself (previews)."""
    policy = directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == "'self'"


def test_looser_admin_policy_stops_at_the_admin(client):
    """A URL that merely starts like the admin's is not given the admin policy."""
    csp = client.get("/administration-tips/")["Content-Security-Policy"]
    assert "unsafe-inline" not in csp


@pytest.mark.urls("tests.ops.urls")
def test_a_views_own_policy_is_kept_and_it_may_be_framed(client):
    """An embed that sets its own CSP with frame-ancestors keeps it, and gets no X-Frame-Options."""
    response = client.get("/ops-test/embed/")
    assert response["Content-Security-Policy"] == PARTNER_CSP
    assert "X-Frame-Options" not in response


@pytest.mark.urls("tests.ops.urls")
def test_other_views_still_deny_framing(client):
    """Views that did not choose otherwise are not frameable."""
    assert client.get("/ops-test/no-store/")["X-Frame-Options"] == "DENY"
