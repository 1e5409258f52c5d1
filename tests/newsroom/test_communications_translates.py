"""A Communications member (not a superuser) translates a page and a record into Spanish in the
admin with wagtail-localize: the "Translate" action, the translation editor, publishing."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from campaign.core.models import Fact
from campaign.newsroom.models import NewsroomPage
from tests.factories import FactFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]


@pytest.fixture
def member(client, django_user_model):
    user = django_user_model.objects.create_user("translator", password="pw")
    user.groups.add(Group.objects.get(name="Communications"))
    client.force_login(user)
    return user


def spanish() -> Locale:
    return Locale.objects.get(language_code="es")


def translate_and_publish(
    client, capture_on_commit, translation, text: dict, edit_url: str
) -> None:
    """Type each source string's translation in the editor (its API), then press Publish."""
    for segment in StringSegment.objects.filter(source=translation.source):
        if segment.string.data in text:
            url = reverse(
                "wagtail_localize:edit_string_translation", args=[translation.id, segment.id]
            )
            body = encode_multipart(BOUNDARY, {"value": text[segment.string.data]})
            response = client.put(url, body, content_type=MULTIPART_CONTENT)
            assert response.status_code in (200, 201), response.content
    # wagtail-localize publishes once the request's transaction commits.
    with capture_on_commit(execute=True):
        response = client.post(edit_url, {"action": "publish"}, follow=True)
    assert "Published" in str(list(response.context["messages"])[0])


def test_member_translates_a_fact_into_spanish(client, member, django_capture_on_commit_callbacks):
    fact = FactFactory(claim="A claim only in English.")
    listing = client.get(reverse("wagtailsnippets_core_fact:list")).content.decode()
    submit = reverse("wagtail_localize:submit_snippet_translation", args=["core", "fact", fact.pk])
    assert submit in listing  # the "Translate" action
    response = client.post(submit, {"locales": [spanish().pk]})
    assert response.status_code == 302
    copy = fact.get_translation(spanish())
    edit_url = reverse("wagtailsnippets_core_fact:edit", args=[copy.pk])
    editor = client.get(edit_url)
    assert editor.status_code == 200 and b"w-editor" not in editor.content
    assert b"wagtail-localize" in editor.content  # the translation editor, not the plain form
    translation = Translation.objects.get(
        target_locale=spanish(), source__object_id=fact.translation_key
    )
    translate_and_publish(
        client,
        django_capture_on_commit_callbacks,
        translation,
        {"A claim only in English.": "Un dato solo en inglés."},
        edit_url,
    )
    assert Fact.objects.get(pk=copy.pk).claim == "Un dato solo en inglés."


def test_member_translates_a_page_into_spanish(client, member, django_capture_on_commit_callbacks):
    newsroom = NewsroomPage.objects.get(locale=Locale.get_default())
    header = client.get(reverse("wagtailadmin_pages:edit", args=[newsroom.pk])).content.decode()
    submit = reverse("wagtail_localize:submit_page_translation", args=[newsroom.pk])
    assert submit in header  # the "Translate" action
    assert client.post(submit, {"locales": [spanish().pk]}).status_code == 302
    copy = newsroom.get_translation(spanish())
    assert copy.get_parent().locale == spanish()  # in the Spanish tree, under /es/
    edit_url = reverse("wagtailadmin_pages:edit", args=[copy.pk])
    editor = client.get(edit_url)
    assert editor.status_code == 200 and b"wagtail-localize" in editor.content
    translation = Translation.objects.get(
        target_locale=spanish(), source__object_id=newsroom.translation_key
    )
    translate_and_publish(
        client,
        django_capture_on_commit_callbacks,
        translation,
        {"Newsroom": "Sala de prensa"},
        edit_url,
    )
    copy.refresh_from_db()
    assert copy.live and copy.title == "Sala de prensa"


def test_setup_command_lets_the_group_translate():
    """On a site that already has its Spanish tree, the command grants translating into it."""
    Group.objects.filter(name="Communications").delete()
    call_command("setup_communications_group", stdout=io.StringIO())
    group = Group.objects.get(name="Communications")
    assert group.permissions.filter(codename="submit_translation").exists()
    spanish_home = group.page_permissions.filter(page__locale__language_code="es")
    assert set(spanish_home.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
        "publish_page",
    }
