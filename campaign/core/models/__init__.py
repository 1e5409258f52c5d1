from .facts import Fact
from .goals import CampaignGoal
from .images import CampaignImage, CampaignRendition
from .pages import BasePage
from .policy import PolicyRecommendation
from .site_settings import CampaignSettings

__all__ = [
    "BasePage",
    "CampaignGoal",
    "CampaignImage",
    "CampaignRendition",
    "CampaignSettings",
    "Fact",
    "PolicyRecommendation",
]
