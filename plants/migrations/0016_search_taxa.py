"""Search reaches every taxon, not only those with a profile: trigram indexes on the taxa's names.

PostgreSQL's forgiving search (plants.search.other_taxa) compares the query
with each taxon's scientific and common name by trigram word similarity; without
an index on each it read all 37,000 taxa (half a second a search).  SQLite scans
the two short columns instead and gets nothing here.
"""

from django.db import migrations

from plants.migrations._vendor import run_on

FORWARD = [
    "CREATE INDEX IF NOT EXISTS plants_taxon_scientific_name_trgm ON plants_taxon "
    "USING gin (scientific_name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS plants_taxon_common_name_trgm ON plants_taxon "
    "USING gin (common_name gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS plants_taxon_common_name_trgm",
    "DROP INDEX IF EXISTS plants_taxon_scientific_name_trgm",
]


class Migration(migrations.Migration):
    dependencies = [("plants", "0015_home_page_indexes_at_the_flora_size")]

    operations = [
        migrations.RunPython(run_on("postgresql", FORWARD), run_on("postgresql", BACKWARD), elidable=False)
    ]
