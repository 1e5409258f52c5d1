import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0004_count_flushes_of_redis_counters"),
        ("core", "0009_spanish_hotline_texts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name=model,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        )
        for model in ("campaignasset", "assetsize")
    ] + [
        migrations.AddField(
            model_name=model,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        )
        for model in ("campaignasset", "assetsize")
    ]
