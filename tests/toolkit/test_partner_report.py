"""Each partner's own report by a private, signed, revocable link, with a CSV; the officer's
report of every partner, unregistered host and blocked host in the admin."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from campaign.toolkit.counting import Where, record_use

from .factories import OfferedAssetFactory, PartnerFactory

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 10)
APRIL = datetime.date(2026, 4, 2)


@pytest.fixture
def counted():
    """A partner's use in March and April, another partner's, an unregistered and a blocked host."""
    asset = OfferedAssetFactory(title="Buyers fuel it")
    partner, other = PartnerFactory(organisation="Riverside"), PartnerFactory(organisation="Elm")
    for kind, n in [("impression", 3), ("click", 2), ("download", 1), ("embed_copy", 1)]:
        for _ in range(n):
            record_use(asset.pk, Where(partner=partner), kind, "square", day=MARCH)
    record_use(asset.pk, Where(partner=partner), "impression", "wide", day=MARCH)
    record_use(asset.pk, Where(partner=partner), "impression", "square", day=APRIL)
    record_use(asset.pk, Where(partner=other), "impression", "square", day=MARCH)
    record_use(asset.pk, Where(host="news.test"), "impression", "square", day=MARCH)
    record_use(asset.pk, Where(host="blocked.test"), "blocked", "square", day=MARCH)
    return partner


def test_report_shows_the_partner_counts_per_asset_and_month(counted):
    """The report has one row per asset and month with each kind summed over sizes."""
    html = Client().get(counted.report_path()).content.decode()
    assert "Report for Riverside" in html
    assert '<td>2026-03</td><th scope="row">Buyers fuel it</th><td class="num">4</td>' in html
    assert "<td>2026-04</td>" in html


def test_report_shows_only_that_partner(counted):
    """Other partners' and hosts' counts are not in a partner's report."""
    html = Client().get(counted.report_path()).content.decode()
    assert "Elm" not in html and "news.test" not in html and "blocked.test" not in html


def test_report_csv_has_the_same_numbers(counted):
    """The CSV lists month, asset and the four counts, newest month first."""
    response = Client().get(counted.report_path() + "report.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines == [
        "Month,Asset,Impressions,Click-throughs,Downloads,Embed codes copied",
        "2026-04,Buyers fuel it,1,0,0,0",
        "2026-03,Buyers fuel it,4,2,1,1",
    ]


def test_report_is_private(counted):
    """The report is never cached, indexed or sent on as a Referer."""
    response = Client().get(counted.report_path())
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex" and response["Referrer-Policy"] == "no-referrer"


def test_altered_link_is_a_404(counted):
    """A link whose signature does not match is refused with a 404."""
    path = counted.report_path()
    assert Client().get(path[:-3] + "xx/").status_code == 404
    assert Client().get("/partner-report/not-a-token/").status_code == 404


def test_replaced_link_stops_working(counted):
    """After the officer replaces the link, the old one is a 404 and the new one works."""
    old = counted.report_path()
    counted.revoke_report_link()
    assert Client().get(old).status_code == 404
    assert Client().get(old + "report.csv").status_code == 404
    assert Client().get(counted.report_path()).status_code == 200


def test_report_of_a_declined_partner_is_closed(counted):
    """A partner that is no longer approved has no report."""
    path = counted.report_path()
    counted.status = "declined"
    counted.save()
    assert Client().get(path).status_code == 404


def test_officer_report_lists_partners_and_hosts(admin_client, counted):
    """The admin report names every partner, unregistered host and blocked host per month."""
    html = admin_client.get("/admin/reports/toolkit-use/").content.decode()
    for name in [
        "Riverside",
        "Elm",
        "news.test",
        "Unregistered host",
        "blocked.test",
        "Blocked host",
    ]:
        assert name in html


def test_officer_report_exports_csv(admin_client, counted):
    """The admin report downloads as CSV with every kind, blocked embeds included."""
    response = admin_client.get("/admin/reports/toolkit-use/?export=csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Month,Partner or host,Type,Asset,Impressions")
    assert lines[0].endswith("Blocked (neutral card shown)")
    assert "2026-03,blocked.test,Blocked host,Buyers fuel it,0,0,0,0,1" in lines
    assert "2026-03,Riverside,Partner,Buyers fuel it,4,2,1,1,0" in lines


def test_officer_replaces_a_report_link_in_the_admin(admin_client, counted, time_machine):
    """The partner's edit view shows its report link; replacing it revokes the old one."""
    # The link is signed with the time in seconds: the page and this test must sign in the same one.
    time_machine.move_to(timezone.now(), tick=False)
    edit = admin_client.get(f"/admin/snippets/toolkit/partner/edit/{counted.pk}/").content.decode()
    old = counted.report_path()
    assert old in edit and "Copy the report link" in edit
    admin_client.post(f"/admin/toolkit/partners/{counted.pk}/revoke-report-link/")
    assert Client().get(old).status_code == 404
