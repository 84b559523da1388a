"""Free-text search over plant profiles, ranked so that name hits come first.

PostgreSQL uses its full-text search on a stored, GIN-indexed tsvector, plus
trigram word similarity on the names (common, botanical, family), so that misspellings ("heuchra") and
split words ("alum root") still find the plant.  SQLite has neither, so
every word must appear somewhere as a substring, case-insensitively: less
forgiving, and answered from an FTS5 trigram index (migration 0006) for words
of three letters or more.

Taxa without a live profile (introduced plants, genera, families...) are
searched apart, by name and symbol only (`other_taxa`): the finder lists them
below its native plants, never among them.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL

from plants.search_indexes import FTS_INSERT_TRIGGER, FTS_TABLE, TRIGRAM_THRESHOLD

MAX_QUERY_LENGTH = 200


@contextmanager
def fts_indexed_in_bulk():
    """On SQLite, index the profiles inserted inside the block with one statement at its end.

    FTS5 writes out its pending terms at the end of every statement, so the
    insert trigger, run once per row of a bulk insert, leaves a tiny segment
    per profile for FTS5 to merge again and again: 50,000 generated profiles
    took minutes instead of seconds.  The trigger is dropped for the block and
    recreated from its own stored SQL.  Only inside a transaction, so no other
    connection ever sees the table without it and an error puts it back.
    """
    if connection.vendor != "sqlite":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("fts_indexed_in_bulk() must run inside transaction.atomic().")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s", [FTS_INSERT_TRIGGER]
        )
        (trigger_sql,) = cursor.fetchone()
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM plants_plantprofile")
        (last_id,) = cursor.fetchone()
        cursor.execute(f"DROP TRIGGER {FTS_INSERT_TRIGGER}")
        yield
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, search_names, search_text) "
            "SELECT id, search_names, search_text FROM plants_plantprofile WHERE id > %s",
            [last_id],
        )
        cursor.execute(trigger_sql)


def ranked_matches(queryset, text: str) -> list[tuple[int, float]]:
    """(id, rank) of every profile in `queryset` matching `text`; a higher rank is a better match.

    Unordered: the caller orders by rank and breaks ties its own way (the finder
    by its name order), which spares the database a join and a sort.
    """
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if not text:
        return [(pk, 0.0) for pk in queryset.values_list("pk", flat=True)]
    if connection.vendor == "postgresql":
        return _ranked_postgresql(queryset, text)
    return _ranked_sqlite(queryset, text)


# The "similarity" of a botanical name that is the query itself: above any trigram score (1 at most).
EXACT_NAME_SIMILARITY = 1.5


def postgresql_rank(symbol_hit: bool, name_similarity: float, text_rank: float) -> float:
    """Symbol first, then names close to the query (by closeness), then article text (by ts_rank)."""
    if symbol_hit:
        return 10.0
    if name_similarity >= TRIGRAM_THRESHOLD:
        return 1.0 + name_similarity + text_rank
    return text_rank


def _ranked_postgresql(queryset, text):
    from django.contrib.postgres.lookups import TrigramWordSimilar
    from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity

    from plants.models import Rank, Taxon

    query = SearchQuery(text, search_type="websearch", config="english")
    symbol = text.upper()  # symbols are stored upper-case; equality keeps the unique index usable
    # Each way of matching is its own branch of a UNION, answered by its own index
    # (%> by a trigram GIN index, whose threshold is pg_trgm.word_similarity_threshold,
    # set in settings; @@ by the tsvector one; the symbol by its unique index).  One
    # query OR-ing them made PostgreSQL recheck every condition on every candidate.
    #
    # Names are compared in three short pieces, each by trigram word similarity:
    # the common name, the other names (botanical, symbol), and the family's name
    # (looked up among the few families, then its plants by their family column).
    # A query sharing a word with thousands of names ("globemallow") is compared
    # with thousands of short common names only; a family's name, whose "-aceae"
    # trigrams every plant shares, is never compared with each plant.  Split words
    # ("alum root") share most of their trigrams with the joined name ("alumroot").
    zero = Value(0.0, output_field=FloatField())
    similar_common = TrigramWordSimilar(F("common_name"), Value(text))
    similar_other = TrigramWordSimilar(F("search_other_names"), Value(text))
    similar_families = Taxon.objects.filter(
        TrigramWordSimilar(F("scientific_name"), Value(text)), rank=Rank.FAMILY
    )

    def by_name(condition, similarity):
        return queryset.filter(condition).values_list("pk", "usda_symbol", similarity, zero).order_by()

    by_common = by_name(similar_common, TrigramWordSimilarity(text, "common_name"))
    by_other = by_name(similar_other, TrigramWordSimilarity(text, "search_other_names"))
    # Word similarity finds the query inside a longer name, so "Acer rubrum" is as close to
    # "Acer rubrum var. drummondii" as to the species: the plant whose botanical name is the
    # query, written as botanical names are, ranks above both (an index lookup per rank).
    botanical = text[:1].upper() + text[1:].lower()
    by_exact = queryset.filter(
        taxon__rank__in=[rank for rank in Rank if rank >= Rank.SPECIES], taxon__scientific_name=botanical
    ).values_list("pk", "usda_symbol", Value(EXACT_NAME_SIMILARITY, output_field=FloatField()), zero)
    by_family = by_name(
        Q(family__in=similar_families), TrigramWordSimilarity(text, "family__scientific_name")
    )
    # Name matches are ranked by closeness alone, so their article tsvectors are never read.
    by_text = (
        queryset.filter(search_vector=query)
        .exclude(similar_common)
        .exclude(similar_other)
        .exclude(family__in=similar_families)
        .values_list("pk", "usda_symbol", zero, SearchRank(F("search_vector"), query))
        .order_by()
    )
    by_symbol = queryset.filter(usda_symbol=symbol).values_list("pk", "usda_symbol", zero, zero).order_by()
    matches = by_common.union(by_other, by_family, by_text, by_symbol, by_exact.order_by(), all=True)
    # Read without the ORM's per-value converters, which for thousands of matches took
    # longer than ranking them; psycopg gives the SQL 0.0 as a Decimal, hence float().
    sql, params = matches.query.get_compiler(queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    ranks: dict[int, float] = {}
    for pk, usda_symbol, similarity, text_rank in rows:
        rank = postgresql_rank(usda_symbol == symbol, float(similarity), float(text_rank))
        ranks[pk] = max(rank, ranks.get(pk, rank))
    return list(ranks.items())


# The trigram index can only look up words of at least three characters.
TRIGRAM_LENGTH = 3


def fts5_phrases(words) -> str:
    """An FTS5 query that needs every word, each as a literal substring ("a""b" quotes a quote)."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)


def _ranked_sqlite(queryset, text):
    words = text.split()
    in_names = Q()
    for word in words:
        in_names &= Q(search_names__icontains=word)
    anywhere = Q()
    indexed = [word for word in words if len(word) >= TRIGRAM_LENGTH]
    if indexed:
        anywhere &= Q(
            pk__in=RawSQL(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [fts5_phrases(indexed)],
            )
        )
    for word in words:
        if len(word) < TRIGRAM_LENGTH:
            anywhere &= Q(search_names__icontains=word) | Q(search_text__icontains=word)
    rank = Case(
        When(usda_symbol__iexact=text, then=Value(4)),
        # The name itself before the names that contain it ("Acer rubrum" before its varieties).
        When(Q(common_name__iexact=text) | Q(taxon__scientific_name__iexact=text), then=Value(3)),
        When(Q(common_name__icontains=text) | Q(taxon__scientific_name__icontains=text), then=Value(2)),
        When(in_names, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return list(queryset.filter(anywhere).order_by().values_list("pk", rank))


# The finder lists this many of the taxa without a profile that match, closest first.
OTHER_TAXA_SHOWN = 10


@dataclass(frozen=True)
class TaxonMatches:
    """The closest taxa without a live profile matching `query`, and how many match in all."""

    query: str
    taxa: list
    total: int


def other_taxa(text: str) -> TaxonMatches | None:
    """The taxa matching `text` by scientific name, common name or USDA symbol that have no live profile.

    Introduced plants, genera, families and the rest of USDA's classification,
    which search would otherwise never reach; their profiles' own taxa are the
    finder's native plants, so they are left out.  One query: the closest
    OTHER_TAXA_SHOWN, each with `symbol`, `introduced` (USDA lists it, native
    nowhere) and `total`, the number of matches.  None without a query.
    """
    from plants.models import PlantProfile, Taxon

    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if not text:
        return None
    symbol = text.upper()
    if connection.vendor == "postgresql":
        matching, closeness = _taxa_postgresql(text, symbol)
    else:
        matching, closeness = _taxa_sqlite(text, symbol)
    taxa = list(
        Taxon.objects.filter(matching)
        .exclude(Exists(PlantProfile.objects.live().filter(taxon=OuterRef("pk"))))
        .with_introduced()
        .annotate(
            symbol=F("usda__symbol"),
            total=Window(Count("*")),
            closeness=Case(
                When(usda__symbol=symbol, then=Value(10.0)), default=closeness, output_field=FloatField()
            ),
        )
        .order_by("-closeness", "rank", "scientific_name")[:OTHER_TAXA_SHOWN]
    )
    return TaxonMatches(text, taxa, taxa[0].total if taxa else 0)


def _taxa_postgresql(text, symbol):
    """Names similar to the query by trigram word similarity, as for profiles, or the symbol itself."""
    from django.contrib.postgres.expressions import ArraySubquery
    from django.contrib.postgres.lookups import TrigramWordSimilar
    from django.contrib.postgres.search import TrigramWordSimilarity
    from django.db.models.functions import Greatest

    from plants.models import Taxon, UsdaRecord

    by_symbol = UsdaRecord.objects.filter(symbol=symbol).values("taxon_id").order_by()
    if len(text) < TRIGRAM_LENGTH:
        # Trigrams of one or two letters are in nearly every name: only a symbol can match.
        return Q(pk__in=by_symbol), Value(0.0, output_field=FloatField())
    # A branch per column, each answered by its trigram index (migration 0015), as for
    # profiles: one condition OR-ing them would read every taxon.
    by_name = Taxon.objects.filter(TrigramWordSimilar(F("scientific_name"), Value(text))).values("pk")
    by_common = Taxon.objects.filter(TrigramWordSimilar(F("common_name"), Value(text))).values("pk")
    matches = ArraySubquery(by_name.order_by().union(by_common.order_by(), by_symbol, all=True))
    # "id = ANY(ARRAY(...))", not "id IN (...)": PostgreSQL then reads the matches by primary
    # key; for IN it guessed 200 matches and hashed them against every taxon (10 ms more).
    matching = Func(
        F("pk"), matches, arg_joiner=" = ANY(", template="%(expressions)s)", output_field=BooleanField()
    )
    closeness = Greatest(
        TrigramWordSimilarity(text, "scientific_name"), TrigramWordSimilarity(text, "common_name")
    )
    return matching, closeness


def _taxa_sqlite(text, symbol):
    """Every word in the scientific or common name, in any letter case, or the symbol itself.

    Read by scanning the taxa's two short name columns (about 37,000 rows: some
    15 ms), which needs no second full-text index to keep in step with the tree.
    """
    from plants.models import UsdaRecord

    # A subquery run once, not a join: the taxa are read without their records until they match.
    by_symbol = Q(pk__in=UsdaRecord.objects.filter(symbol=symbol).values("taxon_id"))
    if len(text) < TRIGRAM_LENGTH:
        return by_symbol, Value(0, output_field=IntegerField())
    every_word = Q()
    for word in text.split():
        every_word &= Q(scientific_name__icontains=word) | Q(common_name__icontains=word)
    closeness = Case(
        When(Q(scientific_name__iexact=text) | Q(common_name__iexact=text), then=Value(2)),
        When(Q(scientific_name__icontains=text) | Q(common_name__icontains=text), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return every_word | by_symbol, closeness
