"""The home page's two short lists stay index reads at the real flora's size.

The newest plants: an import gives thousands of profiles one updated_at, so
the id joins the index to break the tie in index order. The rare plants: a
partial index of the rare ones by name, which SQLite can use for its bare
"WHERE is_rare" (see PlantProfile.Meta). ANALYZE afterwards on SQLite, as in
0008: without statistics for the new indexes its planner picks the wrong one.
"""

from django.db import migrations, models


def analyze_sqlite(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE")


class Migration(migrations.Migration):
    dependencies = [("plants", "0014_native_range_in_every_usda_place")]

    operations = [
        migrations.RemoveIndex(model_name="plantprofile", name="profile_newest"),
        migrations.RemoveIndex(model_name="plantprofile", name="profile_rare_by_name"),
        migrations.AddIndex(
            model_name="plantprofile",
            index=models.Index(fields=["-updated_at", "-id"], name="profile_newest"),
        ),
        migrations.AddIndex(
            model_name="plantprofile",
            index=models.Index(
                condition=models.Q(("is_rare", True)), fields=["common_name"], name="profile_rare_by_name"
            ),
        ),
        migrations.RunPython(analyze_sqlite, migrations.RunPython.noop, elidable=False),
    ]
