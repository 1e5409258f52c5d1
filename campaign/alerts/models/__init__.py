from .alerts import MediaAlert
from .contacts import ContactState, MediaList, PressContact, is_administrator
from .deliveries import Delivery, DeliveryStatus
from .imports import ContactImport

__all__ = [
    "ContactImport",
    "ContactState",
    "Delivery",
    "DeliveryStatus",
    "MediaAlert",
    "MediaList",
    "PressContact",
    "is_administrator",
]
