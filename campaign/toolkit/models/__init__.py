from .assets import CampaignAsset
from .counts import DailyCount
from .pages import ToolkitPage
from .partners import Partner
from .sizes import AssetSize

__all__ = ["AssetSize", "CampaignAsset", "DailyCount", "Partner", "ToolkitPage"]
