"""On SQLite, a full-text index (FTS5, trigram tokenizer) over the profiles' search columns.

Without it, SQLite search reads every profile's article text with LIKE for
each word. Trigrams answer "contains this substring" from the index, case-
insensitively, which is the same question (plants/search.py). Triggers keep
the index in step with every write to the two columns, however it is made
(ORM, loaddata, generate_plants' raw inserts).

Django rebuilds a SQLite table to alter it, which drops its triggers: a later
migration that alters PlantProfile on SQLite must create them again
(tests/test_search.py fails if it does not). PostgreSQL has its own GIN
indexes (migration 0002) and gets nothing here.
"""

from django.db import migrations

from plants.migrations._vendor import run_on

# plants.search_indexes.FTS_TABLE names the same table for the code that reads it;
# it is written out here because a migration must keep creating the table it created
# when it first ran, the one later migrations and existing databases have: renaming
# it would take a new migration, not a changed constant.  (tests/web/test_migrations.py
# checks that the two names agree.)
TABLE = "plants_profile_search"
COLUMNS = "search_names, search_text"

# Also run by later migrations that rebuild the profile table on SQLite (0011).
TRIGGERS = [
    f"""CREATE TRIGGER {TABLE}_insert AFTER INSERT ON plants_plantprofile BEGIN
        INSERT INTO {TABLE}(rowid, {COLUMNS}) VALUES (new.id, new.search_names, new.search_text);
    END""",
    f"""CREATE TRIGGER {TABLE}_delete AFTER DELETE ON plants_plantprofile BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, old.search_names, old.search_text);
    END""",
    f"""CREATE TRIGGER {TABLE}_update AFTER UPDATE OF {COLUMNS} ON plants_plantprofile BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, old.search_names, old.search_text);
        INSERT INTO {TABLE}(rowid, {COLUMNS}) VALUES (new.id, new.search_names, new.search_text);
    END""",
]
CREATE = [
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5({COLUMNS}, "
    "content='plants_plantprofile', content_rowid='id', tokenize='trigram')",
    *TRIGGERS,
    # Index the rows already there.
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
]



class Migration(migrations.Migration):
    dependencies = [("plants", "0005_content_version")]

    operations = [migrations.RunPython(run_on("sqlite", CREATE), run_on("sqlite", DROP), elidable=False)]
