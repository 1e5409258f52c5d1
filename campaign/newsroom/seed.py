"""Demo newsroom: the newsroom page, the media contact, the boilerplate, the Jan. 11, 2017
release, one embargoed release scheduled for the next Awareness Day, the real press coverage,
and the Communications group with its review workflow. Seeding twice changes nothing."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.rich_text import RichText

from . import seed_data
from .dates import RELEASE_TIME_ZONE
from .models import (
    Boilerplate,
    MediaContact,
    NewsroomPage,
    PressClip,
    PressReleaseAttachment,
    PressReleasePage,
)

COMMUNICATIONS_GROUP = "Communications"
REVIEW_WORKFLOW = "Press release review"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
ALL = ("add", "change", "delete", "view")
# (app label, models, actions) the role may take; apps are named, never imported.
ROLE_MODEL_PERMISSIONS = [
    ("newsroom", ["mediacontact", "boilerplate", "pressclip", "embargopreviewlink"], ALL),
    ("alerts", ["mediaalert", "medialist", "presscontact", "newsroomsignup"], ALL),
    ("alerts", ["delivery"], ("view",)),
    ("toolkit", ["campaignasset", "assetsize", "partner", "blockedhost"], ALL),
    ("engagement", ["indicator", "manualentry"], ALL),
    ("wagtailsearchpromotions", ["searchpromotion"], ALL),
    ("home", ["searchsynonym"], ALL),
    # The records a visitor reads, to translate them (Wagtail's snippet permissions are per model,
    # not per language, so this also lets the group edit the English records).
    ("core", ["campaigngoal", "fact", "policyrecommendation"], ("add", "change", "view")),
]
COLLECTION_PERMISSIONS = {
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
    "wagtailimages": ["add_image", "change_image", "choose_image"],
}


def seed_newsroom_page(root: Page) -> NewsroomPage:
    newsroom = NewsroomPage.objects.first()
    if newsroom:
        return newsroom
    newsroom = NewsroomPage(
        title="Newsroom", slug="newsroom", intro=seed_data.NEWSROOM_INTRO, show_in_menus=True
    )
    root.add_child(instance=newsroom)
    newsroom.save_revision().publish()
    return newsroom


def seed_contact() -> MediaContact:
    contact, _ = MediaContact.objects.get_or_create(
        name=seed_data.MEDIA_CONTACT["name"], defaults=seed_data.MEDIA_CONTACT
    )
    return contact


def seed_boilerplate() -> Boilerplate:
    boilerplate, _ = Boilerplate.objects.get_or_create(
        is_default=True, defaults={"text": seed_data.BOILERPLATE_TEXT}
    )
    return boilerplate


def jan_2017_body(data) -> list:
    paragraphs = [RichText(html) for html in seed_data.JAN_2017_BODY_PARAGRAPHS]
    return [
        ("paragraph", paragraphs[0]),
        (
            "quote",
            {
                "quote": seed_data.GILCHREST_QUOTE,
                "speaker": "Jillian Gilchrest",
                "role": seed_data.GILCHREST_ROLE,
            },
        ),
        ("paragraph", paragraphs[1]),
        ("fact", {"fact": data.facts["buyers-2000"]}),
        (
            "highlights",
            {
                "heading": "What the report found:",
                "items": [RichText(text) for text in seed_data.JAN_2017_FINDINGS],
            },
        ),
        (
            "quote",
            {
                "quote": seed_data.HAMILTON_QUOTE,
                "speaker": "Beth Hamilton",
                "role": seed_data.HAMILTON_ROLE,
            },
        ),
        (
            "highlights",
            {
                "heading": "The Council's key recommendations:",
                "items": [RichText(text) for text in seed_data.JAN_2017_RECOMMENDATIONS],
            },
        ),
        ("paragraph", paragraphs[2]),
    ]


def add_release(newsroom: NewsroomPage, release: PressReleasePage, contact, data, content):
    """Add the release under the newsroom and publish it (or schedule it, if embargoed)."""
    newsroom.add_child(instance=release)
    release.contacts.set([contact])
    release.goals.set([data.goals[number] for number in content["goals"]])
    release.topics.set(content["topics"])
    release.save()
    release.save_revision().publish()
    return release


def seed_jan_2017_release(newsroom, contact, boilerplate, data) -> PressReleasePage:
    existing = PressReleasePage.objects.filter(slug=seed_data.JAN_2017_SLUG).first()
    if existing:
        return existing
    content = seed_data.JAN_2017
    release = PressReleasePage(
        title=content["title"],
        slug=seed_data.JAN_2017_SLUG,
        subheadline=content["subheadline"],
        summary=content["summary"],
        release_at=datetime.datetime.combine(
            content["release_at"], datetime.time(), RELEASE_TIME_ZONE
        ),
        dateline=content["dateline"],
        body=jan_2017_body(data),
        boilerplate=boilerplate,
        social_image=data.posters["Poster: Buying a child is a felony"],
        attachments=[PressReleaseAttachment(document=data.fact_sheet)],
    )
    return add_release(newsroom, release, contact, data, content)


def next_awareness_day(now: datetime.datetime) -> datetime.datetime:
    """10 a.m. Eastern on the next Jan. 11, National Human Trafficking Awareness Day."""
    local = now.astimezone(RELEASE_TIME_ZONE)
    day = datetime.datetime(local.year, 1, 11, 10, tzinfo=RELEASE_TIME_ZONE)
    return day if day > now else day.replace(year=local.year + 1)


def seed_embargoed_release(newsroom, contact, boilerplate, data) -> None:
    if PressReleasePage.objects.filter(slug=seed_data.EMBARGOED_SLUG).exists():
        return
    content = seed_data.EMBARGOED
    release = PressReleasePage(
        title=content["title"],
        slug=seed_data.EMBARGOED_SLUG,
        subheadline=content["subheadline"],
        summary=content["summary"],
        embargo_until=next_awareness_day(timezone.now()),
        dateline=content["dateline"],
        body=[("paragraph", RichText(content["body"]))],
        boilerplate=boilerplate,
        live=False,
    )
    add_release(newsroom, release, contact, data, content)


def seed_press_clips(release: PressReleasePage) -> None:
    for day, outlet, headline, url, about, covers_release in seed_data.PRESS_CLIPS:
        PressClip.objects.get_or_create(
            url=url,
            defaults={
                "outlet": outlet,
                "headline": headline,
                "published_on": datetime.date.fromisoformat(day),
                "about": about,
                "release": release if covers_release else None,
            },
        )


def role_permissions() -> list[Permission]:
    """What the Communications role needs outside page and collection permissions: the newsroom
    snippets, media alerts (sending included), contacts and lists, the toolkit, engagement,
    search promotions and synonyms. Clearing a do-not-contact flag is left to administrators by
    the contact model itself, whatever the group may change."""
    wanted = Q(content_type__app_label="wagtailadmin", codename="access_admin")
    for app_label, models, actions in ROLE_MODEL_PERMISSIONS:
        wanted |= Q(
            content_type__app_label=app_label,
            content_type__model__in=models,
            codename__in=[f"{action}_{model}" for model in models for action in actions],
        )
    wanted |= Q(content_type__app_label="alerts", codename="send_mediaalert")
    # wagtail-localize's "Translate" actions on pages and snippets.
    wanted |= Q(content_type__app_label="wagtail_localize", codename="submit_translation")
    return list(Permission.objects.filter(wanted))


def translated_trees(newsroom: NewsroomPage) -> list[Page]:
    """The translations of the site's home page (the Spanish tree under /es/): Communications
    translates pages, and a page's translation is made and edited in that tree."""
    site = newsroom.get_site()
    return list(site.root_page.get_translations()) if site else []


def seed_communications_group(newsroom: NewsroomPage) -> Group:
    """Communications can create, submit and publish releases (which go through review), and run
    alerts, contacts, the toolkit and engagement. Running it again adds what is missing."""
    group, _ = Group.objects.get_or_create(name=COMMUNICATIONS_GROUP)
    group.permissions.add(*role_permissions())
    for page in [newsroom, *translated_trees(newsroom)]:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    task, _ = GroupApprovalTask.objects.get_or_create(name="Communications review")
    # Again on every run: a group deleted and made anew must still be the reviewers.
    task.groups.add(group)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=newsroom, defaults={"workflow": workflow})
    return group


def seed_newsroom(data, stdout) -> None:
    newsroom = seed_newsroom_page(data.site.root_page)
    contact = seed_contact()
    boilerplate = seed_boilerplate()
    release = seed_jan_2017_release(newsroom, contact, boilerplate, data)
    seed_embargoed_release(newsroom, contact, boilerplate, data)
    seed_press_clips(release)
    seed_communications_group(newsroom)
    stdout.write("Seeded the newsroom, its releases and press clips.")


def seed_translators(data, stdout) -> None:
    """After the Spanish site is seeded: Communications may translate into it."""
    newsroom = NewsroomPage.objects.filter(locale=Locale.get_default()).first()
    if newsroom is not None:
        seed_communications_group(newsroom)
