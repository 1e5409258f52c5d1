"""CSV import and export of press contacts in the admin: upload, preview, confirm, report."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaign.alerts import csv_io
from campaign.alerts.csv_io import import_contacts
from campaign.alerts.models import ContactImport, MediaList, PressContact

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
    return client.post(IMPORT_URL, {"file": file}, follow=True)


def confirm(client, new_lists=(), capture=None):
    """Confirm the preview (the worker runs once the request commits), then open the report."""
    job = ContactImport.objects.get()
    url = reverse("alerts_admin:contacts_import_confirm", args=[job.pk])
    with capture(execute=True):
        response = client.post(url, {"new_lists": list(new_lists)})
    assert response.status_code == 302
    return client.get(response.url)


def test_the_preview_counts_and_refuses_before_anything_changes(client, communications_member):
    """Uploading shows what would be added and refused, with line numbers, and changes nothing."""
    client.force_login(communications_member)
    html = upload(client, GOOD_AND_BAD).content.decode()
    assert "2 to add, 0 to update, 4 refused." in html
    assert "<td>3</td><td>The e-mail address is missing.</td>" in html
    assert "<td>4</td><td>&#x27;not-an-email&#x27; is not a valid e-mail address.</td>" in html
    assert "<td>6</td><td>ana.lopez@example.com already appears on line 2.</td>" in html
    assert "<td>7</td><td>Unknown state &#x27;sleeping&#x27;" in html
    assert not PressContact.objects.filter(email="ana.lopez@example.com").exists()


def test_unknown_list_names_are_flagged_in_the_preview(client, communications_member):
    """A list name no media list has is offered for creation, unticked, with its row count."""
    MediaListFactory(name="Statewide")
    client.force_login(communications_member)
    html = upload(client, GOOD_AND_BAD).content.decode()
    assert 'name="new_lists" value="Courts desk">' in html
    assert 'value="Statewide"' not in html


def test_only_confirmed_new_lists_are_created(
    client, communications_member, django_capture_on_commit_callbacks
):
    """An unticked (mistyped) list is not created; the contact is imported without it."""
    client.force_login(communications_member)
    upload(client, "name,email,lists\nAna,ana@example.com,Courts desk;Cuorts desk\n")
    html = confirm(client, ["Courts desk"], django_capture_on_commit_callbacks).content.decode()
    ana = PressContact.objects.get(email="ana@example.com")
    assert list(ana.lists.values_list("name", flat=True)) == ["Courts desk"]
    assert not MediaList.objects.filter(name="Cuorts desk").exists()
    assert "1 contacts added, 0 updated, 0 rows not imported." in html


def test_the_report_stays_with_the_refused_rows(
    client, communications_member, django_capture_on_commit_callbacks
):
    """After the import the report page lists what was done and what was refused."""
    client.force_login(communications_member)
    upload(client, GOOD_AND_BAD)
    confirm(client, ["Courts desk", "Statewide"], django_capture_on_commit_callbacks)
    job = ContactImport.objects.get()
    html = client.get(job.get_absolute_url()).content.decode()
    assert "2 contacts added, 0 updated, 4 rows not imported." in html
    assert "<td>7</td><td>Unknown state &#x27;sleeping&#x27;" in html
    assert f'href="{job.get_absolute_url()}"' in client.get(IMPORT_URL).content.decode()


def test_confirming_twice_imports_once(
    client, communications_member, django_capture_on_commit_callbacks
):
    """A second click on "Confirm" queues nothing more and says so."""
    client.force_login(communications_member)
    upload(client, "name,email\nAna,ana@example.com\n")
    confirm(client, (), django_capture_on_commit_callbacks)
    html = confirm(client, (), django_capture_on_commit_callbacks).content.decode()
    assert "already confirmed" in html
    assert ContactImport.objects.get().created == 1


def test_discarding_a_preview_changes_nothing(client, communications_member):
    """Discard drops the file and its preview; no contact is written."""
    client.force_login(communications_member)
    upload(client, "name,email\nAna,ana@example.com\n")
    job = ContactImport.objects.get()
    client.post(reverse("alerts_admin:contacts_import_discard", args=[job.pk]))
    assert not ContactImport.objects.exists()
    assert not PressContact.objects.filter(email="ana@example.com").exists()


def test_reimport_updates_instead_of_duplicating():
    """Importing the same person again (any capitalisation) updates the one contact."""
    existing = PressContactFactory(email="dup@example.com", outlet="Old Outlet")
    data = b"name,email,outlet,lists\nNew Name,DUP@Example.com,New Outlet,Extra\n"
    assert csv_io.plan_import(data).to_update == 1
    import_contacts(data, new_lists=["Extra"])
    assert PressContact.objects.filter(email__iexact="dup@example.com").count() == 1
    existing.refresh_from_db()
    assert (existing.name, existing.outlet) == ("New Name", "New Outlet")
    assert list(existing.lists.values_list("name", flat=True)) == ["Extra"]


def test_missing_header_is_explained(client, communications_member):
    """A file without name and email columns gets a clear message and a 400, and no job."""
    client.force_login(communications_member)
    response = upload(client, "who,where\nx,y\n")
    assert response.status_code == 400
    assert "The header row needs the column(s): email, name." in response.content.decode()
    assert not ContactImport.objects.exists()


def test_import_cannot_clear_do_not_contact(communications_member):
    """A CSV row cannot lift do-not-contact unless an administrator imports it."""
    PressContactFactory(email="dnc@example.com", state="do_not_contact")
    data = b"name,email,state\nX,dnc@example.com,active\n"
    refusal = (2, "Only an administrator can clear 'Do not contact'.")
    assert csv_io.plan_import(data, user=communications_member).refused == [refusal]
    assert import_contacts(data, user=communications_member).errors == [refusal]
    assert PressContact.objects.get(email="dnc@example.com").state == "do_not_contact"


def test_not_utf8_is_explained(client, communications_member):
    """A file saved in another encoding is refused with a hint."""
    client.force_login(communications_member)
    file = SimpleUploadedFile("c.csv", "name,email\nJosé,j@example.com\n".encode("latin-1"))
    html = client.post(IMPORT_URL, {"file": file}).content.decode()
    assert "The file is not UTF-8 text. Save it as &#x27;CSV UTF-8&#x27;." in html


def test_a_long_import_emails_the_officer(
    client, communications_member, settings, django_capture_on_commit_callbacks
):
    """When an import runs past ALERTS_IMPORT_NOTIFY_SECONDS, its uploader gets the report link."""
    settings.ALERTS_IMPORT_NOTIFY_SECONDS = 0
    client.force_login(communications_member)
    upload(client, "name,email\nAna,ana@example.com\n")
    confirm(client, (), django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == ["officer@example.org"]
    assert ContactImport.objects.get().get_absolute_url() in message.body


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


def test_export_neutralises_spreadsheet_formulas(admin_client):
    """A cell that a spreadsheet would run as a formula is exported as text, and imports back."""
    PressContactFactory(email="f@example.com", name='=HYPERLINK("http://x")', outlet="+1 Radio")
    text = admin_client.get("/admin/alerts/contacts/export/").content.decode()
    assert "'=HYPERLINK" in text and ",'+1 Radio," in text
    import_contacts(text.encode())
    contact = PressContact.objects.get(email="f@example.com")
    assert (contact.name, contact.outlet) == ('=HYPERLINK("http://x")', "+1 Radio")
