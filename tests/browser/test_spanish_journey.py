"""A Spanish-speaking visitor's journey in a real browser: home, a goal, a fact's source, an
action form and the quick exit, in Spanish throughout, switching to English on each page (the
switcher lands on the same page's translation) and back."""

import re

import pytest
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from campaign.core.models import CampaignSettings

from .conftest import needs_chromium, sync_api

expect = sync_api.expect

pytestmark = [
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("seeded_site"),
]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def in_spanish(page, h1: str) -> None:
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == h1
    assert page.get_by_role("link", name=re.compile("^Salida rápida")).is_visible()
    assert page.get_by_role("navigation", name="Principal").is_visible()


def switch_and_back(page, site_url: str, english_path: str, english_h1: str) -> None:
    """The switcher's English link lands on the same page in English; its Spanish link returns."""
    spanish_url = page.url
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    page.wait_for_url(f"{site_url}{english_path}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert english_h1 in page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url(spanish_url)


def test_spanish_visitor_reads_checks_a_source_acts_and_leaves(
    site_url, new_context, elsewhere, shot
):
    quick_exit_url = CampaignSettings.objects.get().quick_exit_url_es  # a site in Spanish
    assert quick_exit_url == "https://weather.com/es-US/"
    context = new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()

    page.goto(f"{site_url}/es/")
    in_spanish(page, "Sin compradores no hay trata.")
    shot(page, "inicio")
    switch_and_back(page, site_url, "/", "No buyers. No trafficking.")

    page.get_by_role("link", name="Objetivo 2: Sumar a los líderes locales y estatales").click()
    page.wait_for_url(f"{site_url}/es/sumar-a-los-lideres/")
    in_spanish(page, "Sumar a los líderes locales y estatales")
    assert page.get_by_role("heading", name="El problema").is_visible()
    shot(page, "objetivo")
    switch_and_back(page, site_url, "/engage-leaders/", "Engage local and state leaders")

    fact = page.locator("figure.fact").first
    assert "Fuente:" in fact.locator(".fact__source").inner_text()
    source = fact.locator(".fact__source a")
    source_url = source.get_attribute("href")
    source.click()
    page.wait_for_url(source_url)
    assert elsewhere.visited[-1] == source_url
    page.go_back()

    page.get_by_role("link", name="Firmar el compromiso").click()
    page.wait_for_url(f"{site_url}/es/compromiso-de-lideres/")
    in_spanish(page, "Firme el compromiso")
    switch_and_back(page, site_url, "/leaders-pledge/", "Take the leaders' pledge")
    page.get_by_role("button", name="Firmar el compromiso").click()
    expect(page.get_by_role("alert")).to_contain_text("Revise el formulario")
    for label, value in {
        "Su nombre (obligatorio)": "Ana Ejemplo",
        "Su cargo (obligatorio)": "Alcaldesa",
        "Oficina u organización (obligatorio)": "Municipio de Ejemplo",
        "Municipio (obligatorio)": "Hartford",
        "Correo electrónico (obligatorio)": "ana@example.org",
    }.items():
        page.get_by_label(label).fill(value)
    page.get_by_label(re.compile("^Me comprometo")).check()
    shot(page, "formulario")
    page.get_by_role("button", name="Firmar el compromiso").click()
    expect(page.get_by_role("status")).to_contain_text("Gracias por firmar")
    in_spanish(page, "Firme el compromiso")
    shot(page, "gracias")
    assert any(s.get_data().get("su_nombre") == "Ana Ejemplo" for s in FormSubmission.objects.all())

    page.get_by_role("link", name=re.compile("^Salida rápida")).click()
    page.wait_for_url(quick_exit_url)
    context.close()
