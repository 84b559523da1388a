"""The finder no longer counts facets in SQL (plants/finder_index.py), so no query reads this index."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('plants', '0006_sqlite_search_index'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='plantprofile',
            name='profile_finder_covering',
        ),
    ]
