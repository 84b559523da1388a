"""A narrow index for "which profiles are published": counting them no longer reads article rows.

SQLite's planner chooses among indexes by the statistics ANALYZE keeps, and
has none for a new index until ANALYZE runs again; without them it prefers
this index even where another is far better (the home page's lists), so the
migration runs ANALYZE. PostgreSQL keeps its statistics by itself.
"""

from django.db import migrations, models


def analyze_sqlite(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE")


class Migration(migrations.Migration):
    dependencies = [("plants", "0007_drop_finder_covering_index")]

    operations = [
        migrations.AddIndex(
            model_name="plantprofile",
            index=models.Index(fields=["status", "published_at"], name="profile_published"),
        ),
        migrations.RunPython(analyze_sqlite, migrations.RunPython.noop, elidable=False),
    ]
