"""The asset's edit view, as a Communications member who is not a superuser: every size as
partners get it, automatic ones marked, designed artwork and approvals saved from there."""

import re

import pytest

from campaign.toolkit.models import AssetSize, CampaignAsset
from campaign.toolkit.presets import PRESETS
from campaign.toolkit.seed import COMMUNICATIONS_GROUP, seed_communications_permissions
from campaign.toolkit.sizes import offered_sizes, size_field_names
from tests.factories import CampaignImageFactory

from .factories import AssetSizeFactory, CampaignAssetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, django_user_model):
    """A logged-in Communications member without superuser rights."""
    seed_communications_permissions()
    user = django_user_model.objects.create_user("officer", password="pw")
    user.groups.add(user.groups.model.objects.get(name=COMMUNICATIONS_GROUP))
    client.force_login(user)
    return client


def edit_url(asset) -> str:
    return f"/admin/snippets/toolkit/campaignasset/edit/{asset.pk}/"


def form_data(asset, page_html: str, **changes) -> dict:
    """What the edit form posts back unchanged: the asset's fields and the versions shown."""
    data = {
        "title": asset.title,
        "slug": asset.slug,
        "message": asset.message,
        "goal": asset.goal_id,
        "image": asset.image_id,
        "link_url": "",
        "state": asset.state,
        "background_colour": asset.background_colour,
    }
    for preset in PRESETS.values():
        artwork, approve, seen = size_field_names(preset)
        shown = re.search(rf'name="{seen}" value="([^"]*)"', page_html)
        data[seen] = shown.group(1) if shown else ""
        if re.search(rf'name="{approve}"[^>]*checked', page_html):
            data[approve] = "on"
        chosen = re.search(rf'name="{artwork}" value="(\d+)"', page_html)
        if chosen:
            data[artwork] = chosen.group(1)
    return data | changes


def offered_keys(asset) -> list[str]:
    """The sizes offered now, read afresh from the database."""
    return [size.preset.key for size in offered_sizes(CampaignAsset.objects.get(pk=asset.pk))]


def test_edit_view_shows_every_size_and_marks_the_automatic_ones(officer):
    """All six sizes are previewed; the five without artwork are marked automatic."""
    artwork = CampaignImageFactory(size=(728, 90))
    asset = AssetSizeFactory(preset="leaderboard", artwork=artwork).asset
    html = officer.get(edit_url(asset)).content.decode()
    assert html.count('class="toolkit-admin-size__preview"') == 6
    assert html.count("Designed artwork</span>") == 1
    assert html.count("Not offered to partners until you approve it.") == 5


def test_officer_approves_the_automatic_version_on_screen(officer):
    """Ticking a size's approval offers exactly the automatic version that was shown."""
    asset = CampaignAssetFactory()
    html = officer.get(edit_url(asset)).content.decode()
    response = officer.post(edit_url(asset), form_data(asset, html, approve_square="on"))
    assert response.status_code == 302
    assert offered_keys(asset) == ["square"]


def test_approval_of_a_version_no_longer_shown_offers_nothing(officer):
    """An approval posted with a new background colour covers the old preview, so not the new."""
    asset = CampaignAssetFactory()
    html = officer.get(edit_url(asset)).content.decode()
    data = form_data(asset, html, approve_wide="on", background_colour="#000000")
    assert officer.post(edit_url(asset), data).status_code == 302
    assert offered_keys(asset) == []
    page = officer.get(edit_url(asset)).content.decode()
    assert "Changed since you approved it" in page


def test_unticking_an_approval_withdraws_the_size(officer):
    """Clearing the approval of an offered automatic size stops offering it."""
    asset = CampaignAssetFactory()
    html = officer.get(edit_url(asset)).content.decode()
    officer.post(edit_url(asset), form_data(asset, html, approve_story="on"))
    html = officer.get(edit_url(asset)).content.decode()
    data = form_data(asset, html)
    data.pop("approve_story")
    officer.post(edit_url(asset), data)
    assert offered_keys(asset) == []


def test_designed_artwork_is_chosen_for_a_size(officer):
    """Choosing artwork of the right shape for a size offers it as designed artwork."""
    asset = CampaignAssetFactory()
    artwork = CampaignImageFactory(size=(1080, 1920))
    html = officer.get(edit_url(asset)).content.decode()
    officer.post(edit_url(asset), form_data(asset, html, artwork_story=artwork.pk))
    assert AssetSize.objects.get(asset=asset, preset="story").artwork == artwork
    assert offered_keys(asset) == ["story"]


def test_designed_artwork_of_another_shape_is_refused_with_a_reason(officer):
    """A square image chosen for the leaderboard is refused, saying why, and nothing is saved."""
    asset = CampaignAssetFactory()
    square = CampaignImageFactory(size=(1080, 1080))
    html = officer.get(edit_url(asset)).content.decode()
    response = officer.post(edit_url(asset), form_data(asset, html, artwork_leaderboard=square.pk))
    assert response.status_code == 200
    assert "a different shape from 728×90" in response.content.decode()
    assert not AssetSize.objects.filter(asset=asset).exists()


def test_image_editor_calls_the_focal_point_the_safe_area(officer):
    """The image editor asks for a safe area and says automatic sizes keep it whole."""
    image = CampaignImageFactory()
    html = officer.get(f"/admin/images/{image.pk}/").content.decode()
    assert "Safe area" in html and "keep the safe area whole" in html
    assert '<h2 class="w-label-3">Focal point' not in html
