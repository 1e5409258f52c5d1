from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """Media alerts: press contacts and lists, alerts sent through Anymail, delivery tracking."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "campaign.alerts"
    label = "alerts"
    verbose_name = "Media alerts"

    def ready(self):
        # Connects the Anymail tracking and Wagtail page_published receivers.
        from . import signals  # noqa: F401
