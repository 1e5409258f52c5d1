"""'Get our releases': the newsroom's sign-up with double opt-in through the local outbox, its
spam guard and rate limit, and the officer's review."""

import datetime
import email
import re

import pytest
import time_machine
from django.core import mail
from wagtail.models import ModelLogEntry

from campaign.alerts import actions, signups
from campaign.alerts.models import ContactState, NewsroomSignup, PressContact
from campaign.newsroom.models import NewsroomPage

from .factories import MediaAlertFactory, MediaListFactory, PressContactFactory, release_for_alert

# The release factories file releases under the demo seed's newsroom.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

FORM = {
    "name": "Rita Reporter",
    "email": "Rita@Example.com",
    "outlet": "Example Post",
    "beat": "Courts",
}
CONFIRM_LINK = re.compile(r"https://testserver(/alerts/subscribe/confirm/[\w-]+/)")


@pytest.fixture
def outbox(settings, tmp_path):
    """Alerts' e-mail goes to the local outbox: .eml files in a folder, as in development."""
    settings.ALERTS_EMAIL_BACKEND = "campaign.alerts.outbox.OutboxBackend"
    settings.ALERTS_OUTBOX_DIR = tmp_path
    return tmp_path


def outbox_messages(folder) -> list[email.message.Message]:
    return [email.message_from_bytes(path.read_bytes()) for path in sorted(folder.glob("*.eml"))]


def confirmation_path(message) -> str:
    return CONFIRM_LINK.search(message.get_payload(decode=True).decode()).group(1)


def confirmed_signup(client) -> NewsroomSignup:
    client.post("/alerts/subscribe/", FORM)
    signup = NewsroomSignup.objects.get()
    client.post(f"/alerts/subscribe/confirm/{signup.token}/")
    return NewsroomSignup.objects.get()


def test_double_opt_in_end_to_end_through_the_local_outbox(client, outbox):
    """Signing up writes a confirmation to the outbox; only confirming makes a contact."""
    response = client.post("/alerts/subscribe/", FORM)
    assert response.status_code == 200 and "Check your inbox" in response.content.decode()
    [message] = outbox_messages(outbox)
    assert message["To"] == "rita@example.com"
    assert not PressContact.objects.filter(email="rita@example.com").exists()
    path = confirmation_path(message)
    asked = client.get(path)
    assert "Yes, send me your releases" in asked.content.decode()
    assert not PressContact.objects.filter(email="rita@example.com").exists()
    done = client.post(path)
    assert "your address is confirmed" in done.content.decode()
    contact = PressContact.objects.get(email="rita@example.com")
    assert contact.state == ContactState.ACTIVE and contact.outlet == "Example Post"
    assert [media_list.name for media_list in contact.lists.all()] == ["Subscribers"]
    assert NewsroomSignup.objects.get().review == "pending"


def test_form_is_on_the_newsroom_and_on_each_release(client):
    """Both the newsroom and a release carry the 'Get our releases' form."""
    release = release_for_alert(embargoed=False)
    for url in (NewsroomPage.objects.get().url, release.url):
        html = client.get(url).content.decode()
        assert 'action="/alerts/subscribe/"' in html and "Get our releases" in html


def test_form_carries_no_per_visitor_token(client):
    """The form has no CSRF token, so the cached newsroom page is the same for everyone."""
    html = client.get(NewsroomPage.objects.get().url).content.decode()
    form = html[html.index('action="/alerts/subscribe/"') :]
    form = form[: form.index("</form>")]
    assert "csrfmiddlewaretoken" not in form


def test_bad_address_is_refused_and_nothing_is_sent(client, outbox):
    """An invalid address gets a 400 with the reason, the other answers kept, and no e-mail."""
    response = client.post("/alerts/subscribe/", {**FORM, "email": "not-an-address"})
    html = response.content.decode()
    assert response.status_code == 400 and "Enter a valid email address." in html
    assert 'value="Example Post"' in html
    assert outbox_messages(outbox) == [] and not NewsroomSignup.objects.exists()


def test_honeypot_catches_bots_without_telling_them(client, outbox):
    """A filled-in hidden field looks like success but stores and sends nothing."""
    response = client.post("/alerts/subscribe/", {**FORM, "website": "http://spam.example"})
    assert "Check your inbox" in response.content.decode()
    assert outbox_messages(outbox) == [] and not NewsroomSignup.objects.exists()


def test_sign_ups_are_rate_limited(client, settings, outbox):
    """Past the limit a connection gets a 429 with a clear message and no more e-mails."""
    settings.ALERTS_SIGNUP_RATE_LIMIT = (2, 3600)
    for n in range(2):
        client.post("/alerts/subscribe/", {**FORM, "email": f"r{n}@example.com"})
    response = client.post("/alerts/subscribe/", {**FORM, "email": "r3@example.com"})
    assert response.status_code == 429 and "Too many requests" in response.content.decode()
    assert len(outbox_messages(outbox)) == 2


def test_empty_post_is_a_400_and_past_the_limit_a_429(client, settings):
    """A POST without the form's fields (a bot, a JSON body) is refused, within the limit or not."""
    settings.ALERTS_SIGNUP_RATE_LIMIT = (1, 3600)
    assert client.post("/alerts/subscribe/").status_code == 400
    response = client.post("/alerts/subscribe/", "{}", content_type="application/json")
    assert response.status_code == 429 and "Too many requests" in response.content.decode()


def test_expired_confirmation_link_is_refused(client):
    """A week later the link no longer confirms and says how to start again."""
    client.post("/alerts/subscribe/", FORM)
    signup = NewsroomSignup.objects.get()
    with time_machine.travel(signup.created_at + datetime.timedelta(days=8)):
        response = client.post(f"/alerts/subscribe/confirm/{signup.token}/")
    assert response.status_code == 410 and "expired" in response.content.decode()
    assert not PressContact.objects.filter(email="rita@example.com").exists()


def test_signing_up_again_never_lifts_a_suppression(client):
    """A do-not-contact or bounced address stays so after a confirmed sign-up."""
    PressContactFactory(email="rita@example.com", state=ContactState.DO_NOT_CONTACT)
    confirmed_signup(client)
    assert PressContact.objects.get(email="rita@example.com").state == "do_not_contact"


def test_officer_accepts_a_subscriber_into_lists(client, editor_user):
    """A Communications member adds the subscriber to lists; the decision is audit-logged."""
    signup = confirmed_signup(client)
    hartford = MediaListFactory(name="Hartford TV test")
    client.force_login(editor_user)
    listing = client.get("/admin/snippets/alerts/newsroomsignup/").content.decode()
    assert f"/admin/alerts/signups/{signup.pk}/review/" in listing
    response = client.post(
        f"/admin/alerts/signups/{signup.pk}/review/", {"lists": [hartford.pk], "decision": "accept"}
    )
    assert response.status_code == 302
    contact = PressContact.objects.get(email="rita@example.com")
    assert sorted(m.name for m in contact.lists.all()) == ["Hartford TV test", "Subscribers"]
    assert ModelLogEntry.objects.filter(
        object_id=str(signup.pk), action="alerts.signup_accept", user=editor_user
    ).exists()


def test_officer_declines_a_subscriber(client, editor_user):
    """Declining takes the subscriber off the Subscribers list."""
    signup = confirmed_signup(client)
    client.force_login(editor_user)
    client.post(f"/admin/alerts/signups/{signup.pk}/review/", {"decision": "decline"})
    assert not PressContact.objects.get(email="rita@example.com").lists.exists()
    assert NewsroomSignup.objects.get().review == "declined"


def test_subscribers_receive_alerts_under_the_same_rules(
    client, admin_user, django_capture_on_commit_callbacks
):
    """An alert to Subscribers reaches the subscriber, not one who has since unsubscribed."""
    confirmed_signup(client)
    client.post("/alerts/subscribe/", {**FORM, "email": "gone@example.com"})
    gone = NewsroomSignup.objects.get(email="gone@example.com")
    client.post(f"/alerts/subscribe/confirm/{gone.token}/")
    PressContact.objects.get(email="gone@example.com").suppress(ContactState.UNSUBSCRIBED)
    mail.outbox.clear()
    alert = MediaAlertFactory(lists=[signups.subscribers_list()])
    with django_capture_on_commit_callbacks(execute=True):
        actions.schedule_alert(alert, None, admin_user)
    assert [message.to for message in mail.outbox] == [["rita@example.com"]]
