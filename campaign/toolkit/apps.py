from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    name = "campaign.toolkit"
    label = "toolkit"
    verbose_name = "Campaign toolkit"
