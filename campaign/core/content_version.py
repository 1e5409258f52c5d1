"""The content version: one token in the shared cache that changes whenever anything a public
page shows may have changed. Caches keyed on it (the site lookup, view restrictions, the main
menu, rendered pages) are never read again once it changes, so there is no list of keys to
delete and no way to forget one.

It changes on every save or delete of a page, snippet, site setting, image, document, tag, site
or view restriction (and their inline children), on publish, unpublish and move, and after
migrations; not for snippets that never reach a public page (press contacts, alerts,
indicators). Keys also carry a fingerprint of the deployed code, so a new release never serves
what the old one rendered. Changes that bypass the ORM's signals (raw SQL, `QuerySet.update`)
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
from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

VERSION_KEY = "core:content-version"
CONTENT_BASES = (Page, Site, PageViewRestriction, AbstractImage, AbstractDocument, Tag)
# The deployed code: Python, templates and static files of the project, and the pinned packages.
CODE_FOLDERS = ("campaign", "home", "static")
CODE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg"}


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
    raw = "\x1f".join(str(part) for part in (code_fingerprint(), current(request), *parts))
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


@functools.cache
def is_content(model) -> bool:
    """Whether rows of this model can appear on a public page (a snippet that never does, such
    as a press contact, says so with `shown_on_public_pages = False`)."""
    if not getattr(model, "shown_on_public_pages", True):
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
def row_changed(sender, **kwargs) -> None:
    if not kwargs.get("raw") and is_content(sender):
        content_changed()


@receiver(page_published, dispatch_uid="core.content_version.published")
@receiver(page_unpublished, dispatch_uid="core.content_version.unpublished")
@receiver(post_page_move, dispatch_uid="core.content_version.moved")
def page_changed(sender, **kwargs) -> None:
    content_changed()


@receiver(post_migrate, dispatch_uid="core.content_version.migrated")
def schema_changed(sender, **kwargs) -> None:
    bump()
