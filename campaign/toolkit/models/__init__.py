from .assets import CampaignAsset
from .counts import DailyCount
from .hosts import BlockedHost
from .pages import ToolkitPage
from .partners import Partner

__all__ = ["BlockedHost", "CampaignAsset", "DailyCount", "Partner", "ToolkitPage"]
