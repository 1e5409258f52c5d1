from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "campaign.core"
    label = "core"
    verbose_name = "Campaign core"

    def ready(self):
        # Connects the receivers that change the content version on every edit.
        from . import content_version  # noqa: F401
