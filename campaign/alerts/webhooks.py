"""Provider tracking events -> Delivery and PressContact state.

Anymail validates each webhook (basic auth with ANYMAIL WEBHOOK_SECRET, and Mailgun's HMAC
signature) and normalises the event; this module applies it. Events may arrive twice and in any
order, so each kind only fills its own timestamp once, and a state never moves backwards.
"""

import functools
import json

from anymail.exceptions import AnymailConfigurationError
from anymail.signals import AnymailTrackingEvent, EventType
from anymail.webhooks.mailgun import MailgunTrackingWebhookView
from anymail.webhooks.postmark import PostmarkTrackingWebhookView
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_exempt

from campaign.core.text import has_unusable_characters

from .models import ContactState, Delivery, DeliveryStatus
from .providers import PROVIDERS

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

# The fields of a tracking body that Anymail and this module read, with the JSON type each must
# have when present (a nested dict is the shape of a nested object). Unknown fields are ignored.
Shape = dict[str, "type | tuple[type, ...] | Shape"]
NUMBER = (int, float)
MAILGUN_SHAPE: Shape = {
    "signature": {"timestamp": (str, *NUMBER), "token": str, "signature": str},
    "event-data": {
        "event": str,
        "id": str,
        "timestamp": NUMBER,
        "recipient": str,
        "severity": str,
        "reason": str,
        "url": str,
        "tags": list,
        "user-variables": dict,
        "message": {"headers": {"message-id": str}},
        "delivery-status": {"code": (int, str), "message": str, "description": str},
    },
}
POSTMARK_SHAPE: Shape = {
    "RecordType": str,
    "Type": str,
    "TypeCode": int,
    "MessageID": str,
    "Recipient": str,
    "Email": str,
    "Tag": str,
    "Metadata": dict,
    "ReceivedAt": str,
    "DeliveredAt": str,
    "BouncedAt": str,
    "ChangedAt": str,
    "Description": str,
    "Details": str,
    "OriginalLink": str,
    "SuppressSending": bool,
    "SuppressionReason": str,
}
# Longer than any address, message id or reason a provider sends.
LONGEST_TEXT = 2000


def has_type(value, expected: type | tuple[type, ...]) -> bool:
    """isinstance, except that JSON's true and false are not numbers."""
    types = expected if isinstance(expected, tuple) else (expected,)
    return bool in types if isinstance(value, bool) else isinstance(value, types)


def check_shape(value, shape: Shape, where: str = "body") -> None:
    """Raise MalformedWebhook unless `value` is an object whose known fields have their types."""
    if not isinstance(value, dict):
        raise MalformedWebhook(f"{where} must be a JSON object")
    for key, expected in shape.items():
        if key not in value:
            continue
        if isinstance(expected, dict):
            check_shape(value[key], expected, f"{where}.{key}")
        elif not has_type(value[key], expected):
            raise MalformedWebhook(f"{where}.{key} has the wrong type")


def check_strings(value, where: str = "body") -> None:
    """Raise MalformedWebhook for a string with control characters or beyond any real length."""
    if isinstance(value, str):
        if len(value) > LONGEST_TEXT or has_unusable_characters([value]):
            raise MalformedWebhook(f"{where} is not usable text")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_strings(key, where)
            check_strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            check_strings(item, where)


class MalformedSafeMixin:
    """Anymail turns a failed signature into a 400, but a body it cannot parse into a 500; a
    provider (or anyone) sending garbage gets a 400 here. The body is checked against the
    provider's `body_shape` once the request is authenticated. Errors while applying a
    well-formed event still surface as a 500, so the provider retries it."""

    body_shape: Shape = {}

    def run_validators(self, request):
        try:
            super().run_validators(request)
        except MALFORMED as error:
            raise MalformedWebhook(str(error)) from error
        try:
            body = json.loads(request.body)
            check_shape(body, self.body_shape)
            check_strings(body)
        except ValueError as error:
            raise MalformedWebhook("body is not JSON") from error
        except RecursionError as error:  # JSON nested deeper than Python's parser goes
            raise MalformedWebhook("body is nested too deeply") from error

    def parse_events(self, request):
        try:
            return super().parse_events(request)
        except MALFORMED as error:
            raise MalformedWebhook(str(error)) from error

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except MalformedWebhook as error:
            return HttpResponseBadRequest(f"Malformed webhook payload: {error}.")


class MalformedWebhook(Exception):
    pass


class MailgunTrackingView(MalformedSafeMixin, MailgunTrackingWebhookView):
    body_shape = MAILGUN_SHAPE


class PostmarkTrackingView(MalformedSafeMixin, PostmarkTrackingWebhookView):
    body_shape = POSTMARK_SHAPE


@functools.cache
def provider_view(name: str):
    return import_string(PROVIDERS[name].tracking_view).as_view()


@csrf_exempt
def tracking_webhook(request: HttpRequest, provider: str) -> HttpResponse:
    """The configured provider's tracking webhook; every other provider's URL does not exist."""
    if provider != settings.ALERTS_ESP or provider not in PROVIDERS:
        raise Http404("No such webhook.")
    try:
        return provider_view(provider)(request)
    except AnymailConfigurationError as error:
        # A provider chosen without its keys (production refuses to start that way): the
        # webhook cannot verify anything, so it behaves as absent rather than accept events.
        raise Http404("This webhook is not configured.") from error
