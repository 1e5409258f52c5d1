"""The seeded Spanish pages and records are wagtail-localize translations of their English
originals: the admin shows them as translations to sync, and exports them as PO files."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from campaign.core.models import Fact

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def spanish_translations():
    return Translation.objects.filter(target_locale__language_code="es").select_related("source")


def test_every_seeded_spanish_page_is_a_translation_of_its_english_original():
    spanish_pages = Page.objects.filter(locale__language_code="es")
    assert spanish_pages.count() >= 10
    translated = {t.source.object_id: t.source.locale for t in spanish_translations()}
    for page in spanish_pages:
        assert translated.get(page.translation_key) == Locale.get_default(), page.url_path


def test_seeded_spanish_records_are_translations_too():
    fact = Fact.objects.filter(locale__language_code="en").first()
    assert spanish_translations().filter(source__object_id=fact.translation_key).exists()


def test_a_seeded_translation_exports_its_spanish_as_po():
    """The pledge's PO file carries the Spanish written for it, string by string."""
    pledge = Page.objects.get(slug="leaders-pledge", locale__language_code="en")
    translation = spanish_translations().get(source__object_id=pledge.translation_key)
    po = {entry.msgid: entry.msgstr for entry in translation.export_po()}
    assert po["Take the leaders' pledge"] == "Firme el compromiso"
    assert po["leaders-pledge"] == "compromiso-de-lideres"
    assert po["What you commit to"] == "A qué se compromete"
    assert sum(1 for msgstr in po.values() if msgstr) >= 8


def test_the_admin_shows_a_seeded_spanish_page_as_a_translation(admin_client):
    spanish = Page.objects.get(slug="dar-a-conocer", locale__language_code="es")
    html = admin_client.get(f"/admin/pages/{spanish.pk}/edit/").content.decode()
    assert "wagtail-localize" in html  # the translation editor, with sync and PO export
