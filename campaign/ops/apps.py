from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Production plumbing: health checks, cache headers, security headers, admin two-factor."""

    name = "campaign.ops"
    label = "ops"
    verbose_name = "Operations"
