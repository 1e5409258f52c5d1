"""The communications officer's journey through the Wagtail admin in a real browser, as a member
of the Communications group made by `setup_communications_group` (not a superuser), with no
shell: two-factor sign-in, a press release with an image and a media contact whose slug follows
its headline, the embargo set as the go-live time in Wagtail's schedule dialog, review and
scheduling, an embargoed preview link copied with its button and opened, an embed code copied, a
media alert from the release sent through the provider (a local stand-in) whose webhook events
come back, and the engagement report with today's counts and "Sync now"."""

import base64
import datetime
import io
import re
import urllib.request

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp

from campaign.alerts.models import MediaAlert, MediaList
from campaign.newsroom.models import NewsroomPage, PressReleasePage
from campaign.toolkit.models import CampaignAsset
from tests.alerts.esp_stub import ESPStub
from tests.alerts.webhook_events import SECRET, postmark_body

from .conftest import needs_chromium, sync_api

expect = sync_api.expect

pytestmark = [
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("seeded_site"),
]

PASSWORD = "correct horse battery staple"
EMAIL = "comms@example.org"
HEADLINE = "Council asks the General Assembly to register buyers of children"
SLUG = "council-asks-the-general-assembly-to-register-buyers-of-children"
MEDIA_LIST = "Policy reporters"


@pytest.fixture
def officer(db):
    """What a real installation has: the group as the command sets it up, and a member."""
    Group.objects.filter(name="Communications").delete()
    call_command("setup_communications_group", stdout=io.StringIO())
    user = get_user_model().objects.create_user(username="comms", email=EMAIL, password=PASSWORD)
    user.groups.add(Group.objects.get(name="Communications"))
    return user


@pytest.fixture
def esp(settings):
    """Alerts go through Anymail's Postmark backend to a stand-in on 127.0.0.1."""
    stub = ESPStub().start()
    settings.ALERTS_ESP = "postmark"
    settings.ANYMAIL = {**settings.ANYMAIL, "POSTMARK_API_URL": f"{stub.url}/"}
    yield stub
    stub.stop()


def read_clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def sign_in_with_two_factor(page, site_url: str) -> None:
    """Password, then enrol an authenticator from the key the page shows and type its code."""
    page.goto(f"{site_url}/admin/")
    page.get_by_label("Username").fill("comms")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile("/enrol"))
    secret = page.locator("main code").inner_text().strip()
    page.get_by_label("Six-digit code from your authenticator app").fill(
        f"{totp(base64.b32decode(secret)):06d}"
    )
    page.get_by_role("button", name="Confirm and continue").click()
    page.wait_for_url(f"{site_url}/admin/")


def write_release(page, site_url: str) -> None:
    """Fill in a new release under the newsroom: text, an image block, a contact; the slug
    comes from the headline."""
    newsroom = NewsroomPage.objects.get()
    page.goto(f"{site_url}/admin/pages/add/newsroom/pressreleasepage/{newsroom.pk}/")
    page.locator("#id_title").press_sequentially(HEADLINE)
    page.fill("#id_summary", "The Council wants buyers of children on the sex offender registry.")
    page.locator("button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type("The Council brings four recommendations on buyers to the legislature.")
    page.locator("button[title='Insert a block']").last.click()
    page.get_by_role("option", name="Image").click()
    page.get_by_role("button", name="Choose an image").click()
    # The library holds every size's artwork too: search, as an officer would.
    page.get_by_role("dialog").get_by_placeholder("Search").fill("Look at who is buying")
    page.locator("a.image-choice[title='Poster: Look at who is buying']").click()
    page.locator("[data-chooser-title]", has_text="Poster: Look at who is buying").wait_for()
    page.get_by_label("Christine Palm", exact=False).check()
    page.get_by_role("tab", name="Promote").click()
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    page.get_by_role("tab", name="Content").click()


def track_posts(page) -> set:
    """The page's POST requests still under way (Wagtail's autosave among them)."""
    pending: set = set()
    page.on("request", lambda request: request.method == "POST" and pending.add(request))
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", lambda request: pending.discard(request))
    return pending


def schedule(page, embargo: datetime.datetime, pending_posts: set) -> None:
    """Set the embargo as the go-live time in Wagtail's schedule dialog, and save the draft.

    First, as an officer reading back what they typed would, let Wagtail's autosave (500 ms
    after the last change) store the text: an autosave sent before the schedule was set and
    finished after its save would otherwise leave a latest draft without the go-live time."""
    page.wait_for_timeout(700)
    for _ in range(100):  # at most 10 s: a save that never ends fails at the next step
        if not pending_posts:
            break
        page.wait_for_timeout(100)
    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("#id_go_live_at").fill(embargo.strftime("%Y-%m-%d %H:%M"))
    # The date picker stays open over the button in a 720 px high window: press the button
    # itself, as the keyboard would.
    with page.expect_navigation():
        dialog.get_by_role("button", name="Save schedule").evaluate("button => button.click()")


def footer_action(page, name: str) -> None:
    """Press one of the editor's actions under the footer's 'More actions' menu."""
    page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def click_when_still(page, locator) -> None:
    """Click a control once the page has stopped moving it: on the alert page the messages bar
    slides in after load and pushes the buttons down, so a click aimed too early lands elsewhere."""
    locator.scroll_into_view_if_needed()
    box, previous = locator.bounding_box(), None
    while box != previous:
        page.wait_for_timeout(150)
        previous, box = box, locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def post_webhook(site_url: str, body: str) -> int:
    """Post a tracking event as Postmark does: JSON, with the webhook's basic-auth secret."""
    request = urllib.request.Request(
        f"{site_url}/anymail/postmark/tracking/",
        data=body.encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": "Basic " + base64.b64encode(SECRET.encode()).decode(),
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def delivery_cells(page) -> dict[str, str]:
    table = page.locator("#alert-counts + table")
    headings = table.locator("thead th").all_inner_texts()
    return dict(zip(headings, table.locator("tbody td").all_inner_texts(), strict=True))


def test_officer_publishes_an_embargoed_release_and_alerts_the_press(
    site_url, new_context, settings, officer, esp, shot
):
    """From sign-in to the dashboard, each step shows the officer what they expect."""
    settings.ADMIN_REQUIRE_2FA = True
    settings.WAGTAILADMIN_BASE_URL = site_url
    settings.ALERTS_BASE_URL = site_url
    embargo = (
        (timezone.now() + datetime.timedelta(days=2))
        .astimezone(timezone.get_current_timezone())
        .replace(second=0, microsecond=0)
    )
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    pending_posts = track_posts(page)

    sign_in_with_two_factor(page, site_url)
    shot(page, "signed-in")

    write_release(page, site_url)
    shot(page, "release-written")
    schedule(page, embargo, pending_posts)
    # Created by this save, or already by Wagtail's autosave while the officer typed.
    expect(page.locator(".messages")).to_contain_text(re.compile("created|updated"))
    release = PressReleasePage.objects.get(slug=SLUG)
    # When autosave created the page first, the schedule lives in the latest draft, as in
    # Wagtail a draft's changes to an unpublished page are kept in its revisions.
    assert release.get_latest_revision_as_object().embargo_until == embargo
    shot(page, "release-scheduled")
    footer_action(page, "Submit to Press release review")
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")
    assert release.current_workflow_state.status == "in_progress"

    page.goto(f"{site_url}/admin/pages/{release.pk}/edit/")
    footer_action(page, "Approve and Publish")
    expect(page.locator(".messages")).to_contain_text("has been updated")
    shot(page, "approved")
    release.refresh_from_db()
    assert not release.live
    assert release.scheduled_revision.approved_go_live_at == embargo
    page.goto(f"{site_url}/newsroom/{SLUG}/")
    assert page.get_by_role("heading", level=1).inner_text() != HEADLINE

    page.goto(f"{site_url}/admin/newsroom/releases/{release.pk}/preview-links/")
    page.get_by_label("Note").fill("AP Hartford desk")
    page.get_by_role("button", name="Create preview link").click()
    expect(page.locator(".messages")).to_contain_text("Preview link created")
    # The officer copies the link with its button and passes on what the clipboard holds.
    page.locator(".preview-link-copy").first.get_by_role("button", name="Copy").click()
    expect(page.locator(".preview-link-copy").first).to_contain_text("Copied")
    preview_url = read_clipboard(page)
    assert preview_url == page.locator("table.listing input[readonly]").first.input_value()
    assert preview_url.startswith(f"{site_url}/press-preview/")
    shot(page, "preview-link")
    outsider = new_context().new_page()
    outsider.goto(preview_url)
    assert "EMBARGOED" in outsider.locator(".release__status").inner_text()
    assert outsider.get_by_role("heading", level=1).inner_text() == HEADLINE
    # The image loads lazily: a journalist scrolls to it, and it must then show.
    picture = outsider.locator(".release__body img")
    picture.scroll_into_view_if_needed()
    outsider.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle(), timeout=10_000
    )
    assert "Christine Palm" in outsider.locator(".release__contacts").inner_text()
    shot(outsider, "preview-as-journalist")

    page.goto(f"{site_url}/admin/alerts/from-release/{release.pk}/")
    page.get_by_role("button", name="Draft the alert").click()
    page.wait_for_url(re.compile("/edit/"))
    alert = MediaAlert.objects.get(release=release)
    page.locator("#id_lists").select_option(label=MEDIA_LIST)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("updated")
    page.goto(f"{site_url}/admin/alerts/alert/{alert.pk}/")
    expect(page.get_by_label("Send a test to")).to_have_value(EMAIL)
    with page.expect_navigation():
        click_when_still(page, page.get_by_role("button", name="Send a test"))
    expect(page.locator(".messages")).to_contain_text(f"Test sent to {EMAIL}")
    assert esp.state.recipients() == {EMAIL: 1}
    journalists = set(
        MediaList.objects.get(name=MEDIA_LIST).contacts.values_list("email", flat=True)
    )
    with page.expect_navigation():
        click_when_still(page, page.get_by_role("button", name="Send now, or at the time chosen…"))
    expect(page.locator(".recipient-count")).to_contain_text(
        f"It goes to {len(journalists)} contacts."
    )
    shot(page, "confirm-send")
    assert esp.state.recipients() == {EMAIL: 1}
    with page.expect_navigation():
        page.get_by_role("button", name=f"Yes, send to {len(journalists)} contacts").click()
    expect(page.locator(".messages")).to_contain_text("Sending has started.")
    sent = [message for message in esp.state.messages if message.to != EMAIL]
    assert {message.to for message in sent} == journalists
    assert all(message.subject.startswith("EMBARGOED until ") for message in sent)
    own_links = {re.search(r"/press-preview/[^/\s]+/", m.text).group(0) for m in sent}
    assert len(own_links) == len(journalists)

    for message in sent:
        assert post_webhook(site_url, postmark_body(message, "delivered")) == 200
    assert post_webhook(site_url, postmark_body(sent[0], "opened")) == 200
    page.reload()
    cells = delivery_cells(page)
    assert cells["Sent"] == str(len(journalists))
    assert cells["Delivered"].startswith(f"{len(journalists)} (100%)")
    assert cells["Opened"].startswith("1 ")
    shot(page, "alert-delivery-counts")

    # An asset's embed codes are copied the same way, for a partner's web site.
    asset = CampaignAsset.objects.exclude(image=None).first()
    page.goto(f"{site_url}/admin/snippets/toolkit/campaignasset/edit/{asset.pk}/")
    code_field = page.locator("textarea[id^=admin-code-]").first
    button = page.locator("button[data-copy]").first
    button.scroll_into_view_if_needed()
    button.click()
    expect(page.locator("[data-copy-status]")).to_have_text("Copied to the clipboard.")
    assert read_clipboard(page) == code_field.input_value()
    assert "/embed" in code_field.input_value()
    shot(page, "embed-code-copied")

    # "Sync now" stores today's counts in the background; the report then shows the deliveries.
    page.goto(f"{site_url}/admin/engagement/")
    with page.expect_navigation():
        page.get_by_role("button", name="Sync now").click()
    expect(page.locator(".messages")).to_contain_text("Sync started in the background")
    expect(page.locator(".engagement-report__controls")).to_contain_text("Last sync finished")
    deliveries = page.get_by_role("row").filter(has_text="Media alert deliveries")
    expect(deliveries).to_contain_text(f"{len(journalists)} / ")
    shot(page, "engagement-dashboard")
    context.close()
