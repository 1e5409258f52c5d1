"""schema.org NewsArticle data for a press release, emitted as a JSON-LD data block."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from campaign.core.models import CampaignSettings

from .dates import in_release_time_zone

# The JSON sits inside <script>: these characters must not be able to close the element.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def news_article(page, request: HttpRequest) -> SafeString:
    """The release as schema.org NewsArticle JSON, safe to put inside a script element."""
    organisation = CampaignSettings.for_request(request).organisation_name
    publisher = {"@type": "Organization", "name": organisation}
    url = page.get_full_url(request) if page.pk and page.url else ""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "datePublished": in_release_time_zone(page.release_at).isoformat(),
        "dateModified": in_release_time_zone(page.last_published_at or page.release_at).isoformat(),
        "dateline": page.dateline,
        "description": page.summary_text,
        "author": publisher,
        "publisher": publisher,
    }
    if page.subheadline:
        data["alternativeHeadline"] = page.subheadline
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    image = page.get_social_image()
    if image:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        data["image"] = request.build_absolute_uri(rendition.url)
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above
