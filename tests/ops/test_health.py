"""/healthz and /readyz: cheap, uncached, and honest about what failed."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_says_ok_without_touching_the_database(client, django_assert_num_queries):
    """/healthz answers from the process alone."""
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert json.loads(response.content) == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_any_host(client):
    """A load balancer probing by IP address is not refused by ALLOWED_HOSTS."""
    response = client.get("/healthz", headers={"host": "10.0.0.5:8000"})
    assert response.status_code == 200


def test_readyz_checks_database_and_cache(client):
    """/readyz reports both parts ok and is never cached."""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.content)["checks"] == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
