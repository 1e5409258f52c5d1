"""An embargoed release is on no public surface until its time, and on each one after it."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from campaign.newsroom.models import PressReleasePage
from campaign.newsroom.seed_data import EMBARGOED_SLUG
from home.models import latest_news

from .factories import PressReleasePageFactory, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

SECRET_WORD = "Quarzenbeck"


@pytest.fixture
def embargoed(newsroom) -> PressReleasePage:
    release = PressReleasePageFactory(
        title=f"The {SECRET_WORD} announcement",
        slug="quarzenbeck-announcement",
        live=False,
        embargo_until=timezone.now() + datetime.timedelta(hours=2),
    )
    return publish(release)


def surfaces(client, release: PressReleasePage) -> dict[str, bool]:
    """Whether the release shows on each public surface, by name."""
    url = "/newsroom/quarzenbeck-announcement/"
    api_list = client.get("/api/v2/pages/", {"type": "newsroom.PressReleasePage"}).json()
    return {
        "page": client.get(url).status_code == 200,
        "plain text": client.get(url + "txt/").status_code == 200,
        "listing": SECRET_WORD in client.get("/newsroom/").content.decode(),
        "rss": SECRET_WORD in client.get("/newsroom/feed/rss/").content.decode(),
        "atom": SECRET_WORD in client.get("/newsroom/feed/atom/").content.decode(),
        "sitemap": url in client.get("/sitemap.xml").content.decode(),
        # The search page repeats the query, so look for the link to the release.
        "search": f'href="{url}"' in client.get("/search/", {"q": SECRET_WORD}).content.decode(),
        "api list": release.pk in [item["id"] for item in api_list["items"]],
        "api detail": client.get(f"/api/v2/pages/{release.pk}/").status_code == 200,
        "home page": SECRET_WORD in client.get("/").content.decode(),
        "latest news hook": release.pk in [item.pk for item in latest_news(limit=10)],
    }


def test_embargoed_release_is_on_no_public_surface(client, embargoed):
    """Before its time the release is missing from every public surface."""
    assert not embargoed.live
    shown = surfaces(client, embargoed)
    assert not any(shown.values()), [name for name, on in shown.items() if on]


def test_release_is_on_every_surface_after_publish_scheduled(client, embargoed):
    """After the embargo time, `publish_scheduled` makes the release live everywhere."""
    with time_machine.travel(embargoed.embargo_until + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
        embargoed.refresh_from_db()
        assert embargoed.live
        shown = surfaces(client, embargoed)
    assert all(shown.values()), [name for name, on in shown.items() if not on]


def test_publish_scheduled_before_the_time_changes_nothing(client, embargoed):
    """Running the command before the embargo leaves the release unpublished."""
    call_command("publish_scheduled", stdout=io.StringIO())
    embargoed.refresh_from_db()
    assert not embargoed.live
    assert client.get("/newsroom/quarzenbeck-announcement/").status_code == 404


def test_oembed_never_serves_a_release(client, seeded_release, embargoed):
    """The toolkit's oEmbed endpoint serves assets only: no release, embargoed or not."""
    for release in (seeded_release, embargoed):
        response = client.get("/oembed/", {"url": release.get_full_url()})
        assert response.status_code == 404
        assert release.title not in response.content.decode()


def test_embargo_sets_scheduled_publishing(embargoed):
    """Saving an embargo schedules Wagtail's go-live at the embargo time."""
    revision = embargoed.latest_revision
    assert embargoed.go_live_at == embargoed.embargo_until
    assert revision.approved_go_live_at == embargoed.embargo_until
    assert embargoed.release_at == embargoed.embargo_until


def test_calling_off_the_embargo_publishes_at_once(client, embargoed):
    """Removing the embargo and publishing makes the release live now, not at the old time."""
    draft = embargoed.get_latest_revision_as_object()
    draft.embargo_until = None
    publish(draft)
    embargoed.refresh_from_db()
    assert embargoed.live and embargoed.go_live_at is None
    assert client.get("/newsroom/quarzenbeck-announcement/").status_code == 200


def test_live_page_with_future_embargo_stays_hidden(client, newsroom):
    """Even a page forced live early is kept off the page, the listing and the feeds."""
    release = publish(PressReleasePageFactory(title=f"{SECRET_WORD} forced live"))
    PressReleasePage.objects.filter(pk=release.pk).update(
        embargo_until=timezone.now() + datetime.timedelta(days=1)
    )
    assert client.get(release.url).status_code == 404
    assert client.get(release.url + "txt/").status_code == 404
    assert SECRET_WORD not in client.get("/newsroom/").content.decode()
    assert SECRET_WORD not in client.get("/newsroom/feed/rss/").content.decode()
    assert release.url not in client.get("/sitemap.xml").content.decode()
    assert release.pk not in [item["id"] for item in client.get("/api/v2/pages/").json()["items"]]
    assert not PressReleasePage.objects.filter(pk=release.pk).live().released().exists()


def test_seeded_embargoed_release_is_scheduled_and_hidden(client):
    """The demo's embargoed release waits in the admin, scheduled, and is not public."""
    release = PressReleasePage.objects.get(slug=EMBARGOED_SLUG)
    assert release.is_embargoed and not release.live
    assert release.latest_revision.approved_go_live_at == release.embargo_until
    assert client.get("/newsroom/" + EMBARGOED_SLUG + "/").status_code == 404
    assert release.title not in client.get("/newsroom/").content.decode()


def test_admin_can_still_preview_an_embargoed_draft(admin_client, embargoed):
    """Wagtail's own admin preview shows the embargoed draft to editors."""
    response = admin_client.get(f"/admin/pages/{embargoed.pk}/view_draft/")
    assert response.status_code == 200
    assert SECRET_WORD in response.content.decode()
