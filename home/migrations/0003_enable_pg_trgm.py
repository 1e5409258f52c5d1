"""pg_trgm for "Did you mean …?" (home.search), on PostgreSQL only; other databases use difflib."""

from django.db import migrations


def enable_pg_trgm(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_search_synonyms")]

    operations = [migrations.RunPython(enable_pg_trgm, migrations.RunPython.noop, elidable=False)]
