"""The render cache keeps pages while editors type: only what visitors could see changes the
content version, and settings that shape a page are part of every cache key."""

import pytest
from django.urls import reverse

from campaign.core import content_version
from tests.newsroom.factories import PressReleasePageFactory, publish, release_form_data

# The release factories file releases under the demo seed's newsroom.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.fixture
def release():
    return publish(PressReleasePageFactory(title="Buyers named in new report", slug="buyers"))


def edit(client, page, accept="text/html", **fields):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = release_form_data(slug=page.slug, **fields)
    return client.post(url, data, HTTP_ACCEPT=accept)


def test_an_autosaved_draft_leaves_cached_pages_cached(client, communications_member, release):
    """Wagtail's autosave of a live release changes neither the version nor the public page."""
    public = client.get(release.url).content.decode()
    before = content_version.current()
    client.force_login(communications_member)
    response = edit(client, release, accept="application/json", title="Autosaved draft title")
    assert response.status_code == 200 and response.json()["success"]
    assert content_version.current() == before
    client.logout()
    assert client.get(release.url).content.decode() == public


def test_saving_a_draft_keeps_the_content_version(client, communications_member, release):
    """The "Save draft" button on a live release leaves every cached page cached."""
    before = content_version.current()
    client.force_login(communications_member)
    assert edit(client, release, title="A draft nobody sees").status_code == 302
    assert content_version.current() == before


def test_a_new_unpublished_release_keeps_the_content_version(communications_member):
    """Creating a release that is not live yet is invisible to visitors."""
    before = content_version.current()
    PressReleasePageFactory(title="Not out yet", live=False)
    assert content_version.current() == before


def test_publishing_changes_the_content_version(release):
    """Publishing a new revision is what visitors see, so cached pages go."""
    before = content_version.current()
    release.title = "Published change"
    publish(release)
    assert content_version.current() != before


def test_turning_plausible_on_shows_on_cached_pages_at_once(client, settings, release):
    """A page cached before Plausible was configured gets the script on the next view."""
    assert "plausible" not in client.get(release.url).content.decode()
    settings.PLAUSIBLE_SCRIPT_ID = "abc123"
    assert "plausible.io/js/pa-abc123.js" in client.get(release.url).content.decode()
