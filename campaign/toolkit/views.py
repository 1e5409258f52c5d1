"""Endpoints for other sites: the embed document, its data for embed.js, the counted image and
click-through, oEmbed, downloads and the embed-code copy counter. Embeds work on any site: a
registered partner's code counts them under the partner on its own domains, anything else counts
under the embedding site's host name, and a blocked host gets the neutral campaign card. None of
them sets a cookie; GET and HEAD are both answered and only GET (or a copy's POST) is counted."""

import functools
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Site

from campaign.core.models import CampaignSettings

from . import tally
from .beacon import Beacon
from .beacon import answer as beacon_answer
from .beacon import respond as beacon_respond
from .counting import Where, count_request
from .downloads import download_response
from .embeds import (
    IFRAME_CAPTION_HEIGHT,
    embed_csp,
    fitted_size,
    iframe_code,
    thumbnail_box,
    with_query,
)
from .hosts import embedding_host, embedding_origin, normalise_host
from .kinds import CountKind
from .models import BlockedHost, CampaignAsset, Partner, ToolkitPage
from .origins import origin_allowed
from .presets import DEFAULT_EMBED_PRESET, FORMATS, PRESETS, Preset
from .sizes import chosen_size, offered_size

EMBED_JS = Path(__file__).parent / "static" / "toolkit" / "embed.js"
COPY_CODE_KINDS = {"html", "iframe", "script"}


def partner_named(code: str) -> Partner | None:
    """The approved, active partner with this code; None for no code or an unknown one."""
    code = code.strip()[:40]
    return Partner.objects.active().filter(code=code).first() if code else None


def where_embedded(request: HttpRequest, code: str, site: str = "") -> tuple[Where, bool]:
    """Whom an embed is counted for, and whether its host is blocked. The host is the one the
    browser names (Origin or Referer), else `site` that our own embed document passed on. A
    partner's code counts for the partner only on its registered domains (or where the browser
    does not say); elsewhere the use is counted under that host."""
    host = embedding_host(request) or normalise_host(site)
    partner = partner_named(code)
    origin = embedding_origin(request)
    if partner and host and origin and not origin_allowed(origin, partner.domains):
        partner = None
    blocked = BlockedHost.objects.is_blocked(host)
    return Where(partner=None if blocked else partner, host=host), blocked


def get_preset(request: HttpRequest) -> Preset:
    return PRESETS.get(request.GET.get("size", ""), PRESETS[DEFAULT_EMBED_PRESET])


def refused(status: int, message: str) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Content-Security-Policy"] = embed_csp([])
    response["Cache-Control"] = "no-store"
    return response


def card_font_sizes(preset: Preset, campaign: CampaignSettings) -> dict[str, int]:
    """Font sizes for the neutral card's three lines so that each fits the card's width and a
    quarter of its height. An average sans-serif letter is about 0.6 em wide."""

    def fitting(text: str, share_of_height: float) -> int:
        by_width = preset.width * 0.9 / (0.6 * max(len(text), 1))
        return max(8, int(min(by_width, preset.height * share_of_height)))

    return {
        "title": fitting("End Demand CT", 0.25),
        "name": fitting(campaign.hotline_name, 0.16),
        "phone": fitting(campaign.hotline_phone, 0.2),
    }


def embed_context(request: HttpRequest, asset: CampaignAsset, preset: Preset) -> dict:
    """What an embed shows: the asset, its active replacement, or the neutral campaign card (a
    retired asset without replacement). The same for every site it is shown on, so Varnish
    keeps one copy per asset and size; the site and partner reach only the beacon and the
    click-through, which the embed adds on the visitor's side."""
    shown = asset.displayed_asset()
    size = offered_size(shown, preset.key) if shown else None
    if size is None:
        shown = None
    context = {
        "requested": asset,
        "shown": shown,
        "preset": preset,
        "campaign": CampaignSettings.for_request(request),
        "home_url": Site.find_for_request(request).root_url + "/",
        "count_url": with_query(
            reverse("toolkit_beacon"),
            a=asset.slug,
            d=(shown or asset).slug,
            s=preset.key,
        ),
    }
    if shown is not None:
        context["rendition"] = size.rendition("webp")
        context["go_url"] = request.build_absolute_uri(
            with_query(reverse("toolkit_go", args=[shown.slug]), size=preset.key)
        )
    return context


def embed_asset(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Look up the embed's asset and size. Only a size we offer is cached: any other value is
    answered with the default size, uncached, so made-up sizes cannot fill Varnish."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, slug: str) -> HttpResponse:
        asset = CampaignAsset.objects.by_slug(slug).select_related("image").first()
        if asset is None:
            return refused(404, _("No campaign asset has this address."))
        response = view(request, asset, get_preset(request))
        if request.GET.get("size", DEFAULT_EMBED_PRESET) not in PRESETS:
            response["Cache-Control"] = "no-store"
        return response

    return wrapped


@xframe_options_exempt
@require_safe
@embed_asset
def embed(request: HttpRequest, asset: CampaignAsset, preset: Preset) -> HttpResponse:
    """The self-contained embed document that any site may frame. Its script reports the
    impression to the beacon, which also says when the site is blocked."""
    context = embed_context(request, asset, preset)
    response = HttpResponse(render_to_string("toolkit/embed.html", context, request))
    response["Content-Security-Policy"] = embed_csp(["*"])
    response["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response


@xframe_options_exempt
@require_safe
@embed_asset
def embed_data(request: HttpRequest, asset: CampaignAsset, preset: Preset) -> HttpResponse:
    """The same embed as JSON for embed.js, readable from any site (no credentials)."""
    context = embed_context(request, asset, preset)
    shown, campaign = context["shown"], context["campaign"]
    data = {
        "hotline": {
            "name": campaign.hotline_name,
            "phone": campaign.hotline_phone,
            "tel": campaign.hotline_tel,
        },
        "organisation": campaign.organisation_name,
        "home_url": context["home_url"],
        "neutral_message": _("Buyers drive sex trafficking. Help end the demand."),
        "count": context["count_url"],
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
    response = JsonResponse(data)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@csrf_exempt  # counts an impression and nothing else: no session or user state to protect
def beacon(request: HttpRequest) -> HttpResponse:
    """/count/impression/ when counts go straight to PostgreSQL (development, tests); with Redis
    the WSGI middleware answers it before Django (campaign.toolkit.beacon)."""
    if tally.enabled():
        return as_response(*beacon_respond(request.META))
    if request.method not in ("GET", "POST", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    said = Beacon(request.META.get("QUERY_STRING", ""))
    if said.problem:
        return HttpResponseBadRequest(said.problem)
    host = normalise_host(said.origin)
    partner = partner_named(said.partner)
    if partner and said.origin and not origin_allowed(said.origin, partner.domains):
        partner = None
    blocked = BlockedHost.objects.is_blocked(host)
    counted = CampaignAsset.objects.by_slug(said.asset if blocked else said.shown).first()
    if counted is not None:
        where = Where(partner=None if blocked else partner, host=host)
        kind = CountKind.BLOCKED if blocked else CountKind.IMPRESSION
        count_request(request, counted, kind, where, said.size)
    return as_response(*beacon_answer(blocked))


def as_response(status: str, headers: list[tuple[str, str]], body: bytes) -> HttpResponse:
    """A beacon answer (WSGI status line, headers, body) as Django's response."""
    response = HttpResponse(body, status=int(status.split()[0]))
    for name, value in headers:
        response[name] = value
    return response


@xframe_options_exempt
@require_safe
def embed_image(request: HttpRequest, slug: str, preset: str, extension: str) -> HttpResponse:
    """The image of the plain-HTML embed code: counted, then sent to the current rendition."""
    asset = CampaignAsset.objects.by_slug(slug).select_related("image").first()
    if asset is None or preset not in PRESETS or extension not in FORMATS:
        return refused(404, _("No such asset, size or format."))
    where, blocked = where_embedded(request, request.GET.get("partner", ""))
    shown = None if blocked else asset.displayed_asset()
    size = offered_size(shown, preset) if shown else None
    count_request(
        request,
        asset if blocked else shown or asset,
        CountKind.BLOCKED if blocked else CountKind.IMPRESSION,
        where,
        preset,
    )
    if size is None:
        campaign = CampaignSettings.for_request(request)
        card_preset = PRESETS[preset]
        context = {
            "preset": card_preset,
            "campaign": campaign,
            "card": card_font_sizes(card_preset, campaign),
        }
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
@require_safe
def embed_js(request: HttpRequest) -> HttpResponse:
    """The one-line script embed: draws the asset into the partner's page from our origin only."""
    response = HttpResponse(embed_script(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def download(request: HttpRequest, slug: str, preset: str, extension: str) -> HttpResponse:
    """One size of an asset as a file, counted as a download. The count is this small uncached
    redirect; the file behind it is the same for everyone, so Varnish may serve it."""
    asset = CampaignAsset.objects.by_slug(slug).select_related("image").first()
    if asset is None or preset not in PRESETS or extension not in FORMATS:
        raise Http404(_("No such asset, size or format."))
    if not (asset.is_active and asset.image):
        return retired_response()
    if offered_size(asset, preset) is None:
        return size_not_offered_response()
    where = Where(partner=partner_named(request.GET.get("partner", "")))
    count_request(request, asset, CountKind.DOWNLOAD, where, preset)
    response = HttpResponseRedirect(reverse("toolkit_file", args=[slug, preset, extension]))
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def download_file(request: HttpRequest, slug: str, preset: str, extension: str) -> HttpResponse:
    """The file a download redirects to: an attachment with its credit and licence, cacheable."""
    asset = CampaignAsset.objects.by_slug(slug).select_related("image").first()
    if asset is None or preset not in PRESETS or extension not in FORMATS:
        raise Http404(_("No such asset, size or format."))
    if not (asset.is_active and asset.image):
        return retired_response()
    size = offered_size(asset, preset)
    if size is None:
        return size_not_offered_response()
    toolkit = ToolkitPage.find()
    about = toolkit.asset_url(asset, request) if toolkit else request.build_absolute_uri("/")
    return download_response(request, asset, size, FORMATS[extension], about)


def size_not_offered_response() -> HttpResponse:
    return HttpResponse(
        _("This size of the asset is not offered yet. The asset page lists the sizes it is."),
        status=404,
        content_type="text/plain; charset=utf-8",
    )


def retired_response() -> HttpResponse:
    return HttpResponse(
        _("This asset has been retired and is no longer offered for download."),
        status=410,
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def go(request: HttpRequest, slug: str) -> HttpResponse:
    """A click on an embed: counted, then sent on to the asset's (or its replacement's) link."""
    asset = get_object_or_404(CampaignAsset, slug=slug)
    where, blocked = where_embedded(
        request, request.GET.get("partner", ""), request.GET.get("site", "")
    )
    shown = None if blocked else asset.displayed_asset()
    size = request.GET.get("size", "")
    if not blocked:
        count_request(
            request, shown or asset, CountKind.CLICK, where, size if size in PRESETS else ""
        )
    fallback = Site.find_for_request(request).root_url + "/"
    response = HttpResponseRedirect(shown.target_url(fallback) if shown else fallback)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt  # counts a copy and nothing else: there is no session or user state to protect
@require_POST
def copied(request: HttpRequest, slug: str) -> HttpResponse:
    """The copy buttons (asset page and admin) report here which embed code was copied."""
    asset = get_object_or_404(CampaignAsset, slug=slug)
    size = request.POST.get("size", "")
    if size not in PRESETS or request.POST.get("code", "") not in COPY_CODE_KINDS:
        return HttpResponseBadRequest(_("Say which size and which embed code was copied."))
    where = Where(partner=partner_named(request.POST.get("partner", "")))
    count_request(request, asset, CountKind.EMBED_COPY, where, size)
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
            asset = CampaignAsset.objects.by_slug(slug).select_related("image").first()
            if asset is not None:
                return asset, {key: values[0] for key, values in parse_qs(parts.query).items()}
    raise Http404("Not a campaign asset.")


def positive_int(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    if not value.isdigit() or int(value) == 0:
        raise ValueError(value)
    return int(value)


@require_safe
def oembed(request: HttpRequest) -> HttpResponse:
    """oEmbed (https://oembed.com) "rich" responses for asset pages, so CMSs can embed by URL.
    maxwidth and maxheight bound the frame and the thumbnail alike."""
    if request.GET.get("format", "json") != "json":
        return HttpResponse(_("Only the json format is offered."), status=501)
    try:
        maxwidth = positive_int(request.GET.get("maxwidth"))
        maxheight = positive_int(request.GET.get("maxheight"))
    except ValueError:
        return HttpResponseBadRequest(_("maxwidth and maxheight must be positive whole numbers."))
    asset, query = asset_from_url(request.GET.get("url", ""), request.get_host())
    partner = partner_named(query.get("partner", ""))
    shown = asset.displayed_asset()
    size = chosen_size(shown, query.get("size", ""), DEFAULT_EMBED_PRESET) if shown else None
    preset = size.preset if size else PRESETS[DEFAULT_EMBED_PRESET]
    fitted = fitted_size(preset, maxwidth, maxheight, IFRAME_CAPTION_HEIGHT)
    if fitted is None:
        raise Http404(_("No embed of this asset fits in maxheight."))
    width, height = fitted
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
        "html": iframe_code(src, asset.title, width, height),
        "width": width,
        "height": height,
    }
    if size is not None:
        thumbnail = size.rendition("jpeg", within=thumbnail_box(maxwidth, maxheight))
        data.update(
            author_name=shown.image.credit or "End Demand CT",
            thumbnail_url=request.build_absolute_uri(thumbnail.url),
            thumbnail_width=thumbnail.width,
            thumbnail_height=thumbnail.height,
        )
    response = JsonResponse(data)
    response["Access-Control-Allow-Origin"] = "*"
    return response
