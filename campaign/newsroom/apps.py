from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "campaign.newsroom"
    label = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        # Signals import the models, which Django only allows once the apps are ready.
        from . import signals

        signals.connect()
