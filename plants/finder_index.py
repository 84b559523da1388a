"""The finder's facet index: every published plant's filter values as bitsets, in memory.

Counting each facet option in SQL reads every matching plant once per filter
group; at 50,000 plants that is most of a second.  Instead each process keeps
a FacetIndex (plants/faceting.py) built from the database in a fixed number
of queries, and rebuilds it when the content's version token changes (any
save, in any process: plants/models/versioning.py) or when a scheduled
publication time passes.  A request then costs one query for the token, one
for the page of cards, and one more for a text search.

Plants are numbered in the default ("name") order, so that order needs no
list of its own.
"""

import threading
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from django.db.models import Aggregate, Min, TextField
from django.db.models.functions import Lower
from django.utils import timezone

from plants import trait_facets, zones
from plants.faceting import FacetIndex, FacetIndexBuilder
from plants.models import (
    FLAG_COLUMNS,
    ContentVersion,
    GardenUse,
    NativeRange,
    PlantGardenUse,
    PlantProfile,
    Rank,
    Taxon,
)

# Sort choices: label, and the SQL ordering the index copies (so each database's collation decides).
SORTS = {
    "name": ("Common name (A–Z)", [Lower("common_name"), "taxon__scientific_name", "pk"]),
    "botanical": ("Botanical name (A–Z)", ["taxon__scientific_name", "pk"]),
    "hardiest": ("Hardiest first (coldest zone)", ["zone_min", Lower("common_name"), "pk"]),
}
DEFAULT_SORT = "name"
ZONE_ORDINALS = list(range(zones.MIN_ORDINAL, zones.MAX_ORDINAL + 1))


def family_label(scientific_name: str, common_name: str) -> str:
    return f"{scientific_name} ({common_name})" if common_name else scientific_name


@dataclass(frozen=True)
class FinderIndex:
    """The published plants as facet bitsets, with the ids and labels the finder shows."""

    token: str
    valid_until: datetime | None  # the next scheduled publication, when this index goes stale
    facets: FacetIndex
    position_by_id: dict[int, int]
    ids: array  # plant id by position
    use_labels: dict[str, str] = field(default_factory=dict)  # slug -> name
    family_labels: dict[str, str] = field(default_factory=dict)  # slug -> "Asteraceae (aster family)"

    def is_current(self, token: str, now: datetime) -> bool:
        return token == self.token and (self.valid_until is None or now < self.valid_until)

    def positions_of(self, ids) -> list[int]:
        """Positions of the given plant ids, in the order given; ids not in the index are skipped."""
        return list(_known_positions(ids, self.position_by_id))

    def zone_bits(self, low: int, high: int) -> int:
        """Plants hardy across the whole span: coldest zone at most `low`, warmest at least `high`.

        A plant whose warm limit is not recorded (USDA PLANTS gives only the
        cold one) is matched on its cold limit: hardy is what a zone promises.
        """
        warm_enough = self.facets.bits("zone_max_at_least", high) | self.facets.bits("zone_max", None)
        return self.facets.bits("zone_min_at_most", low) & warm_enough


_index: FinderIndex | None = None
_lock = threading.Lock()


def finder_index() -> FinderIndex:
    """This process's index, rebuilt first if the content changed since it was built."""
    global _index
    token = ContentVersion.objects.current()
    now = timezone.now()
    index = _index
    if index is not None and index.is_current(token, now):
        return index
    with _lock:  # one build at a time in threaded servers; the others wait and reuse it
        if _index is None or not _index.is_current(token, now):
            _index = build(token, now)
        return _index


def build(token: str, now: datetime) -> FinderIndex:
    """Read the published plants and their filter values: eight queries whatever their number.

    USDA PLANTS' traits come with the plants, joined through their taxon's
    UsdaRecord (none for a plant never imported: no value for those filters).
    """
    published = PlantProfile.objects.live(now)
    families = {
        family_id: (slug, family_label(name, common))
        for family_id, slug, name, common in Taxon.objects.filter(rank=Rank.FAMILY).values_list(
            "pk", "slug", "scientific_name", "common_name"
        )
    }
    ids = array("l")
    members: dict[tuple[str, object], list[int]] = defaultdict(list)
    flag_keys = list(FLAG_COLUMNS.values())
    trait_columns = [
        column if column == "water_need" else f"taxon__usda__{column}" for column in trait_facets.COLUMNS
    ]
    plants = published.order_by(*SORTS[DEFAULT_SORT][1]).values_list(
        "pk", "zone_min", "zone_max", "is_rare", "family_id", *trait_columns, *FLAG_COLUMNS
    )
    trait_count = len(trait_columns)
    for at, (plant_id, zone_min, zone_max, is_rare, family_id, *rest) in enumerate(_rows(plants)):
        ids.append(plant_id)
        traits, flags = dict(zip(trait_facets.COLUMNS, rest[:trait_count], strict=True)), rest[trait_count:]
        if zone_min is not None:
            members["zone_min", zone_min].append(at)
            members["zone_max", zone_max].append(at)  # None: the warm limit is not recorded
        for key in trait_facets.memberships(traits):
            members[key].append(at)
        if is_rare:
            members["rare", True].append(at)
        if family_id in families:
            members["family", families[family_id][0]].append(at)
        for key, flag in zip(flag_keys, flags, strict=True):
            if flag:
                members[key].append(at)
    position = {plant_id: at for at, plant_id in enumerate(ids)}
    uses = {
        use_id: (slug, name) for use_id, slug, name in GardenUse.objects.values_list("pk", "slug", "name")
    }
    # One row per use or state with its plants' ids joined by commas: a few
    # dozen rows instead of one per pair (hundreds of thousands at full size).
    for use_id, plant_ids in _rows(
        PlantGardenUse.objects.order_by()
        .values("garden_use_id")
        .annotate(ids=IdList("profile_id"))
        .values_list("garden_use_id", "ids")
    ):
        members["use", uses[use_id][0]].extend(_known_positions(_split_ids(plant_ids), position))
    for state, plant_ids in _rows(
        NativeRange.objects.order_by()
        .values("state")
        .annotate(ids=IdList("profile_id"))
        .values_list("state", "ids")
    ):
        members["state", state].extend(_known_positions(_split_ids(plant_ids), position))
    builder = FacetIndexBuilder(len(ids))
    for (group, value), items in members.items():
        builder.add_many(group, value, items)
    del members
    builder.add_cumulative("zone_min_at_most", "zone_min", ZONE_ORDINALS)
    builder.add_cumulative("zone_max_at_least", "zone_max", ZONE_ORDINALS[::-1])
    orders = {
        sort: array(
            "l",
            (position[plant_id] for (plant_id,) in _rows(published.order_by(*ordering).values_list("pk"))),
        )
        for sort, (_, ordering) in SORTS.items()
        if sort != DEFAULT_SORT
    }
    next_publication = PlantProfile.objects.scheduled(now).aggregate(next=Min("published_at"))["next"]
    return FinderIndex(
        token=token,
        valid_until=next_publication,
        facets=builder.build(orders),
        position_by_id=position,
        ids=ids,
        use_labels=dict(uses.values()),
        family_labels=dict(families.values()),
    )


class IdList(Aggregate):
    """The group's values joined by commas: GROUP_CONCAT on SQLite, string_agg on PostgreSQL."""

    function = "GROUP_CONCAT"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, function="STRING_AGG", template="%(function)s((%(expressions)s)::text, ',')"
        )


def _split_ids(joined: str):
    return map(int, joined.split(","))


def _known_positions(ids, position_by_id: dict[int, int]):
    """Positions of those ids that are in the index (drafts, say, are not), in the order given."""
    for plant_id in ids:
        at = position_by_id.get(plant_id)
        if at is not None:
            yield at


def _rows(queryset):
    """A values_list() queryset's rows as the driver returns them, a few thousand at a time.

    Skips Django's per-value converters, the slowest part of reading 50,000
    rows; the columns read here need none (booleans come as 0/1 from SQLite,
    which is as good as True/False for a test of truth).
    """
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(5000):
            yield from rows
