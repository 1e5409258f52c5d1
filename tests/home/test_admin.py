"""The Wagtail admin works for every page type, snippet and setting an editor uses."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campaign.core.models import CampaignImage
from campaign.core.posters import draw_poster
from home.models import ContentPage, GoalPage, HomePage, PolicyPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.mark.parametrize("page_model", [HomePage, GoalPage, ContentPage, PolicyPage])
def test_editor_opens_every_page_type(admin_client, page_model):
    """The page editor opens for each seeded page type."""
    page = page_model.objects.first()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/core/fact/",
        "/admin/snippets/core/campaigngoal/",
        "/admin/snippets/core/policyrecommendation/",
    ],
)
def test_snippet_listings_show_seeded_records(admin_client, url):
    """The campaign's snippets are listed in the admin."""
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "<table" in response.content.decode()


def test_settings_edit_the_hotline(admin_client):
    """The site settings form shows the hotline number."""
    response = admin_client.get("/admin/settings/core/campaignsettings/")
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        response = admin_client.get(response["Location"])
    assert "1-888-373-7888" in response.content.decode()


def test_image_upload_without_alt_text_is_refused(admin_client, tmp_path):
    """Uploading an image without alt text is refused with a message on the alt text field."""
    png = SimpleUploadedFile("p.png", draw_poster("Hi", "There", size=(200, 120)), "image/png")
    before = CampaignImage.objects.count()
    response = admin_client.post("/admin/images/add/", {"title": "No alt", "file": png})
    assert CampaignImage.objects.count() == before
    assert "This field is required" in response.content.decode()
