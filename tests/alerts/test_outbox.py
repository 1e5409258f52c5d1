"""Without a provider, development writes each recipient's message to the local outbox."""

import datetime
from email import message_from_bytes

import pytest

from campaign.alerts import sending

from .conftest import make_contacts
from .factories import MediaAlertFactory, MediaListFactory

pytestmark = pytest.mark.django_db


def test_outbox_gets_one_eml_per_recipient_with_its_own_link(settings, tmp_path):
    """Each .eml file is one contact's message, its unsubscribe link filled in, never sent."""
    settings.ALERTS_EMAIL_BACKEND = "campaign.alerts.outbox.OutboxBackend"
    settings.ALERTS_OUTBOX_DIR = tmp_path
    media_list = MediaListFactory()
    make_contacts(2, media_list, prefix="box")
    alert = MediaAlertFactory(
        lists=[media_list],
        status="scheduled",
        scheduled_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )
    sending.start_alert(alert.pk)
    sending.send_next_batch(alert.pk)
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 2
    messages = [message_from_bytes(path.read_bytes()) for path in files]
    assert sorted(m["To"] for m in messages) == ["box0@example.com", "box1@example.com"]
    for message in messages:
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        text = message.get_payload()[0].get_payload(decode=True).decode()
        assert "%recipient" not in text
        assert "".join(message["List-Unsubscribe"].split()).strip("<>") in text
