"""Existing assets and their sizes become the default language's rows (Wagtail's bootstrap for
TranslatableMixin, as core 0007 did for goals and facts)."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0005_translatable_assets_bootstrap"),
        ("core", "0007_translatable_goals_facts_policy_fill"),
    ]

    operations = [
        BootstrapTranslatableModel("toolkit.CampaignAsset"),
        BootstrapTranslatableModel("toolkit.AssetSize"),
    ]
