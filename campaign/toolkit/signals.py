"""Keep the edge in step with the officer's changes.

The embed document and its data are cached by Varnish per asset and size (deploy/varnish); they
are purged through Wagtail's frontend cache when what an embed shows changes: the asset (state,
replacement, text, link), one of its sizes, or an image it shows. Blocked hosts are not in the
cached bytes at all: the beacon decides, from a copy of the list in Redis refreshed here.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.images import get_image_model
from wagtail.models import Site

from . import tally
from .embeds import embed_paths
from .models import AssetSize, BlockedHost, CampaignAsset
from .models.assets import MAX_REPLACEMENT_HOPS


def showing(asset_ids: set[int]) -> set[str]:
    """The slugs of these assets and of every asset whose embeds may show one of them (retired
    assets pointing at them through replacements)."""
    found = set(asset_ids)
    frontier = set(asset_ids)
    for _hop in range(MAX_REPLACEMENT_HOPS + 1):
        frontier = set(
            CampaignAsset.objects.filter(replacement__in=frontier)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
        if not frontier:
            break
        found |= frontier
    return set(CampaignAsset.objects.filter(pk__in=found).values_list("slug", flat=True))


def purge_embeds(slugs: set[str]) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return  # no front-end cache: no task to queue
    roots = [site.root_url for site in Site.objects.all()]
    urls = [root + path for root in roots for slug in sorted(slugs) for path in embed_paths(slug)]
    if urls:
        purge_urls_from_cache(urls)


def on_asset_saved(sender, instance: CampaignAsset, **kwargs) -> None:
    purge_embeds(showing({instance.pk}))


def on_asset_deleted(sender, instance: CampaignAsset, **kwargs) -> None:
    purge_embeds({instance.slug})


def on_size_changed(sender, instance: AssetSize, **kwargs) -> None:
    purge_embeds(showing({instance.asset_id}))


def on_image_saved(sender, instance, **kwargs) -> None:
    by_image = CampaignAsset.objects.filter(image=instance).values_list("pk", flat=True)
    by_artwork = AssetSize.objects.filter(artwork=instance).values_list("asset_id", flat=True)
    ids = {*by_image, *by_artwork}
    if ids:
        purge_embeds(showing(ids))


def on_blocked_hosts_changed(sender, **kwargs) -> None:
    if tally.enabled():
        tally.sync_blocked_hosts()


def connect() -> None:
    post_save.connect(on_asset_saved, sender=CampaignAsset, dispatch_uid="toolkit-asset-saved")
    post_delete.connect(
        on_asset_deleted, sender=CampaignAsset, dispatch_uid="toolkit-asset-deleted"
    )
    post_save.connect(on_size_changed, sender=AssetSize, dispatch_uid="toolkit-size-saved")
    post_delete.connect(on_size_changed, sender=AssetSize, dispatch_uid="toolkit-size-deleted")
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="toolkit-image")
    post_save.connect(
        on_blocked_hosts_changed, sender=BlockedHost, dispatch_uid="toolkit-blocked-saved"
    )
    post_delete.connect(
        on_blocked_hosts_changed, sender=BlockedHost, dispatch_uid="toolkit-blocked-deleted"
    )
