"""Syndication: a read-only Wagtail API (v2) endpoint at /api/v2/assets/ for partners to pull the
active campaign assets into their own sites, with renditions, download links, credit and licence
of the sizes offered to partners. Retired assets are never listed; results are paginated with
?limit= and ?offset=. The listing gives one language's assets, English unless ?locale=es asks for
the Spanish ones; an asset's own URL answers in any language."""

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.views import BaseAPIViewSet

from campaign.core.api_base import CheckedParametersMixin

from .models import CampaignAsset
from .presets import FORMATS
from .sizes import offered_sizes

# One web-friendly rendition per size in listings; every format is a download link away.
API_RENDITION_FORMAT = "jpeg"


class RenditionsField(serializers.Field):
    def to_representation(self, asset):
        renditions = {}
        for size in offered_sizes(asset):
            rendition = size.rendition(API_RENDITION_FORMAT)
            renditions[size.preset.key] = {
                "url": rendition.full_url,
                "width": rendition.width,
                "height": rendition.height,
            }
        return renditions


class DownloadsField(serializers.Field):
    def to_representation(self, asset):
        request = self.context["request"]
        return {
            size.preset.key: {
                extension: request.build_absolute_uri(
                    reverse("toolkit_download", args=[asset.slug, size.preset.key, extension])
                )
                for extension in FORMATS
            }
            for size in offered_sizes(asset)
        }


class CampaignAssetSerializer(BaseSerializer):
    goal = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    alt_text = serializers.CharField(source="image.default_alt_text", read_only=True)
    credit = serializers.CharField(source="image.credit", read_only=True)
    licence = serializers.CharField(source="image.licence", read_only=True)
    renditions = RenditionsField(source="*", read_only=True)
    downloads = DownloadsField(source="*", read_only=True)


class CampaignAssetsAPIViewSet(CheckedParametersMixin, BaseAPIViewSet):
    model = CampaignAsset
    name = "assets"
    base_serializer_class = CampaignAssetSerializer
    body_fields = [
        *BaseAPIViewSet.body_fields,
        "title",
        "slug",
        "message",
        "goal",
        "alt_text",
        "credit",
        "licence",
        "renditions",
        "downloads",
    ]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, *body_fields[1:]]
    known_query_parameters = BaseAPIViewSet.known_query_parameters | {"locale"}

    def get_queryset(self):
        assets = CampaignAsset.objects.active().with_sizes().select_related("goal").order_by("id")
        if self.action == "listing_view":
            language = self.request.GET.get("locale", settings.LANGUAGE_CODE)
            assets = assets.filter(locale__language_code=language)
        return assets
