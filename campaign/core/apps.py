from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "campaign.core"
    label = "core"
    verbose_name = "Campaign core"

    def ready(self):
        # Connects the receivers that keep the cached main menu current.
        from . import navigation  # noqa: F401
