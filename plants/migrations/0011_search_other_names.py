"""PostgreSQL's forgiving name search compares the query with two short columns, not one long one.

The common name and `search_other_names` (plants.search_text.other_names_for)
each get a trigram GIN index; the index on `search_names` goes, as nothing
compares with it by trigrams any more (its tsvector and SQLite's FTS5 index stay).

On SQLite, adding the column rebuilds the profile table, which drops the FTS5
index's triggers (migration 0006): they are created again, on the way back too.
"""

import importlib

from django.db import migrations, models

from plants.migrations._vendor import run_on

from plants.search_text import other_names_for

BATCH = 1000

POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS plants_profile_search_common_trgm ON plants_plantprofile "
    "USING gin (common_name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS plants_profile_search_other_trgm ON plants_plantprofile "
    "USING gin (search_other_names gin_trgm_ops)",
    "DROP INDEX IF EXISTS plants_profile_search_names_trgm",
]
POSTGRES_BACKWARD = [
    "CREATE INDEX IF NOT EXISTS plants_profile_search_names_trgm ON plants_plantprofile "
    "USING gin (search_names gin_trgm_ops)",
    "DROP INDEX IF EXISTS plants_profile_search_other_trgm",
    "DROP INDEX IF EXISTS plants_profile_search_common_trgm",
]


def restore_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    search_index = importlib.import_module("plants.migrations.0006_sqlite_search_index")
    for statement in search_index.DROP[:3] + search_index.TRIGGERS:
        schema_editor.execute(statement)


def fill_other_names(apps, schema_editor):
    PlantProfile = apps.get_model("plants", "PlantProfile")
    profiles = PlantProfile.objects.using(schema_editor.connection.alias)
    rows = profiles.select_related("taxon").only(
        "pk", "common_name", "usda_symbol", "taxon__scientific_name", "taxon__common_name"
    )
    last_pk = 0
    while batch := list(rows.filter(pk__gt=last_pk).order_by("pk")[:BATCH]):
        last_pk = batch[-1].pk
        for profile in batch:
            profile.search_other_names = other_names_for(profile.common_name, profile.taxon, profile.usda_symbol)
        profiles.bulk_update(batch, ["search_other_names"])



class Migration(migrations.Migration):
    dependencies = [
        ("plants", "0010_search_names_distinct_words"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_search_triggers),
        migrations.AddField(
            model_name="plantprofile",
            name="search_other_names",
            field=models.TextField(
                blank=True, editable=False, help_text="Botanical name, the taxon's common name and symbol."
            ),
        ),
        migrations.RunPython(restore_search_triggers, migrations.RunPython.noop),
        migrations.RunPython(fill_other_names, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(run_on("postgresql", POSTGRES_FORWARD), run_on("postgresql", POSTGRES_BACKWARD)),
    ]
