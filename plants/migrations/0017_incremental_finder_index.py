"""The finder's change log: which profiles each content version's change touched.

Each process's finder index (plants/finder_index.py) reads the entries after
its own version and re-reads just those plants instead of rebuilding.
"""

import django.db.models.manager
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("plants", "0016_search_taxa"),
    ]

    operations = [
        migrations.CreateModel(
            name="FinderChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(editable=False, max_length=32, unique=True)),
                ("profile_ids", models.JSONField(default=list, editable=False)),
                ("rebuild", models.BooleanField(default=False, editable=False)),
            ],
            options={
                "verbose_name": "finder change",
                "default_manager_name": "not_dumped",
            },
            managers=[
                ("not_dumped", django.db.models.manager.Manager()),
            ],
        ),
    ]
