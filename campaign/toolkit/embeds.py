"""What partners paste into their sites, and the framing policy each embed response carries."""

import math
from html import escape
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from .presets import PRESETS, Preset

# Room under the image for the credit line and the hotline inside the iframe at full size. When
# the frame is narrower the embed document shrinks the image, never the hotline.
IFRAME_CAPTION_HEIGHT = 140
# oEmbed thumbnails: a link-preview card, scaled down to maxwidth/maxheight when asked.
THUMBNAIL_SIZE = (1200, 630)


def with_query(base: str, /, **params: str) -> str:
    """The URL with the non-empty parameters as its query string."""
    params = {key: value for key, value in params.items() if value}
    return f"{base}?{urlencode(params)}" if params else base


def embed_codes(
    request: HttpRequest, asset, preset: Preset, partner_code: str = ""
) -> list[tuple[str, str, str]]:
    """(kind, label, code) for the plain HTML, the iframe and the script tag of one size."""
    absolute = request.build_absolute_uri
    slug = asset.slug
    go = absolute(
        with_query(reverse("toolkit_go", args=[slug]), partner=partner_code, size=preset.key)
    )
    image = absolute(
        with_query(
            reverse("toolkit_embed_image", args=[slug, preset.key, "jpg"]), partner=partner_code
        )
    )
    frame = absolute(
        with_query(reverse("toolkit_embed", args=[slug]), partner=partner_code, size=preset.key)
    )
    script = absolute(reverse("toolkit_embed_js"))
    credit = escape(" · ".join(filter(None, [asset.image.credit, asset.image.licence])))
    html = (
        f'<figure><a href="{escape(go)}"><img src="{escape(image)}" width="{preset.width}" '
        f'height="{preset.height}" alt="{escape(asset.image.default_alt_text)}" '
        f'style="max-width:100%;height:auto"></a>'
        f"<figcaption>{credit}</figcaption></figure>"
    )
    iframe = iframe_code(frame, asset.title, preset.width, preset.height + IFRAME_CAPTION_HEIGHT)
    attrs = f'data-asset="{escape(slug)}" data-size="{preset.key}"'
    if partner_code:
        attrs += f' data-partner="{escape(partner_code)}"'
    tag = f'<script src="{escape(script)}" {attrs} async></script>'
    return [
        ("html", "Image and link (HTML)", html),
        ("iframe", "Frame (iframe)", iframe),
        ("script", "Script tag", tag),
    ]


def iframe_code(src: str, title: str, width: int, height: int) -> str:
    """A frame that fills its container's width up to `width` and keeps its aspect ratio. The
    width and height attributes alone still give the full size where a site strips styles."""
    return (
        f'<iframe src="{escape(src)}" width="{width}" height="{height}" '
        f'title="{escape(title)}: End Demand CT" loading="lazy" '
        f'style="width:100%;max-width:{width}px;height:auto;aspect-ratio:{width}/{height};border:0">'
        f"</iframe>"
    )


def fitted_size(
    preset: Preset, maxwidth: int | None, maxheight: int | None, caption: int
) -> tuple[int, int] | None:
    """(width, height) of a frame of the preset with its caption, within maxwidth and maxheight;
    None when not even a sliver of the image fits above the caption."""
    width = min(preset.width, maxwidth or preset.width)
    if maxheight and preset.height * width / preset.width + caption > maxheight:
        width = math.floor(preset.width * (maxheight - caption) / preset.height)
    image_height = math.floor(preset.height * width / preset.width)
    if width < 1 or image_height < 1:
        return None
    return width, image_height + caption


def thumbnail_box(maxwidth: int | None, maxheight: int | None) -> tuple[int, int]:
    """The box the oEmbed thumbnail must fit in: the consumer's maxwidth and maxheight, if any."""
    width, height = THUMBNAIL_SIZE
    return min(width, maxwidth or width), min(height, maxheight or height)


def media_origin() -> str:
    """The origin of uploaded media when it is served from another host (e.g. object storage)."""
    parts = urlsplit(settings.MEDIA_URL)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def embed_csp(frame_ancestors: list[str]) -> str:
    """The embed document's whole policy: our images, styles and script (which talks only to our
    beacon), framed only as given."""
    img_src = " ".join(filter(None, ["'self'", media_origin()]))
    ancestors = " ".join(frame_ancestors) or "'none'"
    return (
        f"default-src 'none'; img-src {img_src}; style-src 'self'; script-src 'self'; "
        f"connect-src 'self'; base-uri 'none'; "
        f"form-action 'none'; frame-ancestors {ancestors}"
    )


def embed_paths(slug: str) -> list[str]:
    """Every URL under which Varnish keeps an embed of the asset: the document and its data,
    without a size and with each, as deploy/varnish/default.vcl normalises them."""
    bases = [reverse("toolkit_embed", args=[slug]), reverse("toolkit_embed_data", args=[slug])]
    return [base + query for base in bases for query in ["", *(f"?size={k}" for k in PRESETS)]]
