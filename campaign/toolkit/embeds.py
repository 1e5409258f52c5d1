"""What partners paste into their sites, and the framing policy each embed response carries."""

from html import escape
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from .presets import Preset

# Room under the image for the credit line and the hotline inside the iframe.
IFRAME_CAPTION_HEIGHT = 140


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
        f'height="{preset.height}" alt="{escape(asset.image.default_alt_text)}"></a>'
        f"<figcaption>{credit}</figcaption></figure>"
    )
    iframe = (
        f'<iframe src="{escape(frame)}" width="{preset.width}" '
        f'height="{preset.height + IFRAME_CAPTION_HEIGHT}" title="{escape(asset.title)}: '
        f'End Demand CT" loading="lazy"></iframe>'
    )
    attrs = f'data-asset="{escape(slug)}" data-size="{preset.key}"'
    if partner_code:
        attrs += f' data-partner="{escape(partner_code)}"'
    tag = f'<script src="{escape(script)}" {attrs} async></script>'
    return [
        ("html", "Image and link (HTML)", html),
        ("iframe", "Frame (iframe)", iframe),
        ("script", "Script tag", tag),
    ]


def media_origin() -> str:
    """The origin of uploaded media when it is served from another host (e.g. object storage)."""
    parts = urlsplit(settings.MEDIA_URL)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def embed_csp(frame_ancestors: list[str]) -> str:
    """The embed document's whole policy: our images and styles only, framed only as given."""
    img_src = " ".join(filter(None, ["'self'", media_origin()]))
    ancestors = " ".join(frame_ancestors) or "'none'"
    return (
        f"default-src 'none'; img-src {img_src}; style-src 'self'; base-uri 'none'; "
        f"form-action 'none'; frame-ancestors {ancestors}"
    )
