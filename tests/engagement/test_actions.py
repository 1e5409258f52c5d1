"""Action form pages: seeded per goal, usable without JavaScript, protected from spam, and
their submissions readable and exportable in the admin."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

from campaign.core.counts import get_count_sources
from campaign.engagement.models import ActionFormPage

from .test_sync import pledge_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pledge() -> ActionFormPage:
    return ActionFormPage.objects.get(slug="leaders-pledge")


def test_three_action_pages_are_seeded_for_goals_2_3_and_4():
    """The pledge, training request and legislator pages exist, live, each tied to its goal."""
    pages = {
        p.slug: p.goal.number
        for p in ActionFormPage.objects.live().filter(locale__language_code="en")
    }
    assert pages == {"leaders-pledge": 2, "request-training": 3, "tell-your-legislator": 4}


def test_form_page_renders_a_plain_html_form(client, pledge):
    """The form posts to itself with a CSRF token and labelled fields, no script needed."""
    html = client.get(pledge.url).content.decode()
    assert f'action="{pledge.url}" method="post"' in html
    assert "csrfmiddlewaretoken" in html
    assert '<label for="id_your_name">Your name (required)</label>' in html
    assert 'data-event="Form: Leaders pledge"' in html
    assert "Campaign goal 2 of 4" in html


def test_honeypot_is_hidden_by_a_css_class_not_inline_style(client, pledge):
    """The trap field carries a class hidden by the stylesheet; there is no style attribute."""
    html = client.get(pledge.url).content.decode()
    assert 'class="field hp-field-row" aria-hidden="true"' in html
    assert 'tabindex="-1"' in html
    assert "style=" not in html


def test_legislator_page_has_a_script_and_finder_links(client):
    """'Tell your legislator' gives words to use and where to find one's legislators."""
    page = ActionFormPage.objects.get(slug="tell-your-legislator")
    html = client.get(page.url).content.decode()
    assert "https://www.cga.ct.gov/asp/menu/cgafindleg.asp" in html
    assert "You can use these words or your own" in html


def test_valid_submission_is_stored_and_thanked(client, pledge):
    """A complete pledge is stored with its answers and the thank-you text is shown."""
    response = client.post(pledge.url, pledge_data(), REMOTE_ADDR="10.0.0.1")
    assert "Thank you for taking the pledge" in response.content.decode()
    submission = FormSubmission.objects.get(page=pledge)
    assert submission.get_data()["office_or_organisation"] == "Town of Example"
    assert "website" not in submission.form_data


def test_bad_input_re_renders_with_clear_errors_and_stores_nothing(client, pledge):
    """A missing name and a bad e-mail come back as a 400 with messages by each field."""
    data = pledge_data() | {"your_name": "", "email": "not-an-email"}
    response = client.post(pledge.url, data, REMOTE_ADDR="10.0.0.2")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please check the form" in html
    assert "This field is required." in html
    assert "Enter a valid email address." in html
    assert 'value="Town of Example"' in html  # what was typed is kept
    assert not FormSubmission.objects.filter(page=pledge).exists()


def test_honeypot_submission_looks_accepted_but_is_dropped(client, pledge):
    """A bot that fills the hidden field sees the thank-you page, but nothing is stored."""
    data = pledge_data() | {"website": "http://spam.example"}
    response = client.post(pledge.url, data, REMOTE_ADDR="10.0.0.3")
    assert "Thank you for taking the pledge" in response.content.decode()
    assert not FormSubmission.objects.filter(page=pledge).exists()


def test_rate_limit_stops_the_sixth_submission_from_one_address(client, pledge):
    """After five submissions in an hour from one address the next gets a 429 and a message."""
    for _ in range(5):
        assert client.post(pledge.url, pledge_data(), REMOTE_ADDR="10.0.0.4").status_code == 200
    response = client.post(pledge.url, pledge_data(), REMOTE_ADDR="10.0.0.4")
    assert response.status_code == 429
    assert "Please try again later" in response.content.decode()
    assert FormSubmission.objects.filter(page=pledge).count() == 5
    other = client.post(pledge.url, pledge_data(), REMOTE_ADDR="10.0.0.5")
    assert other.status_code == 200


def test_rate_limit_keeps_no_ip_address(client, pledge):
    """The cache key is a hash: the address appears in no key and no stored submission."""
    client.post(pledge.url, pledge_data(), REMOTE_ADDR="10.0.0.6")
    keys = [key for key in cache._cache if "engagement:submissions" in key]
    assert keys and not any("10.0.0.6" in key for key in keys)
    assert "10.0.0.6" not in str(FormSubmission.objects.get(page=pledge).form_data)


def test_submissions_count_toward_their_form_and_in_total(
    client, pledge, django_assert_max_num_queries
):
    """The count sources for the pledge and for all forms include today's submission."""
    client.post(pledge.url, pledge_data(), REMOTE_ADDR="10.0.0.7")
    sources = get_count_sources()
    today = timezone.localdate()
    day_before = today - datetime.timedelta(days=1)
    assert sources["engagement.form_submissions.leaders-pledge"].count(day_before, today) == 1
    assert sources["engagement.form_submissions.request-training"].count(day_before, today) == 0
    assert sources["engagement.form_submissions"].count(day_before, today) == 1


def test_spanish_submissions_count_toward_the_same_form_and_goal(client, pledge):
    """The Spanish pledge (its own Spanish fields) counts under the English pledge's source."""
    spanish = pledge.get_translation(Locale.objects.get(language_code="es"))
    assert spanish.goal.translation_key == pledge.goal.translation_key
    values = {"email": "ana@example.org", "checkbox": "on"}
    data = {f.clean_name: values.get(f.field_type, "Ejemplo") for f in spanish.form_fields.all()}
    assert "su_nombre" in data  # the Spanish copy's fields are Spanish
    response = client.post(spanish.url, data, REMOTE_ADDR="10.0.0.8")
    assert "Gracias por firmar" in response.content.decode()
    client.post(pledge.url, pledge_data(), REMOTE_ADDR="10.0.0.9")
    sources = get_count_sources()
    today = timezone.localdate()
    assert sources["engagement.form_submissions.leaders-pledge"].count(today, today) == 2
    assert "engagement.form_submissions.compromiso-de-lideres" not in sources
    assert sources["engagement.form_submissions"].count(today, today) == 2


def test_officer_reads_and_exports_submissions_in_the_admin(admin_client, client, pledge):
    """The admin submissions listing shows the pledge, and the CSV export contains it."""
    client.post(pledge.url, pledge_data(), REMOTE_ADDR="10.0.0.8")
    listing = admin_client.get(f"/admin/forms/submissions/{pledge.pk}/")
    assert "Town of Example" in listing.content.decode()
    export = admin_client.get(f"/admin/forms/submissions/{pledge.pk}/?export=csv")
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Your name" in body.splitlines()[0] or "your_name" in body.splitlines()[0]
    assert "Pat Example" in body
    xlsx = admin_client.get(f"/admin/forms/submissions/{pledge.pk}/?export=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
