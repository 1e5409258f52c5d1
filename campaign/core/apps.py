from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "campaign.core"
    label = "core"
    verbose_name = "Campaign core"
