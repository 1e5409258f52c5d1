from .assets import CampaignAsset
from .counts import DailyCount
from .pages import ToolkitPage
from .partners import Partner

__all__ = ["CampaignAsset", "DailyCount", "Partner", "ToolkitPage"]
