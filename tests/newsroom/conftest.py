import pytest

from campaign.newsroom.models import NewsroomPage, PressReleasePage
from campaign.newsroom.seed_data import JAN_2017_SLUG


@pytest.fixture
def newsroom(db) -> NewsroomPage:
    return NewsroomPage.objects.get()


@pytest.fixture
def seeded_release(db) -> PressReleasePage:
    return PressReleasePage.objects.get(slug=JAN_2017_SLUG)
