"""CSV import and export of press contacts in the admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campaign.alerts.csv_io import import_contacts
from campaign.alerts.models import MediaList, PressContact

from .factories import MediaListFactory, PressContactFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

IMPORT_URL = "/admin/alerts/contacts/import/"

GOOD_AND_BAD = (
    "name,email,outlet,beat,region,phone,notes,lists,state\n"
    "Ana Lopez,ana.lopez@example.com,Example Times,Courts,Hartford,,,Courts desk;Statewide,\n"
    "No Address,,Example Times,,,,,,\n"
    "Bad Address,not-an-email,,,,,,,\n"
    "Ben Ode,ben.ode@example.org,Example Radio,,,,,,active\n"
    "Ana Again,ANA.LOPEZ@example.com,,,,,,,\n"
    "Odd State,odd@example.org,,,,,,,sleeping\n"
)


def upload(client, text: str):
    file = SimpleUploadedFile("contacts.csv", text.encode(), content_type="text/csv")
    return client.post(IMPORT_URL, {"file": file})


def test_bad_rows_are_listed_and_good_rows_kept(admin_client):
    """Each bad row is shown with its line number and reason; the good rows are imported."""
    response = upload(admin_client, GOOD_AND_BAD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 contacts added, 0 updated, 4 rows not imported" in html
    assert "<td>3</td><td>The e-mail address is missing.</td>" in html
    assert "<td>4</td><td>&#x27;not-an-email&#x27; is not a valid e-mail address.</td>" in html
    assert "<td>6</td><td>ana.lopez@example.com already appears on line 2.</td>" in html
    assert "<td>7</td><td>Unknown state &#x27;sleeping&#x27;" in html
    ana = PressContact.objects.get(email="ana.lopez@example.com")
    assert sorted(ana.lists.values_list("name", flat=True)) == ["Courts desk", "Statewide"]
    assert PressContact.objects.filter(email="ben.ode@example.org").exists()


def test_reimport_updates_instead_of_duplicating(admin_client):
    """Importing the same person again (any capitalisation) updates the one contact."""
    existing = PressContactFactory(email="dup@example.com", outlet="Old Outlet")
    upload(admin_client, "name,email,outlet,lists\nNew Name,DUP@Example.com,New Outlet,Extra\n")
    assert PressContact.objects.filter(email__iexact="dup@example.com").count() == 1
    existing.refresh_from_db()
    assert (existing.name, existing.outlet) == ("New Name", "New Outlet")
    assert list(existing.lists.values_list("name", flat=True)) == ["Extra"]


def test_missing_header_is_explained(admin_client):
    """A file without name and email columns gets a clear message and a 400."""
    response = upload(admin_client, "who,where\nx,y\n")
    assert response.status_code == 400
    assert "The header row needs the column(s): email, name." in response.content.decode()


def test_import_cannot_clear_do_not_contact(editor_user):
    """A CSV row cannot lift do-not-contact unless an administrator imports it."""
    PressContactFactory(email="dnc@example.com", state="do_not_contact")
    result = import_contacts(b"name,email,state\nX,dnc@example.com,active\n", user=editor_user)
    assert result.errors == [(2, "Only an administrator can clear 'Do not contact'.")]
    assert PressContact.objects.get(email="dnc@example.com").state == "do_not_contact"


def test_not_utf8_is_explained():
    """A file saved in another encoding is refused with a hint."""
    result = import_contacts("name,email\nJosé,j@example.com\n".encode("latin-1"))
    assert result.errors == [(1, "The file is not UTF-8 text. Save it as 'CSV UTF-8'.")]


def test_export_round_trips_through_import(admin_client):
    """The export lists contacts with their lists, in the columns the import reads."""
    media_list = MediaListFactory(name="Round trip")
    PressContactFactory(email="rt@example.com", name="Rita Trip", lists=[media_list])
    response = admin_client.get("/admin/alerts/contacts/export/")
    text = response.content.decode()
    assert response["Content-Type"] == "text/csv"
    assert text.splitlines()[0] == "name,email,outlet,beat,region,phone,notes,lists,state"
    assert "Rita Trip,rt@example.com,Example Gazette,,,,,Round trip,active" in text
    PressContact.objects.filter(email="rt@example.com").delete()
    result = import_contacts(text.encode())
    assert not result.errors
    assert PressContact.objects.get(email="rt@example.com").lists.get() == media_list
    assert MediaList.objects.filter(name="Round trip").count() == 1
