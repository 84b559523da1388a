"""Writing synthetic rows in bulk: plain INSERTs of tuples, and what makes the databases fast at it."""

from contextlib import contextmanager

from django.db import connection

from plants.models import Taxon


def insert_rows(model, fields: tuple[str, ...], rows: list[tuple]) -> None:
    meta = model._meta
    columns = ", ".join(connection.ops.quote_name(meta.get_field(name).column) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {meta.db_table} ({columns}) VALUES ({placeholders})", rows)


def insert_taxa(taxa: list[Taxon]) -> None:
    columns = ("id", "rank", "scientific_name", "authority", "common_name", "slug", "parent")
    insert_rows(
        Taxon,
        columns,
        [(t.pk, t.rank, t.scientific_name, t.authority, t.common_name, t.slug, t.parent_id) for t in taxa],
    )


@contextmanager
def large_page_cache():
    """On SQLite, a 256 MB page cache for this connection while generating.

    FTS5 merges its index segments through the page cache; with SQLite's
    default 2 MB the merges reread and rewrite the same pages from the file
    system, which took a third of the run as system time.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute("PRAGMA cache_size = -262144")  # negative: KiB
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")
