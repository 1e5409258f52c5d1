"""Provider tracking events -> Delivery and PressContact state.

Anymail validates each webhook (basic auth with ANYMAIL WEBHOOK_SECRET, and Mailgun's HMAC
signature) and normalises the event; this module applies it. Events may arrive twice and in any
order, so each kind only fills its own timestamp once, and a state never moves backwards.
"""

from anymail.exceptions import AnymailConfigurationError
from anymail.signals import AnymailTrackingEvent, EventType
from anymail.webhooks.mailgun import MailgunTrackingWebhookView
from anymail.webhooks.postmark import PostmarkTrackingWebhookView
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponseBadRequest
from django.utils import timezone

from .models import ContactState, Delivery, DeliveryStatus

# Event type -> the Delivery timestamp it fills.
EVENT_FIELDS = {
    EventType.DELIVERED: "delivered_at",
    EventType.OPENED: "opened_at",
    EventType.CLICKED: "clicked_at",
    EventType.BOUNCED: "bounced_at",
    EventType.COMPLAINED: "complained_at",
    EventType.UNSUBSCRIBED: "unsubscribed_at",
}
# Events that prove the provider accepted the message.
ACCEPTED_EVENTS = {EventType.QUEUED, EventType.SENT, EventType.DEFERRED, *EVENT_FIELDS}
# Events that prove the provider refused it without sending.
REFUSED_EVENTS = {EventType.REJECTED, EventType.FAILED}
# Engagement implies delivery, whichever event arrives first.
IMPLIES_DELIVERED = {EventType.OPENED, EventType.CLICKED, EventType.COMPLAINED}
SUPPRESSES = {
    EventType.BOUNCED: ContactState.BOUNCED,
    EventType.COMPLAINED: ContactState.COMPLAINED,
    EventType.UNSUBSCRIBED: ContactState.UNSUBSCRIBED,
}


def find_delivery(event: AnymailTrackingEvent) -> Delivery | None:
    """By the delivery id we sent as metadata, else by message id and recipient."""
    delivery_id = str((event.metadata or {}).get("delivery", ""))
    if delivery_id.isdigit():
        delivery = Delivery.objects.filter(pk=int(delivery_id)).select_related("contact").first()
        if delivery and (not event.recipient or delivery.email == event.recipient.lower()):
            return delivery
    if event.message_id and event.recipient:
        return (
            Delivery.objects.filter(esp_message_id=event.message_id, email=event.recipient.lower())
            .select_related("contact")
            .first()
        )
    return None


def apply_tracking_event(event: AnymailTrackingEvent) -> bool:
    """Apply one event; return whether it matched a delivery."""
    delivery = find_delivery(event)
    if delivery is None:
        return False
    when = event.timestamp or timezone.now()
    rows = Delivery.objects.filter(pk=delivery.pk)
    with transaction.atomic():
        if event.event_type in ACCEPTED_EVENTS:
            # Settles an unknown outcome: the provider has the message.
            rows.filter(status=DeliveryStatus.UNKNOWN).update(
                status=DeliveryStatus.SENT, sent_at=when, error=""
            )
            if event.message_id:
                rows.filter(esp_message_id="").update(esp_message_id=event.message_id)
        elif event.event_type in REFUSED_EVENTS:
            rows.filter(status__in=[DeliveryStatus.UNKNOWN, DeliveryStatus.SENT]).update(
                status=DeliveryStatus.FAILED,
                error=event.description or event.reject_reason or "Refused by the provider.",
            )
        field = EVENT_FIELDS.get(event.event_type)
        if field:
            rows.filter(**{f"{field}__isnull": True}).update(
                **{field: when}, last_event=event.event_type
            )
        if event.event_type in IMPLIES_DELIVERED:
            rows.filter(delivered_at__isnull=True).update(delivered_at=when)
        if event.event_type in SUPPRESSES:
            delivery.contact.suppress(SUPPRESSES[event.event_type])
        elif event.event_type == EventType.REJECTED and event.reject_reason == "bounced":
            delivery.contact.suppress(ContactState.BOUNCED)
    return True


def count_events(field: str, day_from, day_to) -> int:
    """Deliveries whose `field` timestamp falls within the inclusive dates (site time zone)."""
    return Delivery.objects.filter(
        Q(**{f"{field}__date__gte": day_from}) & Q(**{f"{field}__date__lte": day_to})
    ).count()


MALFORMED = (AnymailConfigurationError, AttributeError, KeyError, TypeError, ValueError)


class MalformedSafeMixin:
    """Anymail turns a failed signature into a 400, but a body it cannot parse into a 500; a
    provider (or anyone) sending garbage gets a 400 here. Errors while applying a well-formed
    event still surface as a 500, so the provider retries it."""

    def run_validators(self, request):
        try:
            super().run_validators(request)
        except MALFORMED as error:
            raise MalformedWebhook(str(error)) from error

    def parse_events(self, request):
        try:
            return super().parse_events(request)
        except MALFORMED as error:
            raise MalformedWebhook(str(error)) from error

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except MalformedWebhook:
            return HttpResponseBadRequest("Malformed webhook payload.")


class MalformedWebhook(Exception):
    pass


class MailgunTrackingView(MalformedSafeMixin, MailgunTrackingWebhookView):
    pass


class PostmarkTrackingView(MalformedSafeMixin, PostmarkTrackingWebhookView):
    pass
