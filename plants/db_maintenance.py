"""Upkeep the database needs after a bulk load: fresh planner statistics."""

from django.db import connection


def refresh_statistics() -> None:
    """ANALYZE, after thousands of rows were written in one go (a generation, an import).

    Without fresh statistics the query planners guess at the new tables: SQLite
    badly, and PostgreSQL too where autovacuum is off or has not caught up (a
    search on the freshly imported flora took over a second instead of 30 ms).
    On PostgreSQL, VACUUM also marks the pages all-visible, which index-only
    scans need; VACUUM cannot run inside a transaction (a test's, say), ANALYZE
    alone still can.
    """
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
