"""Plant page documents stored as PostgreSQL `json` (as written) instead of `jsonb`.

Pages read their document whole, never query inside it; jsonb made the server
serialise it again on every visit.  Documents are derived, so rewriting the
column loses nothing.  SQLite keeps its text column (the table is remade).
"""

import plants.models.page
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("plants", "0017_incremental_finder_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="plantpage",
            name="document",
            field=plants.models.page.PageDocumentField(),
        ),
    ]
