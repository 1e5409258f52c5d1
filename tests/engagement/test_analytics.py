"""The Plausible script on public pages, and off-site events sent through the Events API."""

import re

import pytest
from django_tasks_db.models import DBTaskResult

from campaign.core.signals import offsite_event
from campaign.engagement.models import ActionFormPage
from campaign.engagement.tasks import send_event_in_background
from home.models import GoalPage

SCRIPT_ID = "Zx81TestScript"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

GLUE_RE = re.compile(r'<script defer src="/static/js/analytics.js"[^>]*>')


def test_no_plausible_script_without_a_script_id(client, settings):
    """With PLAUSIBLE_SCRIPT_ID empty, pages carry no Plausible script and no analytics glue."""
    settings.PLAUSIBLE_SCRIPT_ID = ""
    html = client.get("/").content.decode()
    assert "/js/pa-" not in html
    assert "analytics.js" not in html


def test_the_sites_own_script_loads_after_the_init_glue(client, settings):
    """A page loads Plausible's per-site script from PLAUSIBLE_BASE_URL after analytics.js."""
    settings.PLAUSIBLE_SCRIPT_ID = SCRIPT_ID
    settings.PLAUSIBLE_BASE_URL = "https://stats.example.org"
    html = client.get("/").content.decode()
    script = f'<script defer src="https://stats.example.org/js/pa-{SCRIPT_ID}.js"></script>'
    assert script in html
    assert html.index("/static/js/analytics.js") < html.index(script)


def test_goal_page_passes_its_goal_to_plausible_init(client, settings):
    """A goal page hands its goal's slug to analytics.js for the "goal" custom property."""
    settings.PLAUSIBLE_SCRIPT_ID = SCRIPT_ID
    page = GoalPage.objects.get(locale__language_code="en", goal__number=3)
    [tag] = GLUE_RE.findall(client.get(page.url).content.decode())
    assert 'data-goals="support-law-enforcement"' in tag


def test_action_page_is_tagged_with_its_goal(client, settings):
    """An action page's pageviews carry its goal's slug."""
    settings.PLAUSIBLE_SCRIPT_ID = SCRIPT_ID
    page = ActionFormPage.objects.get(slug="tell-your-legislator")
    html = client.get(page.url).content.decode()
    assert 'data-goals="improve-public-policy"' in GLUE_RE.findall(html)[0]


def test_pages_have_no_inline_scripts(client, settings):
    """Every script on the page loads from a file, so a strict CSP can forbid inline code."""
    settings.PLAUSIBLE_SCRIPT_ID = SCRIPT_ID
    html = client.get(ActionFormPage.objects.get(slug="leaders-pledge").url).content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert len(scripts) >= 3
    for attributes, body in scripts:
        assert "src=" in attributes and body.strip() == ""


def test_analytics_glue_is_served_inits_plausible_and_tags_hotline_and_forms(client):
    """static/js/analytics.js is served, calls plausible.init, handles clicks, tel:/sms:, forms."""
    response = client.get("/static/js/analytics.js")
    body = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert "window.plausible.init(" in body and "customProperties" in body
    assert "a[href^='tel:']" in body and "form[data-event]" in body


def test_offsite_event_signal_reaches_the_events_api(plausible):
    """An app's offsite_event signal ends up as an event at Plausible with its props."""
    offsite_event.send(
        sender=None, name="Embed impression", url="https://partner.example/x", props={"asset": "p"}
    )
    [request] = [r for r in plausible.requests if r["path"] == "/api/event"]
    assert request["json"]["name"] == "Embed impression"
    assert request["json"]["props"] == {"asset": "p"}
    assert request["headers"]["X-Forwarded-For"] == "127.0.0.1"


def test_offsite_events_are_not_sent_without_plausible(settings, plausible):
    """With no site id nothing is queued or sent."""
    settings.PLAUSIBLE_SITE_ID = ""
    assert send_event_in_background("Embed impression", "https://partner.example/x") is False
    assert plausible.requests == []


def test_events_api_failure_never_reaches_the_sender(plausible, caplog):
    """Plausible refusing the event is logged; the sender sees no exception."""
    plausible.fail_next(400, '{"errors": {"domain": ["is invalid"]}}')
    assert send_event_in_background("Embed click", "https://partner.example/x", {}) is True
    assert "Could not send event 'Embed click'" in caplog.text


def test_with_the_database_queue_the_event_waits_for_a_worker(plausible, settings):
    """In production (database task backend) sending returns at once; a worker sends it later."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    assert send_event_in_background("Embed impression", "https://partner.example/x") is True
    assert plausible.requests == []
    [queued] = DBTaskResult.objects.filter(task_path__endswith="send_plausible_event")
    # Run it as the db_worker would; the worker command itself closes the test's connection.
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
    assert [r["json"]["name"] for r in plausible.requests] == ["Embed impression"]
