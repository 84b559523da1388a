"""A profile's derived columns: family, rarity and search names and text, computed in bulk.

The finder filters and counts on plain columns (`family`, `is_rare`) instead
of walking the taxon tree or decoding ranks for every row, and search reads
stored names and text.  They are computed here from the profile, its taxon
chain, its conservation ranks and its article rows, for any number of
profiles at a fixed number of queries per batch: the taxon chains of a whole
batch come from one recursive query (`Taxon.objects.with_ancestors`), each kind of row from one query, read as
plain tuples (tens of thousands of profiles go through here on an import).
Only the profiles whose values differ are written.

Only `plants.content` calls `refresh()`: every write reaches it through the
one write path, once per change.
"""

from collections import defaultdict
from contextlib import contextmanager, nullcontext

from django.db import connection, models

from plants.models import (
    ArticleSection,
    CareTip,
    ConservationStatus,
    PlantGardenUse,
    PlantProfile,
    Rank,
    Taxon,
)
from plants.models.profile import search_names_for, search_vector_expression
from plants.search_indexes import FTS_TABLE, FTS_UPDATE_TRIGGER
from plants.search_text import other_names_for, search_text_for

# Profiles per batch: bounded memory and statement sizes whatever the change's size.
BATCH_SIZE = 500
DERIVED_FIELDS = ("family", "is_rare", "search_names", "search_other_names", "search_text")
# Above this many rewritten rows in a batch, SQLite's search index is updated in
# three set-based statements instead of by its per-row trigger (see _search_index_in_bulk).
_BULK_INDEX_ROWS = 50
_TEXT_FIELDS = ("title", "summary", "climate_notes", "light_notes", "soil_notes", "water_notes")


def refresh(profile_ids) -> int:
    """Recompute the derived columns of these profiles and store those that changed; returns how many did."""
    ids = sorted(set(profile_ids))
    changed = 0
    for start in range(0, len(ids), BATCH_SIZE):
        changed += _refresh_batch(ids[start : start + BATCH_SIZE])
    return changed


def _refresh_batch(ids: list[int]) -> int:
    profiles = (
        PlantProfile.objects.filter(pk__in=ids)
        .order_by()
        .values(
            "pk", "taxon_id", "common_name", "usda_symbol", *_TEXT_FIELDS, "family_id", *DERIVED_FIELDS[1:]
        )
    )
    profiles = list(profiles)
    if not profiles:
        return 0
    taxa = _taxa_above({profile["taxon_id"] for profile in profiles})
    sections = _by_profile(ArticleSection.objects.filter(profile_id__in=ids), "heading", "body")
    tips = _by_profile(CareTip.objects.filter(profile_id__in=ids), "text")
    use_notes = _by_profile(PlantGardenUse.objects.filter(profile_id__in=ids), "note")
    ranks = _by_profile(ConservationStatus.objects.filter(profile_id__in=ids), "rank")
    stale = []
    for profile in profiles:
        pk = profile["pk"]
        taxon = taxa[profile["taxon_id"]]
        chain = lineage(taxon, taxa)
        values = (
            next((node.pk for node in chain if node.rank == Rank.FAMILY), None),
            any(ConservationStatus.decode(rank, taxon.rank).is_rare for (rank,) in ranks[pk]),
            search_names_for(profile["common_name"], taxon, profile["usda_symbol"], chain),
            other_names_for(profile["common_name"], taxon, profile["usda_symbol"]),
            search_text_for(
                profile["title"],
                profile["summary"],
                sections[pk],
                [text for (text,) in tips[pk]],
                [note for (note,) in use_notes[pk]],
                [profile[name] for name in _TEXT_FIELDS[2:]],
            ),
        )
        stored = (profile["family_id"], *(profile[name] for name in DERIVED_FIELDS[1:]))
        if values != stored:
            stale.append((*values, pk))
    if stale:
        _store(stale)
    return len(stale)


def _by_profile(queryset, *fields) -> defaultdict:
    """Each profile's rows of one kind as tuples of `fields`, in the model's own order."""
    rows = defaultdict(list)
    for profile_id, *values in queryset.values_list("profile_id", *fields):
        rows[profile_id].append(tuple(values))
    return rows


def _taxa_above(taxon_ids: set[int]) -> dict[int, Taxon]:
    """The taxa and all their ancestors, by id (one query)."""
    return {taxon.pk: taxon for taxon in Taxon.objects.with_ancestors(taxon_ids)}


def lineage(taxon: Taxon, taxa: dict[int, Taxon]) -> list[Taxon]:
    """The taxon's chain from the kingdom down, from taxa already read."""
    chain = []
    node = taxon
    while node is not None:
        chain.append(node)
        node = taxa.get(node.parent_id) if node.parent_id else None
    return chain[::-1]


def _store(rows: list[tuple]) -> None:
    """Write (family, is_rare, names, other names, text, pk) rows, and on PostgreSQL the tsvector with them."""
    meta = PlantProfile._meta
    columns = [f"{connection.ops.quote_name(meta.get_field(name).column)} = %s" for name in DERIVED_FIELDS]
    ids = [row[-1] for row in rows]
    if connection.vendor == "postgresql":
        # In the same statement, so each row is rewritten once, not twice.
        vector_sql, vector_params = _vector_sql()
        columns.append(f"search_vector = {vector_sql}")
        rows = [(*row[:-1], *vector_params(names=row[2], text=row[4]), row[-1]) for row in rows]
    sql = f"UPDATE {meta.db_table} SET {', '.join(columns)} WHERE id = %s"
    bulk = _search_index_in_bulk(ids) if len(rows) > _BULK_INDEX_ROWS else nullcontext()
    with bulk, connection.cursor() as cursor:
        cursor.executemany(sql, rows)


_NAMES, _TEXT = "\x00names", "\x00text"


def _vector_sql():
    """search_vector_expression() as SQL, compiled by the ORM, and its parameters for given names and text."""
    text_field = models.TextField()
    expression = search_vector_expression(
        models.Value(_NAMES, output_field=text_field), models.Value(_TEXT, output_field=text_field)
    )
    query = PlantProfile.objects.annotate(vector=expression).query
    sql, params = query.annotations["vector"].as_sql(query.get_compiler(connection=connection), connection)

    def vector_params(*, names: str, text: str) -> list:
        return [names if param == _NAMES else text if param == _TEXT else param for param in params]

    return sql, vector_params


@contextmanager
def _search_index_in_bulk(ids: list[int]):
    """On SQLite, update the FTS5 index of these profiles in set-based statements around the block.

    The index's update trigger runs once per row, and FTS5 writes a tiny
    segment for each, which it then merges again and again: tens of thousands
    of rows took minutes.  The trigger is dropped for the block (inside the
    change's transaction, so no other connection sees the table without it),
    the old entries deleted before and the new ones added after.
    """
    if connection.vendor != "sqlite":
        yield
        return
    table, trigger = FTS_TABLE, FTS_UPDATE_TRIGGER
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s", [trigger])
        (trigger_sql,) = cursor.fetchone()
        cursor.execute(
            f"INSERT INTO {table}({table}, rowid, search_names, search_text) "
            f"SELECT 'delete', id, search_names, search_text FROM plants_plantprofile WHERE id IN ({placeholders})",
            ids,
        )
        cursor.execute(f"DROP TRIGGER {trigger}")
        yield
        cursor.execute(
            f"INSERT INTO {table}(rowid, search_names, search_text) "
            f"SELECT id, search_names, search_text FROM plants_plantprofile WHERE id IN ({placeholders})",
            ids,
        )
        cursor.execute(trigger_sql)
