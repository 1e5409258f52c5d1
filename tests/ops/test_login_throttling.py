"""django-axes on the Wagtail sign-in form: repeated failures lock the account from that address."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def attempt(client, password: str, address: str = "192.0.2.10"):
    return client.post(
        "/admin/login/", {"username": "editor", "password": password}, REMOTE_ADDR=address
    )


def test_wrong_password_is_refused_normally_before_the_limit(client, editor):
    """The first failures get the ordinary sign-in form back."""
    response = attempt(client, "wrong")
    assert response.status_code == 200
    assert "Your username and password didn" in response.content.decode()


def test_five_failures_lock_out_even_the_right_password(client, editor):
    """After five failures the sixth attempt is refused with 429, even with the right password."""
    for _ in range(5):
        attempt(client, "wrong")
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_does_not_block_the_owner_from_another_address(client, editor):
    """Locking is by username and address, so an attacker cannot lock the real editor out."""
    for _ in range(5):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD, address="198.51.100.20").status_code == 302


def test_success_before_the_limit_resets_the_count(client, editor):
    """A correct sign-in clears earlier failures."""
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
    client.post("/admin/logout/")
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
