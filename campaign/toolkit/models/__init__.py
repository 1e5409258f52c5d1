from .assets import CampaignAsset
from .counts import DailyCount
from .hosts import BlockedHost
from .pages import ToolkitPage
from .partners import Partner
from .sizes import AssetSize

__all__ = ["AssetSize", "BlockedHost", "CampaignAsset", "DailyCount", "Partner", "ToolkitPage"]
