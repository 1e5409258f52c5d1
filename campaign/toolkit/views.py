"""Partner-facing endpoints: the embed document, its data for embed.js, the counted image and
click-through, oEmbed, and the embed-code copy counter. None of them sets a cookie."""

import functools
import math
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Site

from campaign.core.models import CampaignSettings
from campaign.core.ratelimit import hit
from campaign.core.signals import offsite_event

from .bots import is_bot
from .downloads import download_response
from .embeds import IFRAME_CAPTION_HEIGHT, embed_csp, with_query
from .kinds import CountKind
from .models import CampaignAsset, DailyCount, Partner, ToolkitPage
from .origins import origin_allowed
from .presets import DEFAULT_EMBED_PRESET, FORMATS, PRESETS, Preset
from .sizes import chosen_size, offered_size

EMBED_JS = Path(__file__).parent / "static" / "toolkit" / "embed.js"
NO_PARTNER_MESSAGE = "This embed's partner code is not registered or no longer active."
COPY_CODE_KINDS = {"html", "iframe", "script"}
OFFSITE_EVENTS = {CountKind.IMPRESSION: "Embed impression", CountKind.CLICK: "Embed click"}


class UnknownPartner(Exception):
    pass


def get_partner(request: HttpRequest) -> Partner | None:
    """The active partner named by ?partner=, None without one; UnknownPartner for a bad code."""
    code = request.GET.get("partner", "").strip()
    if not code:
        return None
    partner = Partner.objects.active().filter(code=code[:40]).first()
    if partner is None:
        raise UnknownPartner(code)
    return partner


def get_preset(request: HttpRequest) -> Preset:
    return PRESETS.get(request.GET.get("size", ""), PRESETS[DEFAULT_EMBED_PRESET])


def count(request: HttpRequest, asset: CampaignAsset, kind: str, partner, size: str) -> None:
    limit, period = settings.TOOLKIT_COUNT_RATE_LIMIT
    if is_bot(request) or hit(request, "toolkit-count", limit, period):
        return
    DailyCount.objects.record(asset.pk, kind, partner.pk if partner else None, size)
    if kind in OFFSITE_EVENTS:
        # Impressions and clicks happen on partners' pages, where our analytics script never runs.
        offsite_event.send(
            sender=CampaignAsset,
            name=OFFSITE_EVENTS[kind],
            url=request.build_absolute_uri(reverse("toolkit_embed", args=[asset.slug])),
            props={"asset": asset.slug, "partner": partner.code if partner else "", "size": size},
        )


def shown_on_partner_site(request: HttpRequest, partner) -> bool:
    """False when the browser says the embed sits on a site the partner did not register: the
    frame is refused there, so it is no impression. Without a Referer we cannot tell, and count."""
    referer = request.headers.get("Referer", "")
    if partner is None or not referer:
        return True
    try:
        parts = urlsplit(referer)
    except ValueError:  # a malformed Referer names no site a partner registered
        return False
    return origin_allowed(f"{parts.scheme}://{parts.netloc}", partner.domains)


def refused(status: int, message: str) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Content-Security-Policy"] = embed_csp([])
    response["Cache-Control"] = "no-store"
    return response


def embed_context(request: HttpRequest, asset: CampaignAsset, partner, preset: Preset) -> dict:
    """What an embed shows: the asset, its active replacement, or the neutral hotline message
    (also where the size is not offered to partners)."""
    shown = asset.displayed_asset()
    size = offered_size(shown, preset.key) if shown else None
    if size is None:
        shown = None
    context = {
        "requested": asset,
        "shown": shown,
        "preset": preset,
        "partner": partner,
        "campaign": CampaignSettings.for_request(request),
        "home_url": Site.find_for_request(request).root_url + "/",
    }
    if shown is not None:
        context["rendition"] = size.rendition("webp")
        context["go_url"] = request.build_absolute_uri(
            with_query(
                reverse("toolkit_go", args=[shown.slug]),
                partner=partner.code if partner else "",
                size=preset.key,
            )
        )
    return context


def embed_target(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Look up the embed's asset and partner once for both embed views, refusing unknown ones."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, slug: str) -> HttpResponse:
        asset = CampaignAsset.objects.filter(slug=slug).select_related("image").first()
        if asset is None:
            return refused(404, "No campaign asset has this address.")
        try:
            partner = get_partner(request)
        except UnknownPartner:
            return refused(403, NO_PARTNER_MESSAGE)
        return view(request, asset, partner)

    return wrapped


@xframe_options_exempt
@require_GET
@embed_target
def embed(request: HttpRequest, asset: CampaignAsset, partner: Partner | None) -> HttpResponse:
    """The self-contained embed document a partner frames; only their domains may frame it."""
    preset = get_preset(request)
    context = embed_context(request, asset, partner, preset)
    if shown_on_partner_site(request, partner):
        count(request, context["shown"] or asset, CountKind.IMPRESSION, partner, preset.key)
    response = HttpResponse(render_to_string("toolkit/embed.html", context, request))
    # Without a partner code only this site (e.g. a Wagtail embed of our own asset) may frame it.
    response["Content-Security-Policy"] = embed_csp(partner.domains if partner else ["'self'"])
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response


@xframe_options_exempt
@require_GET
@embed_target
def embed_data(request: HttpRequest, asset: CampaignAsset, partner: Partner | None) -> HttpResponse:
    """The same embed as JSON for embed.js; a partner's embed answers only their own sites."""
    origin = request.headers.get("Origin", "")
    if partner and not origin_allowed(origin, partner.domains):
        return refused(403, "This site is not one of the partner's registered domains.")
    preset = get_preset(request)
    context = embed_context(request, asset, partner, preset)
    shown, campaign = context["shown"], context["campaign"]
    data = {
        "hotline": {
            "name": campaign.hotline_name,
            "phone": campaign.hotline_phone,
            "tel": campaign.hotline_tel,
        },
        "organisation": campaign.organisation_name,
        "home_url": context["home_url"],
        "asset": None,
    }
    if shown is not None:
        rendition = context["rendition"]
        data["asset"] = {
            "title": shown.title,
            "message": shown.message,
            "link": context["go_url"],
            "image": {
                "src": request.build_absolute_uri(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": shown.image.default_alt_text,
            },
            "credit": shown.image.credit,
            "licence": shown.image.licence,
        }
    count(request, shown or asset, CountKind.IMPRESSION, partner, preset.key)
    response = JsonResponse(data)
    response["Access-Control-Allow-Origin"] = origin if partner else "*"
    response["Vary"] = "Origin"
    response["Cache-Control"] = "no-store"
    return response


@xframe_options_exempt
@require_GET
def embed_image(request: HttpRequest, slug: str, preset: str, extension: str) -> HttpResponse:
    """The image of the plain-HTML embed code: counted, then sent to the current rendition."""
    asset = CampaignAsset.objects.filter(slug=slug).select_related("image").first()
    if asset is None or preset not in PRESETS or extension not in FORMATS:
        return refused(404, "No such asset, size or format.")
    try:
        partner = get_partner(request)
    except UnknownPartner:
        return refused(403, NO_PARTNER_MESSAGE)
    shown = asset.displayed_asset()
    size = offered_size(shown, preset) if shown else None
    if shown_on_partner_site(request, partner):
        count(request, shown or asset, CountKind.IMPRESSION, partner, preset)
    if size is None:
        context = {"preset": PRESETS[preset], "campaign": CampaignSettings.for_request(request)}
        response = HttpResponse(
            render_to_string("toolkit/neutral.svg", context), content_type="image/svg+xml"
        )
    else:
        response = HttpResponseRedirect(size.rendition(FORMATS[extension].image_format).url)
    response["Cache-Control"] = "no-store"
    return response


@lru_cache(maxsize=1)
def embed_script() -> bytes:
    return EMBED_JS.read_bytes()


@xframe_options_exempt
@require_GET
def embed_js(request: HttpRequest) -> HttpResponse:
    """The one-line script embed: draws the asset into the partner's page from our origin only."""
    response = HttpResponse(embed_script(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def download(request: HttpRequest, slug: str, preset: str, extension: str) -> HttpResponse:
    """One size of an asset as a file, counted as a download."""
    asset = CampaignAsset.objects.filter(slug=slug).select_related("image").first()
    if asset is None or preset not in PRESETS or extension not in FORMATS:
        raise Http404("No such asset, size or format.")
    if not (asset.is_active and asset.image):
        return HttpResponse(
            "This asset has been retired and is no longer offered for download.",
            status=410,
            content_type="text/plain; charset=utf-8",
        )
    size = offered_size(asset, preset)
    if size is None:
        return HttpResponse(
            _("This size of the asset is not offered yet. The asset page lists the sizes it is."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    partner = Partner.objects.active().filter(code=request.GET.get("partner", "")).first()
    count(request, asset, CountKind.DOWNLOAD, partner, preset)
    toolkit = ToolkitPage.find()
    about = toolkit.asset_url(asset, request) if toolkit else request.build_absolute_uri("/")
    return download_response(request, asset, size, FORMATS[extension], about)


@require_GET
def go(request: HttpRequest, slug: str) -> HttpResponse:
    """A click on an embed: counted, then sent on to the asset's (or its replacement's) link."""
    asset = get_object_or_404(CampaignAsset, slug=slug)
    try:
        partner = get_partner(request)
    except UnknownPartner:
        partner = None
    shown = asset.displayed_asset()
    size = request.GET.get("size", "")
    count(request, shown or asset, CountKind.CLICK, partner, size if size in PRESETS else "")
    fallback = Site.find_for_request(request).root_url + "/"
    response = HttpResponseRedirect(shown.target_url(fallback) if shown else fallback)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt  # counts a copy and nothing else: there is no session or user state to protect
@require_POST
def copied(request: HttpRequest, slug: str) -> HttpResponse:
    """The toolkit page's copy buttons report here which embed code was copied."""
    asset = get_object_or_404(CampaignAsset, slug=slug)
    size = request.POST.get("size", "")
    if size not in PRESETS or request.POST.get("code", "") not in COPY_CODE_KINDS:
        return HttpResponseBadRequest("Say which size and which embed code was copied.")
    partner = Partner.objects.active().filter(code=request.POST.get("partner", "")).first()
    count(request, asset, CountKind.EMBED_COPY, partner, size)
    return HttpResponse(status=204)


def asset_from_url(url: str, host: str) -> tuple[CampaignAsset, dict]:
    """The asset (and query) of one of our asset-page or embed URLs; Http404 for anything else."""
    try:
        parts = urlsplit(url)
    except ValueError as error:  # e.g. an unclosed IPv6 bracket, "http://[::1"
        raise Http404("Not a URL.") from error
    if parts.scheme not in ("http", "https") or parts.netloc != host:
        raise Http404("Not a URL of this site.")
    toolkit = ToolkitPage.find()
    prefixes = [reverse("toolkit_embed", args=["x"]).removesuffix("x/")]
    if toolkit is not None:
        prefixes.append(toolkit.url)
    for prefix in prefixes:
        if parts.path.startswith(prefix):
            slug = parts.path[len(prefix) :].strip("/")
            asset = CampaignAsset.objects.filter(slug=slug).select_related("image").first()
            if asset is not None:
                return asset, {key: values[0] for key, values in parse_qs(parts.query).items()}
    raise Http404("Not a campaign asset.")


def positive_int(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    if not value.isdigit() or int(value) == 0:
        raise ValueError(value)
    return int(value)


@require_GET
def oembed(request: HttpRequest) -> HttpResponse:
    """oEmbed (https://oembed.com) "rich" responses for asset pages, so CMSs can embed by URL."""
    if request.GET.get("format", "json") != "json":
        return HttpResponse("Only the json format is offered.", status=501)
    try:
        maxwidth = positive_int(request.GET.get("maxwidth"))
        maxheight = positive_int(request.GET.get("maxheight"))
    except ValueError:
        return HttpResponseBadRequest("maxwidth and maxheight must be positive whole numbers.")
    asset, query = asset_from_url(request.GET.get("url", ""), request.get_host())
    partner = Partner.objects.active().filter(code=query.get("partner", "")).first()
    shown = asset.displayed_asset()
    size = chosen_size(shown, query.get("size", ""), DEFAULT_EMBED_PRESET) if shown else None
    preset = size.preset if size else PRESETS[DEFAULT_EMBED_PRESET]
    width, height = preset.width, preset.height + IFRAME_CAPTION_HEIGHT
    scale = min(1, (maxwidth or width) / width, (maxheight or height) / height)
    width, height = math.floor(width * scale), math.floor(height * scale)
    src = request.build_absolute_uri(
        with_query(
            reverse("toolkit_embed", args=[asset.slug]),
            partner=partner.code if partner else "",
            size=preset.key,
        )
    )
    data = {
        "version": "1.0",
        "type": "rich",
        "title": shown.title if shown else asset.title,
        "provider_name": "End Demand CT",
        "provider_url": Site.find_for_request(request).root_url + "/",
        "cache_age": 3600,
        "html": render_to_string(
            "toolkit/oembed_iframe.html",
            {"src": src, "width": width, "height": height, "title": asset.title},
        ).strip(),
        "width": width,
        "height": height,
    }
    if size is not None:
        thumbnail = size.rendition("jpeg")
        data.update(
            author_name=shown.image.credit or "End Demand CT",
            thumbnail_url=request.build_absolute_uri(thumbnail.url),
            thumbnail_width=thumbnail.width,
            thumbnail_height=thumbnail.height,
        )
    response = JsonResponse(data)
    response["Access-Control-Allow-Origin"] = "*"
    return response
