"""Alt text is Wagtail's `description`: the migration carries old alt text over.

The migration's data step runs on the real image table with the old `alt_text` column put back,
through the model as migration 0003 left it. Migrating core back to 0003 and forward again, as
this test once did, unapplied and re-applied every migration that depends on core: 13 to 42 s
for one UPDATE.
"""

import importlib

import pytest
from django.db import connection, models
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Collection

from campaign.core.models import CampaignImage
from tests.services import needs_postgres

# On PostgreSQL only: there the column added below goes with the test's transaction; SQLite's
# schema editor refuses to work inside one.
pytestmark = [needs_postgres, pytest.mark.django_db]

MIGRATION = importlib.import_module(
    "campaign.core.migrations.0004_image_alt_text_is_wagtails_description"
)
BEFORE = ("core", "0003_email_branding")


def _old_image_model():
    """CampaignImage as it was before the migration, with its `alt_text` column in the table."""
    alt_text = models.CharField(max_length=255, blank=True, default="")
    alt_text.set_attributes_from_name("alt_text")
    with connection.schema_editor() as editor:
        editor.add_field(CampaignImage, alt_text)
    old_apps = MigrationLoader(connection).project_state(BEFORE).apps
    return old_apps, old_apps.get_model("core", "CampaignImage")


def test_migration_copies_alt_text_into_an_empty_description():
    """An image's alt text becomes its description; a description already written is kept."""
    old_apps, images = _old_image_model()
    root = Collection.get_first_root_node()
    common = {"width": 1, "height": 1, "collection_id": root.pk, "file": "original_images/x.png"}
    plain = images.objects.create(title="Plain", alt_text="A plum poster", **common)
    kept = images.objects.create(
        title="Kept", alt_text="Old words", description="Written in Wagtail", **common
    )

    MIGRATION.alt_text_into_description(old_apps, None)

    assert CampaignImage.objects.get(pk=plain.pk).description == "A plum poster"
    assert CampaignImage.objects.get(pk=kept.pk).description == "Written in Wagtail"


def test_the_migration_is_applied():
    """The step above is the one the applied migration ran: no alt_text column is left."""
    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, "core_campaignimage")
    assert "alt_text" not in {column.name for column in columns}
    assert MIGRATION.Migration.operations[0].code is MIGRATION.alt_text_into_description
