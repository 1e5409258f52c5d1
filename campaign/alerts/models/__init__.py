from .alerts import MediaAlert
from .contacts import ContactState, MediaList, PressContact, is_administrator
from .deliveries import Delivery, DeliveryStatus

__all__ = [
    "ContactState",
    "Delivery",
    "DeliveryStatus",
    "MediaAlert",
    "MediaList",
    "PressContact",
    "is_administrator",
]
