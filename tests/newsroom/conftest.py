import pytest

from campaign.newsroom.models import NewsroomPage, PressReleasePage
from campaign.newsroom.seed_data import JAN_2017_SLUG


@pytest.fixture
def newsroom(seeded_site) -> NewsroomPage:
    return NewsroomPage.objects.get()


@pytest.fixture
def seeded_release(seeded_site) -> PressReleasePage:
    return PressReleasePage.objects.get(slug=JAN_2017_SLUG)
