"""Share images (og:image, twitter:image) are absolute URLs built by Wagtail's rendition
`full_url`: media served from another domain (a bucket or CDN) keep that domain."""

import re

import pytest

from tests.factories import CampaignImageFactory, HomePageFactory

pytestmark = pytest.mark.django_db

OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]+)">')


@pytest.fixture
def home_with_image(db):
    return HomePageFactory(hero_image=CampaignImageFactory())


def test_local_media_are_shared_under_the_sites_base_url(client, home_with_image, settings):
    """With media on the site itself, the share image is the base URL plus the rendition's path."""
    [url] = OG_IMAGE.findall(client.get("/").content.decode())
    assert url.startswith(f"{settings.WAGTAILADMIN_BASE_URL}{settings.MEDIA_URL}images/")


def test_media_on_another_domain_are_shared_as_they_are(client, home_with_image, settings):
    """With media on a CDN or bucket domain, the share image is that URL, not host + URL."""
    settings.MEDIA_URL = "https://media.enddemandct.example/"
    html = client.get("/").content.decode()
    [url] = OG_IMAGE.findall(html)
    assert url.startswith("https://media.enddemandct.example/images/")
    assert f'<meta name="twitter:image" content="{url}">' in html
