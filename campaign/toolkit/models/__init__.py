from .assets import CampaignAsset
from .counts import CountFlush, DailyCount
from .hosts import BlockedHost
from .pages import ToolkitPage
from .partners import Partner
from .sizes import AssetSize

__all__ = [
    "AssetSize",
    "BlockedHost",
    "CampaignAsset",
    "CountFlush",
    "DailyCount",
    "Partner",
    "ToolkitPage",
]
