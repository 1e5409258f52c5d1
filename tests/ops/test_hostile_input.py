"""Each hostile request the review found answering 500 now gets its 4xx (issue 18).

NUL and control characters are refused once, by RejectUnusableInputMiddleware, for every URL; the
API's own parameters are checked by its endpoints; malformed URLs are simply not ours.
"""

from pathlib import Path

import pytest
from django.conf import settings

from campaign.toolkit.models import CampaignAsset

pytestmark = pytest.mark.django_db


@pytest.fixture
def asset_slug(seeded_site) -> str:
    return CampaignAsset.objects.active().first().slug


NUL_REQUESTS = [
    "/search/?q=%00",
    "/toolkit/?goal=%00",
    "/toolkit/{slug}/?partner=%00",
    "/embed/{slug}/?partner=%00",
    "/embed/{slug}/data.json?partner=%00",
    "/embed/{slug}/medium-rectangle.jpeg?partner=%00",
    "/go/{slug}/?partner=%00",
    "/oembed/?url=http://testserver/toolkit/{slug}/?partner=%00",
    "/api/v2/pages/?search=%00",
    "/api/v2/pages/find/?html_path=%00",
]


@pytest.mark.parametrize("url", NUL_REQUESTS)
def test_nul_in_a_query_parameter_is_a_400(client, asset_slug, url):
    """A NUL byte in any query parameter is refused with a 400 that says why."""
    response = client.get(url.format(slug=asset_slug))
    assert response.status_code == 400
    assert "control characters" in response.content.decode()


@pytest.mark.parametrize("value", ["%01", "%1b%5b2J", "%7f", "a%00b"])
def test_other_control_characters_are_refused_too(client, value):
    """Escape, DEL and the other C0 controls are as useless as NUL in a search."""
    assert client.get(f"/search/?q={value}").status_code == 400


def test_nul_in_the_path_is_a_400(client, seeded_site):
    """A NUL in the path never reaches the page tree's slug lookup."""
    assert client.get("/news/%00/").status_code == 400


def test_nul_in_form_data_is_a_400(client, seeded_site):
    """A posted form field with a NUL is refused before any view reads it."""
    response = client.post("/search/", {"q": "buyers\x00"})
    assert response.status_code == 400


def test_ordinary_text_with_line_breaks_and_accents_passes(client, seeded_site):
    """Tabs, line breaks and non-ASCII text are ordinary input, not control characters."""
    assert client.get("/search/?q=trata%09de%0Apersonas%20%C3%A1").status_code == 200


def test_oembed_of_a_malformed_url_is_a_404(client, seeded_site):
    """An unclosed IPv6 bracket is not a URL of this site."""
    assert client.get("/oembed/?url=http://[::1").status_code == 404


def test_embed_with_a_malformed_referer_is_served(client, asset_slug):
    """A Referer that is not a URL only means the embed is not on a partner's site."""
    response = client.get(
        f"/embed/{asset_slug}/?partner=demo-family-services", HTTP_REFERER="http://[::1"
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v2/pages/?search=a&search_operator=xor", "search_operator must be"),
        ("/api/v2/pages/find/?id=abc", "id must be a whole number"),
        ("/api/v2/pages/?offset=99999999999999999999", "offset must be a whole number"),
        ("/api/v2/assets/?limit=-1", "limit must be a whole number"),
        ("/api/v2/facts/?child_of=x", "child_of must be a whole number"),
        ("/api/v2/pages/?first_published_at=x", "invalid format"),
        ("/api/v2/pages/?first_published_at=2026-02-30", "invalid date"),
    ],
)
def test_bad_api_parameters_are_a_400_with_a_message(client, seeded_site, url, message):
    """The API explains which parameter is wrong instead of failing."""
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_browsable_api_is_not_served_in_production(client, seeded_site):
    """?format=api is not offered outside development: a JSON 404, and no cookie."""
    response = client.get("/api/v2/pages/?format=api")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "csrftoken" not in response.cookies


def test_public_api_get_sets_no_cookie(client, seeded_site):
    """A browser opening the API gets JSON, not the browsable page, and no cookie."""
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/api/v2/pages/", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert not response.cookies


def test_nginx_adds_security_headers_to_its_own_error_pages():
    """Every add_header in the nginx configuration applies to error statuses too (`always`)."""
    conf = Path(settings.BASE_DIR, "deploy/nginx/enddemandct.conf").read_text()
    lines = [line.strip() for line in conf.splitlines() if line.strip().startswith("add_header")]
    assert any("Strict-Transport-Security" in line for line in lines)
    assert lines and all(line.endswith("always;") for line in lines)
