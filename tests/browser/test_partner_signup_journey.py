"""A new partner's journey in a real browser: an organisation registers on the toolkit from a
phone, a Communications officer (not a superuser) approves it in the admin from the e-mail that
told them, the organisation receives its code and report link, and reads its report and CSV."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from campaign.toolkit.counting import Where, record_use
from campaign.toolkit.models import CampaignAsset, Partner

from .conftest import needs_chromium

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def officer(seeded_site):
    user = get_user_model().objects.create_user(
        username="officer", email="officer@campaign.test", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name="Communications"))
    return user


def link_in(body: str, pattern: str) -> str:
    return re.search(pattern, body).group(0)


def test_sign_up_approval_e_mail_and_report(site_url, new_context, officer, shot):
    """Register, get approved from the notice e-mail, receive the code, read report and CSV."""
    organisation = new_context(viewport=PHONE, accept_downloads=True).new_page()
    organisation.goto(f"{site_url}/toolkit/")
    organisation.get_by_role("link", name="register your organisation").click()
    organisation.get_by_label("Organisation").fill("Riverside Shelter")
    organisation.get_by_label("Web site").fill("https://riverside.test/")
    organisation.get_by_label("Contact e-mail").fill("hello@riverside.test")
    organisation.get_by_label("Domains you will embed on").fill("riverside.test")
    shot(organisation, "form")
    organisation.get_by_role("button", name="Register").click()
    organisation.get_by_role("heading", name="Thank you").wait_for()
    shot(organisation, "thanks")

    [notice] = mail.outbox
    assert notice.to == ["officer@campaign.test"]
    admin_context = new_context(
        viewport={"width": 1366, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    admin = admin_context.new_page()
    admin.goto(
        link_in(notice.body, r"http://testserver(/admin/\S+)").replace(
            "http://testserver", site_url
        )
    )
    admin.get_by_label("Username").fill("officer")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Sign in").click()
    admin.get_by_role("button", name="Approve and send the code").click()
    admin.get_by_text("is approved").wait_for()
    shot(admin, "approved")

    partner = Partner.objects.get(organisation="Riverside Shelter")
    assert partner.status == "approved"
    approval = mail.outbox[-1]
    assert approval.to == ["hello@riverside.test"] and partner.code in approval.body
    asset = CampaignAsset.objects.active().first()
    record_use(asset.pk, Where(partner=partner), "impression", "square")
    record_use(asset.pk, Where(partner=partner), "click", "square")

    organisation.goto(link_in(approval.body, rf"{re.escape(site_url)}/partner-report/\S+/"))
    row = organisation.locator("table.toolkit-report tbody tr").first
    assert asset.title in row.inner_text() and re.search(r"\t1\t1\t0\t0$", row.inner_text())
    shot(organisation, "report")
    with organisation.expect_download() as download:
        organisation.get_by_role("link", name="Download as CSV").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"{asset.title},1,1,0,0" in csv_text

    admin.goto(f"{site_url}/admin/reports/toolkit-use/")
    report_row = admin.locator("table tbody tr", has_text="Riverside Shelter")
    assert asset.title in report_row.inner_text()
    shot(admin, "officer-report")
    admin.goto(f"{site_url}/admin/snippets/toolkit/campaignasset/edit/{asset.pk}/")
    admin.get_by_role("button", name="Copy frame (iframe)").click()
    assert admin.evaluate("navigator.clipboard.readText()").startswith("<iframe src=")
    shot(admin, "asset-embed-codes")
