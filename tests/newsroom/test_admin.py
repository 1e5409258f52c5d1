"""Page rules and the admin flows editors use: create, schedule by embargo, preview, review."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
)

from campaign.newsroom.dates import RELEASE_TIME_ZONE
from campaign.newsroom.models import NewsroomPage, PressReleasePage
from home.models import HomePage
from tests.demo_seed import apply_snapshot
from tests.newsroom.factories import release_form_data

FUTURE = datetime.datetime(2037, 1, 11, 10, 0, tzinfo=RELEASE_TIME_ZONE)


class NewsroomAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        # A TestCase class gets the demo seed once, in its class-wide transaction.
        apply_snapshot()

    def setUp(self):
        self.newsroom = NewsroomPage.objects.get()
        self.admin = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(self.admin)

    def release_form_data(self, **fields):
        return release_form_data(**fields)

    def test_page_rules(self):
        """One newsroom under the home page; releases only under the newsroom."""
        self.assertAllowedParentPageTypes(NewsroomPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsroomPage, {PressReleasePage})
        self.assertAllowedParentPageTypes(PressReleasePage, {NewsroomPage})
        self.assertAllowedSubpageTypes(PressReleasePage, set())
        assert not NewsroomPage.can_create_at(
            HomePage.objects.get(locale__language_code="en")
        )  # max_count 1, and it exists

    def test_editor_publishes_a_release_from_the_admin(self):
        """A release created and published in the admin is live at once."""
        self.assertCanCreate(self.newsroom, PressReleasePage, self.release_form_data())
        release = PressReleasePage.objects.get(slug="admin-made-release")
        assert release.live and release.status_line == "FOR IMMEDIATE RELEASE"
        assert list(release.topics.names()) == ["courts"]

    def test_the_go_live_time_is_the_embargo(self):
        """Publishing with a go-live time from the schedule dialog embargoes the release until
        then: the page stays off the site and the release says so."""
        data = self.release_form_data(go_live_at=FUTURE.strftime("%Y-%m-%d %H:%M"))
        self.assertCanCreate(self.newsroom, PressReleasePage, data)
        release = PressReleasePage.objects.get(slug="admin-made-release")
        assert not release.live
        assert release.embargo_until == release.release_at == FUTURE
        assert release.latest_revision.approved_go_live_at == FUTURE
        assert release.status_line == "EMBARGOED UNTIL Jan. 11, 2037, 10:00 a.m. EST"
        self.client.logout()
        assert self.client.get("/newsroom/admin-made-release/").status_code == 404

    def add_url(self) -> str:
        args = ["newsroom", "pressreleasepage", self.newsroom.pk]
        return reverse("wagtailadmin_pages:add", args=args)

    def test_the_form_has_one_scheduling_control(self):
        """The release form has no embargo field of its own beside Wagtail's schedule dialog."""
        url = reverse(
            "wagtailadmin_pages:add", args=["newsroom", "pressreleasepage", self.newsroom.pk]
        )
        html = self.client.get(url).content.decode()
        assert 'name="embargo_until"' not in html
        assert 'name="go_live_at"' in html

    def test_the_slug_follows_the_headline(self):
        """The headline field drives the slug as Wagtail's title field does."""
        url = reverse(
            "wagtailadmin_pages:add", args=["newsroom", "pressreleasepage", self.newsroom.pk]
        )
        html = self.client.get(url).content.decode()
        headline = re.search(r"<input[^>]*name=\"title\"[^>]*>", html).group(0)
        assert 'data-w-sync-target-value="#id_slug"' in headline

    def test_release_and_newsroom_are_previewable(self):
        """Wagtail's preview renders both page types from their edit forms."""
        release = PressReleasePage.objects.live().first()
        forms = [
            (release, self.release_form_data(title="Previewed headline", slug=release.slug)),
            (self.newsroom, nested_form_data({"title": "Previewed headline", "slug": "newsroom"})),
        ]
        for page, data in forms:
            preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
            state = self.client.post(preview_url, data).json()
            assert state == {"is_valid": True, "is_available": True}
            html = self.client.get(preview_url).content.decode()
            assert "<h1>Previewed headline</h1>" in html

    def test_release_is_reviewed_before_it_is_published(self):
        """A Communications member submits; another approves; only then is it live."""
        group = Group.objects.get(name="Communications")
        author, reviewer = (
            get_user_model().objects.create_user(name, f"{name}@example.org", "pw")
            for name in ("author", "reviewer")
        )
        for user in (author, reviewer):
            user.groups.add(group)
        release = PressReleasePage(title="Reviewed release", dateline="HARTFORD", body=[])
        release.live = False
        self.newsroom.add_child(instance=release)
        revision = release.save_revision(user=author)
        workflow_state = release.get_workflow().start(release, author)
        release.refresh_from_db()
        assert not release.live and workflow_state.status == "in_progress"
        task_state = workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
        release.refresh_from_db()
        assert release.live and release.live_revision_id == revision.pk
        assert Page.objects.get(pk=release.pk).live
