from .alerts import MediaAlert
from .contacts import ContactState, MediaList, PressContact, is_administrator
from .deliveries import Delivery, DeliveryStatus
from .imports import ContactImport
from .signups import NewsroomSignup, SignupReview

__all__ = [
    "ContactImport",
    "ContactState",
    "Delivery",
    "DeliveryStatus",
    "MediaAlert",
    "MediaList",
    "NewsroomSignup",
    "PressContact",
    "SignupReview",
    "is_administrator",
]
