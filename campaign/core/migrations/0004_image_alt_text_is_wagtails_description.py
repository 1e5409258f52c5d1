"""Alt text moves into Wagtail's own `description` field, which Wagtail's default alt text, the
{% image %} tag and the rich-text image chooser read; the separate alt_text field goes."""

from django.db import migrations, models
from django.db.models import F


def alt_text_into_description(apps, schema_editor):
    images = apps.get_model("core", "CampaignImage").objects
    images.filter(description="").update(description=F("alt_text"))


def description_into_alt_text(apps, schema_editor):
    apps.get_model("core", "CampaignImage").objects.update(alt_text=F("description"))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_email_branding"),
    ]

    operations = [
        migrations.RunPython(alt_text_into_description, description_into_alt_text),
        migrations.RemoveField(
            model_name="campaignimage",
            name="alt_text",
        ),
        migrations.AlterField(
            model_name="campaignimage",
            name="description",
            field=models.CharField(
                help_text="Describe what the image shows for people who cannot see it (required).",
                max_length=255,
                verbose_name="description (alt text)",
            ),
        ),
    ]
