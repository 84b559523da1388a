"""Free-text search over plant profiles, ranked so that name hits come first.

PostgreSQL uses its full-text search on a stored, GIN-indexed tsvector, plus
trigram word similarity on the names, so that misspellings ("heuchra") and
split words ("alum root") still find the plant.  SQLite has neither, so it
falls back to matching every word as a substring: portable, less forgiving.
"""

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Greatest

MAX_QUERY_LENGTH = 200
# word_similarity above which a name counts as matching a (mis)typed query; the same
# value is set as pg_trgm.word_similarity_threshold for the index (nativeplants/settings.py).
TRIGRAM_THRESHOLD = 0.45


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
    return _ranked_portable(queryset, text)


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

    query = SearchQuery(text, search_type="websearch", config="english")
    # Trigrams ignore spaces, so "alum root" also tries "alumroot".
    joined = text.replace(" ", "")
    symbol = text.upper()  # symbols are stored upper-case; equality keeps the unique index usable
    # Matching uses only operators the GIN indexes answer (@@ and %>, whose
    # threshold is pg_trgm.word_similarity_threshold, set in settings), so the
    # scores below are computed for the matches only, once each.
    matches = (
        Q(search_vector=query)
        | Q(TrigramWordSimilar(F("search_names"), Value(text)))
        | Q(TrigramWordSimilar(F("search_names"), Value(joined)))
        | Q(usda_symbol=symbol)
    )
    name_similarity = TrigramWordSimilarity(text, "search_names")
    if joined != text:
        name_similarity = Greatest(name_similarity, TrigramWordSimilarity(joined, "search_names"))
    rows = (
        queryset.filter(matches)
        .order_by()
        .values_list("pk", "usda_symbol", name_similarity, SearchRank(F("search_vector"), query))
    )
    return [
        (pk, postgresql_rank(usda_symbol == symbol, similarity, text_rank))
        for pk, usda_symbol, similarity, text_rank in rows
    ]


def _ranked_portable(queryset, text):
    words = text.split()
    in_names = Q()
    anywhere = Q()
    for word in words:
        in_names &= Q(search_names__icontains=word)
        anywhere &= Q(search_names__icontains=word) | Q(search_text__icontains=word)
    rank = Case(
        When(usda_symbol__iexact=text, then=Value(3)),
        When(Q(common_name__icontains=text) | Q(taxon__scientific_name__icontains=text), then=Value(2)),
        When(in_names, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return list(queryset.filter(anywhere).order_by().values_list("pk", rank))
