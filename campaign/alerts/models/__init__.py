from .alerts import MediaAlert
from .contacts import ContactState, MediaList, PressContact, is_administrator
from .deliveries import Delivery, DeliveryStatus
from .signups import NewsroomSignup, SignupReview

__all__ = [
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
