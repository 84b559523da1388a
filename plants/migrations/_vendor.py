"""SQL that only one database runs, for RunPython in this app's migrations.

Search indexes differ by database (trigram GIN indexes on PostgreSQL, an FTS5
table on SQLite) and cannot be declared on the models without breaking the
other one.  The migration loader skips modules whose name starts with "_".
"""


def run_on(vendor: str, statements: list[str]):
    """A RunPython function executing `statements` when the database is `vendor`."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for statement in statements:
                schema_editor.execute(statement)

    return run
