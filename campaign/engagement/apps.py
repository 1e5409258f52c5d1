from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "campaign.engagement"
    label = "engagement"
    verbose_name = "Engagement"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the signal receivers)
