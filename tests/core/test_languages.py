"""Spanish beside English: /es/ URLs, the right lang, hreflang links, the language switcher, the
sitemap, error pages, the render cache and the seeded Spanish site."""

import re

import pytest
from django.db import IntegrityError
from django.test import override_settings
from wagtail.models import Locale

from campaign.core.models import CampaignGoal, CampaignSettings, Fact, PolicyRecommendation
from campaign.newsroom.models import PressReleasePage
from home.models import GoalPage, HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def test_english_urls_stay_and_spanish_lives_under_es(client):
    english = client.get("/raise-public-awareness/")
    spanish = client.get("/es/dar-a-conocer/")
    assert english.status_code == spanish.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    html = spanish.content.decode()
    assert '<html lang="es">' in html
    assert "<h1>Dar a conocer el problema</h1>" in html
    assert "El problema" in html and "Objetivo 1 de 4 de la campaña" in html
    # An Accept-Language header does not move an English URL to Spanish.
    assert '<html lang="en">' in client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()


def test_hreflang_alternates_name_both_languages(client):
    html = client.get("/es/dar-a-conocer/").content.decode()
    english = r'<link rel="alternate" hreflang="en" href="http://[^"]+/raise-public-awareness/">'
    assert re.search(english, html)
    assert 'hreflang="es"' in html and "/es/dar-a-conocer/" in html


def switch_link(url: str, code: str, name: str) -> str:
    """The switcher's link to `url`, named in its own language."""
    link = f'href="{url}" hreflang="{code}" lang="{code}">'
    return f'{link}<span class="language-switcher__name">{name}'


def test_switcher_lands_on_the_translation_or_the_nearest_translated_parent(client):
    goal = client.get("/raise-public-awareness/").content.decode()
    assert switch_link("/es/dar-a-conocer/", "es", "Español") in goal
    spanish = client.get("/es/dar-a-conocer/").content.decode()
    assert switch_link("/raise-public-awareness/", "en", "English") in spanish
    # Releases are not translated: the switcher offers the Spanish home page instead.
    release = PressReleasePage.objects.live().first()
    html = client.get(release.url).content.decode()
    assert switch_link("/es/", "es", "Español") in html
    assert 'hreflang="es" href=' not in html  # no hreflang alternate for a page that has none


def test_home_page_lists_the_goals_and_actions_of_its_own_language(client):
    """The Spanish home page, its menu and its calls to action stay in Spanish, and the
    English ones in English."""
    spanish = client.get("/es/").content.decode()
    assert ">Menú</summary>" in spanish and ">Navegar con seguridad</a>" in spanish
    assert "Dar a conocer el problema" in spanish and "Raise public awareness" not in spanish
    assert "/es/compromiso-de-lideres/" in spanish and "/leaders-pledge/" not in spanish
    english = client.get("/").content.decode()
    assert "Raise public awareness" in english and "Dar a conocer el problema" not in english
    assert "/leaders-pledge/" in english and "/es/compromiso-de-lideres/" not in english


def test_sitemap_lists_both_languages(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/raise-public-awareness/</loc>" in xml
    assert "/es/dar-a-conocer/</loc>" in xml
    assert "/es/</loc>" in xml


def test_not_found_in_spanish_under_es(client):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es">' in html and "No encontramos esa página" in html
    assert "Page not found" in client.get("/no-such-page/").content.decode()


def test_server_error_page_in_spanish_under_es(rf):
    from django.utils import translation

    from home.views import server_error

    with translation.override("es"):
        html = server_error(rf.get("/es/")).content.decode()
    assert '<html lang="es">' in html and "Algo falló de nuestro lado" in html
    assert 'href="/es/"' in html


@override_settings(RENDER_CACHE_SECONDS=600)
def test_render_cache_keeps_languages_apart(client):
    """The same page object cached in one language is never served in the other."""
    assert "Sin compradores no hay trata." in client.get("/es/").content.decode()
    assert "No buyers. No trafficking." in client.get("/").content.decode()
    assert "Sin compradores no hay trata." in client.get("/es/").content.decode()
    from django.utils import translation

    from campaign.core import content_version

    with translation.override("en"):
        english = content_version.cache_key(None, "html", "x")
    with translation.override("es"):
        spanish = content_version.cache_key(None, "html", "x")
    assert english != spanish


def test_seed_publishes_a_complete_spanish_site():
    spanish = Locale.objects.get(language_code="es")
    home = HomePage.objects.get(locale=spanish)
    assert home.live and home.hero_heading == "Sin compradores no hay trata."
    slugs = set(home.get_children().live().values_list("slug", flat=True))
    assert {
        "dar-a-conocer",
        "politicas",
        "recursos",
        "materiales",
        "compromiso-de-lideres",
    } <= slugs
    for goal_page in GoalPage.objects.filter(locale=spanish):
        assert goal_page.goal.locale == spanish
    assert CampaignGoal.objects.filter(locale=spanish).count() == 4
    assert (
        Fact.objects.filter(locale=spanish).count()
        == Fact.objects.filter(locale=Locale.get_default()).count()
    )
    assert PolicyRecommendation.objects.filter(locale=spanish).exists()
    settings = CampaignSettings.objects.get()
    assert settings.hotline_name_es == "Línea Nacional contra la Trata de Personas"


def test_spanish_home_page_greets_with_its_poster_in_spanish(client):
    """The hero's poster carries words: on the Spanish home page they are Spanish."""
    english = HomePage.objects.get(locale__language_code="en")
    spanish = HomePage.objects.get(locale__language_code="es")
    assert spanish.hero_image_id and spanish.hero_image_id != english.hero_image_id
    assert "Sin compradores no hay trata" in spanish.hero_image.description
    html = client.get("/es/").content.decode()
    assert "Sin compradores no hay trata" in html and "No buyers, no trafficking" not in html


def test_spanish_pages_name_the_hotline_in_spanish(client):
    html = client.get("/es/recursos/").content.decode()
    assert "atiende en español" in html and "1-888-373-7888" in html and "233733" in html
    assert "Línea Nacional contra la Trata de Personas" in html
    assert "National Human Trafficking Hotline" in client.get("/resources/").content.decode()


def test_goal_number_and_slug_are_unique_per_language():
    goal = CampaignGoal.objects.get(locale=Locale.get_default(), number=1)
    with pytest.raises(IntegrityError):
        CampaignGoal.objects.create(
            number=1, slug="another", title="x", summary="x", audience="x", locale=goal.locale
        )


def test_spanish_pages_show_the_spanish_organisation_name_and_quick_exit(client):
    """Settings' visitor texts have a Spanish field each: the footer's organisation name and
    the quick exit's address; empty Spanish fields fall back to the English ones."""
    spanish = client.get("/es/").content.decode()
    assert '<h2 id="footer-org">Consejo de Connecticut contra la Trata de Personas</h2>' in spanish
    assert 'class="quick-exit" href="https://weather.com/es-US/"' in spanish
    english = client.get("/").content.decode()
    assert '<h2 id="footer-org">Connecticut Trafficking in Persons Council</h2>' in english
    assert 'class="quick-exit" href="https://weather.com/"' in english
    settings = CampaignSettings.objects.get()
    settings.organisation_name_es = settings.quick_exit_url_es = ""
    settings.save()
    spanish = client.get("/es/").content.decode()
    assert '<h2 id="footer-org">Connecticut Trafficking in Persons Council</h2>' in spanish
    assert 'class="quick-exit" href="https://weather.com/"' in spanish
