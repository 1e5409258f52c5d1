"""Syndication of the facts library: /api/v2/facts/, read-only, paginated, every fact with its
source, so partners who quote a figure quote where it comes from."""

from rest_framework import serializers
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.views import BaseAPIViewSet

from .api_base import CheckedParametersMixin
from .models import Fact


class FactSerializer(BaseSerializer):
    source_url = serializers.CharField(source="source_link", read_only=True)
    goals = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)


class FactsAPIViewSet(CheckedParametersMixin, BaseAPIViewSet):
    model = Fact
    name = "facts"
    base_serializer_class = FactSerializer
    body_fields = [
        *BaseAPIViewSet.body_fields,
        "figure",
        "claim",
        "source_title",
        "source_url",
        "as_of",
        "goals",
    ]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, *body_fields[1:]]

    def get_queryset(self):
        return Fact.objects.select_related("source_document").prefetch_related("goals")
