"""Tests that commit for real and ask for the seeded site get it, one after another."""

import pytest

from home.models import GoalPage, HomePage


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("seeded_site")
@pytest.mark.parametrize("attempt", [1, 2])
def test_committing_tests_see_the_seeded_site(client, attempt):
    """A committing test sees the seeded home page even after another one emptied the database."""
    assert HomePage.objects.count() == 2  # English and Spanish
    assert GoalPage.objects.live().filter(locale__language_code="en").count() == 4
    assert "No buyers. No trafficking." in client.get("/").content.decode()
