"""What happens when a release goes public or is withdrawn.

Wagtail sends page_published both when a page goes live and when a future publication is merely
scheduled (an embargoed release). `release_published` is sent only when a release is actually
public: live, and out of embargo (by an editor, a workflow approval or publish_scheduled).
Receivers get `sender=PressReleasePage`, `instance` and `revision`.

The front-end cache is purged of the pages that list a release, not only of its own URLs.
"""

from django.dispatch import Signal
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.signals import page_published, page_unpublished

from .models import NewsroomPage, PressReleasePage

release_published = Signal()


def purge_listings(instance: PressReleasePage) -> None:
    pages = list(NewsroomPage.objects.ancestor_of(instance))
    site = instance.get_site()
    if site is not None:
        pages.append(site.root_page)
    purge_pages_from_cache(pages)


def on_page_published(sender, instance: PressReleasePage, revision=None, **kwargs) -> None:
    if not instance.live or instance.is_embargoed:
        return
    purge_listings(instance)
    release_published.send(sender=PressReleasePage, instance=instance, revision=revision)


def on_page_unpublished(sender, instance: PressReleasePage, **kwargs) -> None:
    purge_listings(instance)


def connect() -> None:
    page_published.connect(
        on_page_published, sender=PressReleasePage, dispatch_uid="newsroom-published"
    )
    page_unpublished.connect(
        on_page_unpublished, sender=PressReleasePage, dispatch_uid="newsroom-unpublished"
    )
