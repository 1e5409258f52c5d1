"""Translatable records inside StreamField bodies show in the language of the page they stand on."""

import pytest
from wagtail.models import Locale

from home.models import HomePage
from tests.factories import ContentPageFactory, FactFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def spanish_copy(page):
    """The page's Spanish translation (a copy under the seeded Spanish home page), published."""
    copy = page.copy_for_translation(Locale.objects.get(language_code="es"))
    copy.save_revision().publish()
    return copy


def page_with_fact(fact):
    english_home = HomePage.objects.get(locale__language_code="en")
    page = ContentPageFactory(
        parent=english_home, slug="fact-test", body=[("fact", {"fact": fact})]
    )
    page.save_revision().publish()
    return page


def test_fact_block_on_a_spanish_page_shows_the_spanish_fact(client):
    """A Spanish copy of a page still points at the English fact; it shows the translation."""
    fact = FactFactory(figure="1 in 5", claim="One man in five has bought sex.")
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    translation = fact.copy_for_translation(spanish)
    translation.figure, translation.claim = (
        "1 de cada 5",
        "Uno de cada cinco hombres pagó por sexo.",
    )
    translation.save()
    page = page_with_fact(fact)
    copy = spanish_copy(page)
    assert copy.body[0].value["fact"] == fact  # the copy's block names the English fact
    html = client.get("/es/fact-test/").content.decode()
    assert "Uno de cada cinco hombres pagó por sexo." in html and "1 de cada 5" in html
    assert "One man in five" not in html
    english = client.get("/fact-test/").content.decode()
    assert "One man in five has bought sex." in english and "pagó por sexo" not in english


def test_fact_block_falls_back_to_english_when_the_fact_has_no_translation(client):
    """A fact nobody has translated yet still shows, in English."""
    fact = FactFactory(claim="Only English so far.")
    spanish_copy(page_with_fact(fact))
    assert "Only English so far." in client.get("/es/fact-test/").content.decode()
