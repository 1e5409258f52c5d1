from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    name = "campaign.toolkit"
    label = "toolkit"
    verbose_name = "Campaign toolkit"

    def ready(self):
        # Signals import the models, which Django only allows once the apps are ready.
        from . import signals

        signals.connect()
