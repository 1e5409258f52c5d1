"""Alt text is Wagtail's `description`: the migration carries old alt text over."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Collection

from tests.services import needs_postgres

# On PostgreSQL only: SQLite rebuilds the image table to drop a column, after which its flush
# leaves rows that the next transactional test's serialized data collides with.
pytestmark = [needs_postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BEFORE = [("core", "0003_email_branding")]
AFTER = [("core", "0004_image_alt_text_is_wagtails_description")]


def test_migration_copies_alt_text_into_an_empty_description():
    """An image's alt text becomes its description; a description already written is kept."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    images = executor.loader.project_state(BEFORE).apps.get_model("core", "CampaignImage")
    root = Collection.get_first_root_node()
    common = {"width": 1, "height": 1, "collection_id": root.pk, "file": "original_images/x.png"}
    plain = images.objects.create(title="Plain", alt_text="A plum poster", **common)
    kept = images.objects.create(
        title="Kept", alt_text="Old words", description="Written in Wagtail", **common
    )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    images = executor.loader.project_state(AFTER).apps.get_model("core", "CampaignImage")
    assert images.objects.get(pk=plain.pk).description == "A plum poster"
    assert images.objects.get(pk=kept.pk).description == "Written in Wagtail"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
