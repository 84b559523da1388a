"""Free-text search over plant profiles, ranked so that name hits come first.

PostgreSQL uses its full-text search on a stored, GIN-indexed tsvector, plus
trigram word similarity on the names, so that misspellings ("heuchra") and
split words ("alum root") still find the plant.  SQLite has neither, so it
falls back to matching every word as a substring: portable, less forgiving.
"""

from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Greatest, Lower

MAX_QUERY_LENGTH = 200
# word_similarity above which a name counts as matching a (mis)typed query; the same
# value is set as pg_trgm.word_similarity_threshold for the index (nativeplants/settings.py).
TRIGRAM_THRESHOLD = 0.45


def search(queryset, text: str):
    """Profiles matching `text`, annotated with `search_rank` (higher is better) and ordered by it."""
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        return _search_postgresql(queryset, text)
    return _search_portable(queryset, text)


def _search_postgresql(queryset, text):
    from django.contrib.postgres.lookups import TrigramWordSimilar
    from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity

    query = SearchQuery(text, search_type="websearch", config="english")
    # Trigrams ignore spaces, so "alum root" also tries "alumroot".
    joined = text.replace(" ", "")
    symbol = text.upper()  # symbols are stored upper-case; equality keeps the unique index usable
    # Matching uses only operators the GIN indexes answer (@@ and %>, whose
    # threshold is pg_trgm.word_similarity_threshold, set in settings), so the
    # similarity scores below are computed for the matches, not every row.
    matches = (
        Q(search_vector=query)
        | Q(TrigramWordSimilar(F("search_names"), Value(text)))
        | Q(TrigramWordSimilar(F("search_names"), Value(joined)))
        | Q(usda_symbol=symbol)
    )
    name_similarity = Greatest(
        TrigramWordSimilarity(text, "search_names"), TrigramWordSimilarity(joined, "search_names")
    )
    return (
        queryset.filter(matches)
        .annotate(
            name_similarity=name_similarity,
            text_rank=SearchRank(F("search_vector"), query),
            search_rank=Case(
                When(usda_symbol=symbol, then=Value(10.0)),
                When(
                    name_similarity__gte=TRIGRAM_THRESHOLD, then=1.0 + F("name_similarity") + F("text_rank")
                ),
                default=F("text_rank"),
                output_field=FloatField(),
            ),
        )
        .order_by("-search_rank", "common_name", "taxon__scientific_name")
    )


def _search_portable(queryset, text):
    words = text.split()
    in_names = Q()
    anywhere = Q()
    for word in words:
        in_names &= Q(search_names__icontains=word)
        anywhere &= Q(search_names__icontains=word) | Q(search_text__icontains=word)
    return (
        queryset.filter(anywhere)
        .annotate(
            search_rank=Case(
                When(usda_symbol__iexact=text, then=Value(3)),
                When(
                    Q(common_name__icontains=text) | Q(taxon__scientific_name__icontains=text), then=Value(2)
                ),
                When(in_names, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-search_rank", Lower("common_name"), "taxon__scientific_name")
    )
