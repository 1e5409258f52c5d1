"""The read-only syndication API at /api/v2/: pages (press releases, goal pages, ...), campaign
assets and facts. Each app owns its endpoint; this one router puts them under one root."""

from wagtail.api.v2.router import WagtailAPIRouter

from campaign.core.api import FactsAPIViewSet
from campaign.newsroom.api import ReleasedPagesAPIViewSet
from campaign.toolkit.api import CampaignAssetsAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ReleasedPagesAPIViewSet)
api_router.register_endpoint("assets", CampaignAssetsAPIViewSet)
api_router.register_endpoint("facts", FactsAPIViewSet)
