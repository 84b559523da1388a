"""Store each profile's search names with every word once (plants.search_text.distinct_words).

New saves already store them so; this rewrites the rows saved before, in
batches, and on PostgreSQL recomputes their tsvector from the new names.
Going back leaves the shorter names, which match the same words.
"""

import importlib

from django.db import migrations
from django.db.models import F

from plants.models.profile import search_vector_expression
from plants.search_text import distinct_words

BATCH = 1000
# The FTS5 table as migration 0006 created it.
FTS_TABLE = importlib.import_module("plants.migrations.0006_sqlite_search_index").TABLE


def shorten_names(apps, schema_editor):
    PlantProfile = apps.get_model("plants", "PlantProfile")
    rows = PlantProfile.objects.using(schema_editor.connection.alias).only("pk", "search_names")
    last_pk = 0
    rewritten = False
    while batch := list(rows.filter(pk__gt=last_pk).order_by("pk")[:BATCH]):
        last_pk = batch[-1].pk
        changed = []
        for profile in batch:
            names = distinct_words([profile.search_names])
            if names != profile.search_names:
                profile.search_names = names
                changed.append(profile)
        if not changed:
            continue
        rewritten = True
        PlantProfile.objects.using(schema_editor.connection.alias).bulk_update(changed, ["search_names"])
        if schema_editor.connection.vendor == "postgresql":
            rows.filter(pk__in=[profile.pk for profile in changed]).update(
                search_vector=search_vector_expression(F("search_names"), F("search_text"))
            )
    if rewritten and schema_editor.connection.vendor == "sqlite":
        # The update trigger reindexed row by row; merged again, searches are as fast as before.
        schema_editor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")


class Migration(migrations.Migration):
    dependencies = [
        ("plants", "0009_plant_page"),
    ]

    operations = [
        migrations.RunPython(shorten_names, migrations.RunPython.noop, elidable=True),
    ]
