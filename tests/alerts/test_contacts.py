"""Press contacts: unique e-mail in any capitalisation, and do-not-contact that only an
administrator can clear, in the admin form and in the model itself."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from campaign.alerts.models import ContactState, PressContact

from .factories import PressContactFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.fixture
def editor(django_user_model):
    """A Communications member: may edit contacts, is not an administrator."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Communications"))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_email_is_unique_whatever_the_case():
    """Reporter@Example.com and reporter@example.com are the same contact."""
    contact = PressContactFactory(email="Reporter@Example.com")
    assert PressContact.objects.get(pk=contact.pk).email == "reporter@example.com"
    with pytest.raises(IntegrityError), transaction.atomic():
        PressContactFactory(email="REPORTER@example.com")


def test_model_refuses_clearing_do_not_contact_without_an_administrator(editor):
    """Saving a do-not-contact contact as active raises, unless an administrator does it."""
    contact = PressContactFactory(state=ContactState.DO_NOT_CONTACT)
    contact = PressContact.objects.get(pk=contact.pk)
    contact.state = ContactState.ACTIVE
    with pytest.raises(PermissionDenied):
        contact.save()
    contact.acting_user = editor
    with pytest.raises(ValidationError):
        contact.full_clean()
    assert PressContact.objects.get(pk=contact.pk).state == ContactState.DO_NOT_CONTACT


def test_administrator_can_clear_do_not_contact(admin_user):
    """A superuser may lift the flag."""
    contact = PressContact.objects.get(pk=PressContactFactory(state="do_not_contact").pk)
    contact.state = ContactState.ACTIVE
    contact.acting_user = admin_user
    contact.full_clean()
    contact.save()
    assert PressContact.objects.get(pk=contact.pk).state == ContactState.ACTIVE


def edit(client, contact, state):
    return client.post(
        f"/admin/snippets/alerts/presscontact/edit/{contact.pk}/",
        {"name": contact.name, "email": contact.email, "state": state, "lists": []},
    )


def test_editor_cannot_clear_do_not_contact_in_the_admin(client, editor):
    """In the admin the state field is locked for a non-administrator; a forged POST fails."""
    contact = PressContactFactory(state=ContactState.DO_NOT_CONTACT)
    client.force_login(editor)
    html = client.get(f"/admin/snippets/alerts/presscontact/edit/{contact.pk}/").content.decode()
    assert "Only an administrator can clear" in html
    edit(client, contact, ContactState.ACTIVE)
    assert PressContact.objects.get(pk=contact.pk).state == ContactState.DO_NOT_CONTACT


def test_editor_can_still_set_do_not_contact(client, editor):
    """Anyone who edits contacts can stop alerts to someone."""
    contact = PressContactFactory()
    client.force_login(editor)
    response = edit(client, contact, ContactState.DO_NOT_CONTACT)
    assert response.status_code == 302
    assert PressContact.objects.get(pk=contact.pk).state == ContactState.DO_NOT_CONTACT


def test_administrator_clears_do_not_contact_in_the_admin(admin_client):
    """The administrator's edit goes through."""
    contact = PressContactFactory(state=ContactState.DO_NOT_CONTACT)
    assert edit(admin_client, contact, ContactState.ACTIVE).status_code == 302
    assert PressContact.objects.get(pk=contact.pk).state == ContactState.ACTIVE
