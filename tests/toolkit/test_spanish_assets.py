"""Toolkit assets are translatable: the seed publishes each asset in Spanish with artwork drawn
in Spanish for every size; each toolkit page lists the assets of its own language, and the
English slugs partners' embed codes name keep giving the English assets."""

import pytest
from wagtail.models import Locale

from campaign.toolkit.models import CampaignAsset

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


def spanish() -> Locale:
    return Locale.objects.get(language_code="es")


def test_seed_publishes_each_asset_in_spanish_with_spanish_artwork_per_size():
    english = CampaignAsset.objects.filter(locale=Locale.get_default())
    assert english.count() == 4
    for asset in english:
        copy = asset.get_translation(spanish())
        assert copy.slug != asset.slug and copy.message != asset.message
        assert copy.goal.locale == spanish()
        assert copy.image_id != asset.image_id and "«" in copy.image.description
        sizes = {size.preset: size for size in copy.sizes.all()}
        assert set(sizes) == set(asset.sizes.values_list("preset", flat=True))
        for size in asset.sizes.all():
            translated = sizes[size.preset]
            assert translated.locale == spanish()
            assert translated.translation_key == size.translation_key
            assert translated.artwork_id and translated.artwork_id != size.artwork_id


def test_spanish_toolkit_lists_the_spanish_assets(client):
    html = client.get("/es/materiales/").content.decode()
    assert "/es/materiales/sin-compradores-no-hay-trata/" in html
    assert "Sin compradores no hay trata" in html
    assert "/es/materiales/no-buyers-no-trafficking/" not in html
    english = client.get("/toolkit/").content.decode()
    assert "/toolkit/no-buyers-no-trafficking/" in english
    assert "sin-compradores" not in english


def test_spanish_asset_page_is_in_spanish(client):
    response = client.get("/es/materiales/sin-compradores-no-hay-trata/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hablemos de los compradores." in html
    assert "Cartel de la campaña sobre fondo ciruela" in html  # the Spanish artwork's alt text


def test_sitemap_lists_each_language_asset_pages_once(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/es/materiales/sin-compradores-no-hay-trata/</loc>" in xml
    assert "/toolkit/no-buyers-no-trafficking/</loc>" in xml
    assert "/toolkit/sin-compradores-no-hay-trata/</loc>" not in xml
    assert "/es/materiales/no-buyers-no-trafficking/</loc>" not in xml


def test_english_slug_names_the_english_asset_when_a_translation_shares_it():
    """A translation made in the admin starts with the English slug: the English asset wins."""
    asset = CampaignAsset.objects.get(slug="look-at-who-is-buying")
    spanish_copy = asset.get_translation(spanish())
    spanish_copy.slug = asset.slug
    spanish_copy.save()
    assert CampaignAsset.objects.by_slug(asset.slug).first() == asset
    assert CampaignAsset.objects.by_slug(asset.slug, "es").first() == spanish_copy
