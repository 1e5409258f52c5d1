"""Tracking webhook bodies as Mailgun and Postmark send them, for a message the stand-in
recorded, and a client helper that posts them with the webhook's basic-auth secret."""

import base64
import hashlib
import hmac
import json
import time
import uuid

from .esp_stub import Recorded

SIGNING_KEY = "mailgun-signing-key-test"
SECRET = "anymail:webhook-secret-test"
AUTH = {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(SECRET.encode()).decode()}

MAILGUN_EVENTS = {
    "delivered": {"event": "delivered"},
    "opened": {"event": "opened"},
    "clicked": {"event": "clicked", "url": "https://www.example.org/news/"},
    "bounced": {"event": "failed", "severity": "permanent", "reason": "bounce"},
    "complained": {"event": "complained"},
    "unsubscribed": {"event": "unsubscribed"},
}
POSTMARK_EVENTS = {
    "delivered": {"RecordType": "Delivery", "DeliveredAt": "2026-11-23T10:00:00Z"},
    "opened": {"RecordType": "Open", "ReceivedAt": "2026-11-23T10:05:00Z"},
    "clicked": {
        "RecordType": "Click",
        "ReceivedAt": "2026-11-23T10:06:00Z",
        "OriginalLink": "https://www.example.org/news/",
    },
    "bounced": {"RecordType": "Bounce", "Type": "HardBounce", "BouncedAt": "2026-11-23T10:01Z"},
    "complained": {
        "RecordType": "SpamComplaint",
        "Type": "SpamComplaint",
        "BouncedAt": "2026-11-23T10:07:00Z",
    },
    "unsubscribed": {
        "RecordType": "SubscriptionChange",
        "SuppressSending": True,
        "SuppressionReason": "ManualSuppression",
        "ChangedAt": "2026-11-23T10:08:00Z",
    },
}


def mailgun_body(message: Recorded, kind: str, signing_key: str = SIGNING_KEY) -> str:
    timestamp, token = str(int(time.time())), uuid.uuid4().hex
    signature = hmac.new(
        signing_key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256
    ).hexdigest()
    event = {
        **MAILGUN_EVENTS[kind],
        "timestamp": time.time(),
        "recipient": message.to,
        "message": {"headers": {"message-id": message.message_id.strip("<>")}},
        "user-variables": message.metadata,
    }
    return json.dumps(
        {
            "signature": {"timestamp": timestamp, "token": token, "signature": signature},
            "event-data": event,
        }
    )


def postmark_body(message: Recorded, kind: str) -> str:
    event = {
        **POSTMARK_EVENTS[kind],
        "MessageID": message.message_id,
        "Recipient": message.to,
        "Email": message.to,
        "Metadata": message.metadata,
        "Tag": "media-alert",
    }
    return json.dumps(event)


def post_event(client, message: Recorded, kind: str, **auth):
    """Post the provider's event for `message` to its Anymail tracking webhook."""
    body = mailgun_body(message, kind) if message.esp == "mailgun" else postmark_body(message, kind)
    return client.post(
        f"/anymail/{message.esp}/tracking/",
        data=body,
        content_type="application/json",
        **(auth or AUTH),
    )
