"""Existing goals, facts and policy recommendations become the default language's rows (Wagtail's
bootstrap for TranslatableMixin); a database made under LANGUAGE_CODE "en-us" gets locale "en"."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


def rename_en_us_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    if not Locale.objects.filter(language_code="en").exists():
        Locale.objects.filter(language_code="en-us").update(language_code="en")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_translatable_goals_facts_policy_bootstrap"),
    ]

    operations = [
        migrations.RunPython(rename_en_us_locale, migrations.RunPython.noop),
        BootstrapTranslatableModel("core.CampaignGoal"),
        BootstrapTranslatableModel("core.Fact"),
        BootstrapTranslatableModel("core.PolicyRecommendation"),
    ]
