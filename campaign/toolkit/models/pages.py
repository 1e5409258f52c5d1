"""The public toolkit: every active asset by goal, and a page per asset with its sizes and embed
codes. Downloads are a plain Django view (campaign.toolkit.views), as their URLs end in a file
extension that the page tree does not serve."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale
from wagtail.search import index

from campaign.core.models import BasePage, CampaignGoal

from ..embeds import embed_codes, with_query
from ..presets import DEFAULT_EMBED_PRESET, FORMATS, PRESETS
from ..sizes import chosen_size, offered_sizes
from .assets import CampaignAsset
from .partners import Partner

# The asset page shows each size scaled into a square of this side (CSS pixels), and twice that
# for sharp screens; the full size is a link away.
THUMBNAIL = (240, 480)


class ToolkitPage(RoutablePageMixin, BasePage):
    """The partner toolkit: active campaign assets by goal, each with sizes and embed codes."""

    template = "toolkit/toolkit_page.html"
    asset_template = "toolkit/asset_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    # The listing shows one goal's assets a page at a time; an asset page shows the embed codes
    # for a partner and a size.
    cached_query_params = ("goal", "page", "partner", "size")
    # The overview shows this many assets per goal and links to the rest.
    assets_per_goal = 6
    assets_per_page = 24

    intro = models.TextField(
        help_text="Who the toolkit is for and how partners may use the assets."
    )
    partner_note = models.TextField(
        blank=True,
        help_text="Shown on each asset page above the embed codes, e.g. how to become a partner.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("partner_note")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    @classmethod
    def find(cls) -> "ToolkitPage | None":
        """The default language's toolkit, where partners' links and e-mails lead."""
        return cls.objects.live().public().filter(locale=Locale.get_default()).first()

    def asset_url(self, asset: CampaignAsset, request=None) -> str:
        """The asset page's full URL, on the host the request came to where there is one."""
        route = self.reverse_subpage("asset", kwargs={"slug": asset.slug})
        if request is None:
            return self.get_full_url() + route
        return request.build_absolute_uri(self.get_url(request) + route)

    def get_sitemap_urls(self, request=None):
        """The toolkit page and the page of every active asset."""
        urls = super().get_sitemap_urls(request)
        urls += [
            {"location": self.asset_url(asset, request)} for asset in self.assets().order_by("slug")
        ]
        return urls

    def assets(self):
        """The active assets in the page's language: the Spanish toolkit lists the Spanish ones."""
        return CampaignAsset.objects.active().filter(locale_id=self.locale_id)

    def goal_groups(self) -> list:
        """(goal, first assets, number of assets) for each goal that has any, in goal order: the
        first few of each goal in one query, however many assets there are."""
        active = self.assets()
        totals = dict(active.order_by().values_list("goal").annotate(n=Count("pk")))
        first = list(
            active.annotate(place=Window(RowNumber(), partition_by="goal", order_by="title"))
            .filter(place__lte=self.assets_per_goal)
            .for_listing()
        )
        # An asset may point at another language's goal; each is shown in the page's language.
        goals = list(CampaignGoal.objects.filter(pk__in=list(totals)).in_order())
        shown = {
            goal.translation_key: goal
            for goal in CampaignGoal.objects.filter(
                translation_key__in=[goal.translation_key for goal in goals],
                locale_id=self.locale_id,
            )
        }
        return [
            (
                shown.get(goal.translation_key, goal),
                [asset for asset in first if asset.goal_id == goal.pk],
                totals[goal.pk],
            )
            for goal in goals
        ]

    def goal_assets(self, goal: CampaignGoal, page_number):
        """One page of a goal's active assets; a page number out of range gives the last page."""
        assets = self.assets().filter(goal__translation_key=goal.translation_key).for_listing()
        return Paginator(assets, self.assets_per_page).get_page(page_number)

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The listing: the first assets of every goal, or with ?goal= one goal's assets page by
        page. Only this route loads assets: the asset pages render through the same get_context
        and must not pay for the listing on each view."""
        goal_slug = request.GET.get("goal")
        if goal_slug is None:
            return self.render(request, context_overrides={"goal_groups": self.goal_groups()})
        goal = get_object_or_404(
            CampaignGoal.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
            slug=goal_slug,
        )
        goal_shown = goal.get_translation_or_none(self.locale) or goal
        assets = self.goal_assets(goal, request.GET.get("page"))
        return self.render(request, context_overrides={"goal": goal_shown, "assets": assets})

    def sizes(self, asset: CampaignAsset, partner: Partner | None) -> list:
        """(preset, WebP thumbnail, its double-density version, full-size WebP rendition,
        [(format, download URL)]) for every size offered to partners: the page shows thumbnails
        and links the full size, so it stays short."""
        sizes = []
        for size in offered_sizes(asset):
            preset = size.preset
            downloads = []
            for file_format in FORMATS.values():
                route = reverse(
                    "toolkit_download", args=[asset.slug, preset.key, file_format.extension]
                )
                url = with_query(route, partner=partner.code if partner else "")
                downloads.append((file_format, url))
            thumbnails = [size.rendition("webp", within=(side, side)) for side in THUMBNAIL]
            sizes.append((preset, *thumbnails, size.rendition("webp"), downloads))
        return sizes

    @path("<slug:slug>/", name="asset")
    def asset(self, request, slug):
        """One asset: credit and terms, every size with downloads, and the embed codes."""
        found = CampaignAsset.objects.by_slug(slug, self.locale.language_code)
        asset = found.select_related("image", "goal").first()
        if asset is None:
            raise Http404
        partner_code = request.GET.get("partner", "").strip()[:40]
        partner = Partner.objects.active().filter(code=partner_code).first()
        retired = not (asset.is_active and asset.image)
        # Lazy: the renditions are not looked up when the rendered page comes from the cache.
        sizes = SimpleLazyObject(lambda: [] if retired else self.sizes(asset, partner))
        presets = SimpleLazyObject(lambda: [preset for preset, *_ in sizes])
        # The default size stands in while no size is offered: the page then shows no codes.
        preset = SimpleLazyObject(
            lambda: getattr(
                chosen_size(asset, request.GET.get("size", ""), DEFAULT_EMBED_PRESET),
                "preset",
                PRESETS[DEFAULT_EMBED_PRESET],
            )
        )
        return self.render(
            request,
            template=self.asset_template,
            context_overrides={
                "asset": asset,
                "asset_url": self.asset_url(asset, request),
                # A CMS that embeds this page by URL gets this page's partner code and size.
                "oembed_url": request.build_absolute_uri(
                    with_query(
                        reverse("toolkit_oembed"),
                        url=with_query(
                            self.asset_url(asset, request),
                            partner=partner.code if partner else "",
                            size=preset.key if preset.key != DEFAULT_EMBED_PRESET else "",
                        ),
                        format="json",
                    )
                ),
                "retired": retired,
                "sizes": sizes,
                "presets": presets,
                "embed_preset": preset,
                "partner": partner,
                "partner_code_unknown": bool(partner_code and not partner),
                "partner_code": partner_code,
                "embed_codes": SimpleLazyObject(
                    lambda: (
                        embed_codes(request, asset, preset, partner.code if partner else "")
                        if presets
                        else []
                    )
                ),
                "copy_url": reverse("toolkit_copied", args=[slug]),
            },
        )
