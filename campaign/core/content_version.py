"""The content version: one token in the shared cache that changes whenever anything a public
page shows may have changed. Caches keyed on it (the site lookup, view restrictions, the main
menu, rendered pages) are never read again once it changes, so there is no list of keys to
delete and no way to forget one.

It changes when visitors could see a difference: on publish, unpublish, move and delete of a
page, on every save or delete of a snippet, site setting, image, document, tag, site or view
restriction (and their inline children), and after migrations. It does not change for a draft:
saving a revision (Wagtail's autosave included), comments, locking, a new tag, or any save of a
page that is not live; nor for snippets that never reach a public page (press contacts, alerts,
indicators). Keys also carry a fingerprint of the deployed code and the values of the settings
in RENDER_CACHE_KEY_SETTINGS, so a new release or configuration never serves what the old one
rendered. Changes that bypass the ORM's signals (raw SQL, `QuerySet.update`)
are caught by the entries' expiry: `RENDER_CACHE_SECONDS`.
"""

import functools
import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import translation
from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Comment, CommentReply, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

VERSION_KEY = "core:content-version"
CONTENT_BASES = (Page, Site, PageViewRestriction, AbstractImage, AbstractDocument, Tag)
# The deployed code: Python, templates and static files of the project, and the pinned packages.
CODE_FOLDERS = ("campaign", "home", "static")
CODE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg"}
# Editors' comments on pages: kept with the page but never shown to visitors.
NOT_CONTENT = (Comment, CommentReply)
# What saving a revision, locking or a workflow writes on the row itself: the draft's bookkeeping.
DRAFT_FIELDS = frozenset(
    {
        "comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def current(request: HttpRequest | None = None) -> str:
    """The version now; read once per request (kept on it) so one response is consistent."""
    version = getattr(request, "_content_version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
            version = cache.get(VERSION_KEY)
        if request is not None:
            request._content_version = version
    return version


def bump() -> None:
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def cache_key(request: HttpRequest | None, *parts) -> str:
    """A key that is read only while the content and the deployed code stay as they are."""
    # The active language too: the same page and fragment differ between English and Spanish.
    fingerprints = (
        code_fingerprint(),
        settings_fingerprint(),
        current(request),
        translation.get_language(),
    )
    raw = "\x1f".join(str(part) for part in (*fingerprints, *parts))
    return "core:render:" + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()


@functools.cache
def code_fingerprint() -> str:
    hasher = hashlib.md5(usedforsecurity=False)
    for folder in CODE_FOLDERS:
        for path in sorted((settings.BASE_DIR / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                hasher.update(path.read_bytes())
    hasher.update((settings.BASE_DIR / "requirements.txt").read_bytes())
    return hasher.hexdigest()[:12]


def settings_fingerprint() -> str:
    """The settings that shape a page, read on each call: they are few, and tests change them."""
    return repr([getattr(settings, name, None) for name in settings.RENDER_CACHE_KEY_SETTINGS])


@functools.cache
def is_content(model) -> bool:
    """Whether rows of this model can appear on a public page (a snippet that never does, such
    as a press contact, says so with `shown_on_public_pages = False`)."""
    if not getattr(model, "shown_on_public_pages", True) or issubclass(model, NOT_CONTENT):
        return False
    if issubclass(model, CONTENT_BASES):
        return True
    if model in get_snippet_models() or model in settings_registry:
        return True
    return any(
        isinstance(field, ParentalKey) and is_content(field.related_model)
        for field in model._meta.fields
    )


def content_changed() -> None:
    """Bump now, and again once the transaction commits: a page rendered between the two from
    the old, still-committed rows is cached under the first bump only, which the second makes
    unreachable."""
    bump()
    transaction.on_commit(bump)


@receiver(post_save, dispatch_uid="core.content_version.saved")
@receiver(post_delete, dispatch_uid="core.content_version.deleted")
def row_changed(sender, instance, **kwargs) -> None:
    if not kwargs.get("raw") and is_content(sender) and not is_draft_save(instance, kwargs):
        content_changed()


def is_draft_save(instance, kwargs) -> bool:
    """A save visitors cannot see: a page that is not live (publishing it sends page_published),
    only the draft's bookkeeping on a live one, or a new tag (typed into a draft; it shows once
    something tagged with it is published). Deletes always count."""
    if kwargs["signal"] is post_delete:
        return False
    if isinstance(instance, Tag):
        return kwargs.get("created", False)
    if not isinstance(instance, Page):
        return False
    update_fields = kwargs.get("update_fields")
    return not instance.live or (update_fields is not None and update_fields <= DRAFT_FIELDS)


@receiver(page_published, dispatch_uid="core.content_version.published")
@receiver(page_unpublished, dispatch_uid="core.content_version.unpublished")
@receiver(post_page_move, dispatch_uid="core.content_version.moved")
def page_changed(sender, **kwargs) -> None:
    content_changed()


@receiver(post_migrate, dispatch_uid="core.content_version.migrated")
def schema_changed(sender, **kwargs) -> None:
    bump()
