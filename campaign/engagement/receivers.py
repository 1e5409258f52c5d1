"""Signal receivers: forward off-site events that other apps report to Plausible."""

from django.dispatch import receiver

from campaign.core.signals import offsite_event

from .tasks import send_event_in_background


@receiver(offsite_event, dispatch_uid="engagement.offsite_event")
def forward_offsite_event(sender, name: str, url: str, props: dict | None = None, **kwargs) -> None:
    send_event_in_background(name, url, props)
