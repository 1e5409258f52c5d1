"""What a visitor sees when the code fails: a plain page, never a trace or a secret."""

import pytest
from django.conf import settings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ops.urls")]


@pytest.fixture
def visitor(client):
    client.raise_request_exception = False
    return client


def test_server_error_shows_the_plain_error_page(visitor):
    """An exception in a view gives the site's own 500 page with the hotline reminder."""
    response = visitor.get("/ops-test/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert "call 911" in html


def test_server_error_reveals_no_trace_or_secret(visitor):
    """Neither the traceback, the exception text nor any setting reaches the visitor."""
    html = visitor.get("/ops-test/boom/?secret=hunter2").content.decode()
    assert "Traceback" not in html
    assert "RuntimeError" not in html
    assert "hunter2" not in html
    assert settings.SECRET_KEY not in html


def test_server_error_is_never_cached(visitor):
    """A 500 must not be stored by Varnish or the browser."""
    assert visitor.get("/ops-test/boom/")["Cache-Control"] == "private, no-store"
