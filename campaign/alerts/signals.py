"""Receivers: provider tracking events, and alerts sent when their release is published."""

from anymail.signals import tracking
from django.dispatch import receiver
from django.utils import timezone

from campaign.newsroom.signals import release_published

from .models import MediaAlert
from .tasks import enqueue_at, start_alert
from .webhooks import apply_tracking_event


@receiver(tracking, dispatch_uid="alerts_tracking")
def handle_tracking(sender, event, esp_name, **kwargs):
    apply_tracking_event(event)


@receiver(release_published, dispatch_uid="alerts_send_on_publish")
def send_alerts_for_published_release(sender, instance, **kwargs):
    """Alerts marked 'send when the release is published' go out when it actually goes public
    (newsroom's signal: Wagtail's page_published also fires when a release is only scheduled)."""
    now = timezone.now()
    for alert in MediaAlert.objects.filter(
        release_id=instance.pk, send_on_publish=True, status=MediaAlert.Status.DRAFT
    ):
        if MediaAlert.objects.filter(pk=alert.pk, status=MediaAlert.Status.DRAFT).update(
            status=MediaAlert.Status.SCHEDULED, scheduled_at=now
        ):
            enqueue_at(start_alert, None, alert.pk)
