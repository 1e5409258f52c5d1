"""Partner sign-up: the public form makes a pending partner and tells the officers; the officer
approves or declines in the admin; an approved partner receives its code, its embed codes and
its private report link by e-mail."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client

from campaign.toolkit.forms import HONEYPOT_FIELD
from campaign.toolkit.models import Partner

from .conftest import BROWSER_UA
from .factories import OfferedAssetFactory, PartnerFactory

pytestmark = pytest.mark.django_db

FORM = {
    "organisation": "Riverside Shelter",
    "website": "https://riverside.test/",
    "contact_email": "hello@riverside.test",
    "allowed_domains": "riverside.test\nwww.riverside.test",
}


@pytest.fixture
def officer(django_user_model):
    """A communications officer: may approve partners, not a superuser."""
    group = Group.objects.create(name="Toolkit officers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="toolkit", codename__endswith="partner"),
    )
    user = django_user_model.objects.create_user(
        "officer", "officer@campaign.test", "pw", is_superuser=False
    )
    user.groups.add(group)
    return user


@pytest.fixture
def officer_client(officer) -> Client:
    client = Client()
    client.force_login(officer)
    return client


def register(client: Client, **changes):
    return client.post("/toolkit-register/", {**FORM, **changes})


def test_form_asks_for_organisation_website_email_and_domains(browser):
    """The public form has the four fields and a hidden trap for robots."""
    html = browser.get("/toolkit-register/").content.decode()
    assert "Register your organisation" in html
    for name in [*FORM, HONEYPOT_FIELD]:
        assert f'name="{name}"' in html
    assert 'class="field hp-field-row" aria-hidden="true"' in html


def test_registration_creates_a_pending_partner_with_a_code(browser):
    """A valid registration makes a pending partner whose code comes from its name."""
    response = register(browser)
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    partner = Partner.objects.get(organisation="Riverside Shelter")
    assert partner.status == "pending" and partner.code == "riverside-shelter"
    assert partner.domains == ["riverside.test", "www.riverside.test"]
    assert not Partner.objects.active().filter(pk=partner.pk).exists()


def test_registration_tells_the_officers(browser, officer):
    """Everyone who may approve partners gets one e-mail with the admin link."""
    register(browser)
    partner = Partner.objects.get(organisation="Riverside Shelter")
    assert [message.to for message in mail.outbox] == [["officer@campaign.test"]]
    assert f"/admin/snippets/toolkit/partner/edit/{partner.pk}/" in mail.outbox[0].body
    assert "riverside.test" in mail.outbox[0].body


def test_bad_registration_keeps_what_was_typed_and_says_why(browser):
    """An invalid domain is refused with a message, the other answers stay in the form."""
    response = register(browser, allowed_domains="riverside.test; script-src *")
    html = response.content.decode()
    assert response.status_code == 400 and "Not a web site domain" in html
    assert 'value="hello@riverside.test"' in html
    assert not Partner.objects.filter(organisation="Riverside Shelter").exists()


def test_robot_filling_the_trap_is_thanked_but_not_registered(browser, officer):
    """A submission with the hidden field filled looks accepted but stores and sends nothing."""
    response = register(browser, **{HONEYPOT_FIELD: "555-0100"})
    assert "Thank you" in response.content.decode()
    assert not Partner.objects.filter(organisation="Riverside Shelter").exists()
    assert mail.outbox == []


def test_one_address_cannot_register_without_limit(browser, settings):
    """Past the limit of accepted registrations per address, a clear 429 and nothing stored."""
    settings.TOOLKIT_REGISTER_RATE_LIMIT = (1, 3600)
    register(browser)
    response = register(browser, organisation="Second Shelter")
    assert response.status_code == 429
    assert "several registrations" in response.content.decode()
    assert not Partner.objects.filter(organisation="Second Shelter").exists()


def test_a_second_organisation_of_the_same_name_gets_its_own_code(browser):
    """Codes stay unique: a second registration under the same name is numbered."""
    register(browser)
    register(browser, contact_email="other@riverside.test")
    codes = sorted(
        Partner.objects.filter(organisation="Riverside Shelter").values_list("code", flat=True)
    )
    assert codes == ["riverside-shelter", "riverside-shelter-2"]


def test_officer_sees_approve_and_decline_on_a_pending_partner(officer_client):
    """The partner's edit view offers to approve or decline a pending registration."""
    partner = PartnerFactory(status="pending")
    html = officer_client.get(f"/admin/snippets/toolkit/partner/edit/{partner.pk}/").content
    assert b"Approve and send the code" in html and b"Decline" in html


def test_approval_e_mails_the_code_embed_codes_and_report_link(officer_client):
    """Approving sends the partner one e-mail with its code, embed codes and report link."""
    asset = OfferedAssetFactory()
    partner = PartnerFactory(status="pending", contact_email="hello@riverside.test")
    response = officer_client.post(f"/admin/toolkit/partners/{partner.pk}/approve/")
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.status == "approved" and partner.active
    [message] = mail.outbox
    assert message.to == ["hello@riverside.test"]
    assert partner.code in message.subject and f"?partner={partner.code}" in message.body
    assert f'data-asset="{asset.slug}"' in message.body and "<iframe" in message.body
    report_url = re.search(r"http://testserver/partner-report/[^/\s]+/", message.body).group(0)
    assert Client().get(report_url).status_code == 200


def test_approving_twice_sends_one_e_mail(officer_client):
    """A second press of Approve changes nothing and e-mails nobody again."""
    partner = PartnerFactory(status="pending")
    officer_client.post(f"/admin/toolkit/partners/{partner.pk}/approve/")
    officer_client.post(f"/admin/toolkit/partners/{partner.pk}/approve/")
    assert len(mail.outbox) == 1


def test_decline_tells_the_organisation_and_gives_no_code(officer_client):
    """A declined registration is told so and its code counts nothing."""
    partner = PartnerFactory(status="pending")
    officer_client.post(f"/admin/toolkit/partners/{partner.pk}/decline/")
    partner.refresh_from_db()
    assert partner.status == "declined" and not Partner.objects.active().filter(pk=partner.pk)
    [message] = mail.outbox
    assert message.to == [partner.contact_email] and "not able to approve" in message.body


def test_only_officers_may_approve(django_user_model):
    """An admin user without the right to change partners cannot approve one."""
    partner = PartnerFactory(status="pending")
    user = django_user_model.objects.create_user("reader", "r@campaign.test", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    assert client.post(f"/admin/toolkit/partners/{partner.pk}/approve/").status_code in (302, 403)
    partner.refresh_from_db()
    assert partner.status == "pending" and mail.outbox == []


def test_approval_is_in_the_partner_history(officer_client):
    """The approval is recorded in Wagtail's audit log under the officer's name."""
    partner = PartnerFactory(status="pending")
    officer_client.post(f"/admin/toolkit/partners/{partner.pk}/approve/")
    history = officer_client.get(f"/admin/snippets/toolkit/partner/history/{partner.pk}/")
    assert b"Partner approved" in history.content


def test_registration_page_is_never_cached(browser):
    """The form carries a CSRF token of its own: it is private and never stored."""
    assert browser.get("/toolkit-register/")["Cache-Control"] == "private, no-store"


def test_toolkit_pages_link_to_the_registration(seeded_site):
    """The toolkit page and asset pages invite organisations to register."""
    client = Client(HTTP_USER_AGENT=BROWSER_UA)
    assert b'href="/toolkit-register/"' in client.get("/toolkit/").content
    assert b'href="/toolkit-register/"' in client.get("/toolkit/no-buyers-no-trafficking/").content


def test_outside_production_the_approval_lands_in_the_local_outbox(
    officer_client, settings, tmp_path
):
    """With the development backend the approval is written as an .eml file to the outbox."""
    settings.TOOLKIT_EMAIL_BACKEND = "campaign.alerts.outbox.OutboxBackend"
    settings.ALERTS_OUTBOX_DIR = tmp_path
    partner = PartnerFactory(status="pending", contact_email="hello@riverside.test")
    officer_client.post(f"/admin/toolkit/partners/{partner.pk}/approve/")
    [eml] = tmp_path.glob("*.eml")
    message = eml.read_text()
    assert "To: hello@riverside.test" in message and partner.code in message


def test_web_site_without_scheme_is_read_as_https(browser):
    """An organisation typing its site without https:// gets it stored with https://."""
    register(browser, website="riverside.test")
    assert Partner.objects.get(organisation="Riverside Shelter").website == "https://riverside.test"
