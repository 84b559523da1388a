"""The finder's facet index: every published plant's filter values as bitsets, in memory.

Counting each facet option in SQL reads every matching plant once per filter
group; at 50,000 plants that is most of a second.  Instead each process keeps
a FacetIndex (plants/faceting.py) built from the database in a fixed number
of queries, and rebuilds it when the content's version token changes (any
save, in any process: plants/models/versioning.py) or when a scheduled
publication time passes.  After a save it does not rebuild: it reads the
change log (`FinderChange`) since its own version and re-reads only the plants
changed since (`update()`), and the plants whose publication came due.  A
request then costs one query for the token, one for the page of cards, and
one more for a text search.

A build numbers plants in the default ("name") order, so that order needs no
list of its own until an update moves a plant in it or adds one (numbered
after the others); from then on the index keeps the name order as a list too.
"""

import threading
from array import array
from collections import defaultdict
from dataclasses import dataclass, field, replace
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
    FinderChange,
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
    use_slugs: dict[int, str] = field(default_factory=dict)  # GardenUse id -> slug
    family_slugs: dict[int, str] = field(default_factory=dict)  # family Taxon id -> slug
    # What each position's orders sort on, as hashes (SORT_KEY_PARTS per position): enough to tell
    # that an update moved a plant, at a tenth of the memory of the names themselves.
    sort_keys: array = field(default_factory=lambda: array("q"))
    # Rank in the name order by position, once positions no longer follow it (an update moved or added plants).
    name_ranks: array | None = None

    def is_current(self, token: str, now: datetime) -> bool:
        return token == self.token and (self.valid_until is None or now < self.valid_until)

    def order(self, sort: str):
        """The facets' order for `sort`: None (position order) for the name order while positions follow it."""
        return None if sort == DEFAULT_SORT and self.name_ranks is None else sort

    def name_rank(self, position: int) -> int:
        """A plant's place in the name order, to break ties in another order (a search's ranks)."""
        return position if self.name_ranks is None else self.name_ranks[position]

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
    """This process's index, caught up first if the content changed since it was built."""
    global _index
    token = ContentVersion.objects.current()
    now = timezone.now()
    index = _index
    if index is not None and index.is_current(token, now):
        return index
    with _lock:  # one build at a time in threaded servers; the others wait and reuse it
        if _index is None or not _index.is_current(token, now):
            _index = caught_up(_index, token, now) or build(token, now)
        return _index


def caught_up(index: FinderIndex | None, token: str, now: datetime) -> FinderIndex | None:
    """`index` with the plants changed since its version applied, or None when it must be rebuilt."""
    if index is None:
        return None
    changed: set[int] = set()
    if index.token != token:
        changes = FinderChange.objects.since(index.token)
        if not changes or changes[-1][0] != token or any(rebuild for _, rebuild, _ in changes[1:]):
            return None  # its version left the log, the newest is not logged yet, or a change needs a rebuild
        changed = {plant_id for _, _, ids in changes[1:] for plant_id in ids}
    if index.valid_until and now >= index.valid_until:
        # Scheduled publications came due, which no change logged: every plant live since
        # published at or after the time the index was good until (those before were live then).
        due = PlantProfile.objects.live(now).filter(published_at__gte=index.valid_until)
        changed.update(due.values_list("pk", flat=True))
    return update(index, changed, token, now)


def update(index: FinderIndex, changed: set[int], token: str, now: datetime) -> FinderIndex | None:
    """Re-read the changed plants and apply them, in eight queries at most; or None to rebuild.

    A changed plant's bits are replaced; a plant no longer live (unpublished,
    deleted, rescheduled) leaves every bitset, its position unused; a newly
    live one is numbered after the others.  An order is re-read from the
    database when a plant moved in it, and every order when plants were added.
    Too many changed plants, or too many unused positions, and it is cheaper
    to rebuild.
    """
    limit = update_limit(len(index.ids))
    if len(changed) > limit:
        return None
    # Read again each time: a family renamed or added changes labels, and the plants below it are logged.
    family_slugs, family_labels = _families()
    rows = {
        plant_id: (sort_key, keys)
        for plant_id, sort_key, keys in _plant_values(
            PlantProfile.objects.live(now).filter(pk__in=changed), family_slugs
        )
    }
    known = index.position_by_id
    removed = {plant_id for plant_id in changed if plant_id in known and plant_id not in rows}
    added = sorted(plant_id for plant_id in rows if plant_id not in known)
    unused = len(index.ids) - len(known) + len(removed)
    if unused > limit:
        return None
    moved = set(SORTS) if added else set()
    for plant_id, (sort_key, _) in rows.items():
        if plant_id in known:
            start = known[plant_id] * SORT_KEY_PARTS
            old_key = index.sort_keys[start : start + SORT_KEY_PARTS]
            for at, (old, new) in enumerate(zip(old_key, sort_key, strict=True)):
                if old != new:
                    moved.update(SORT_KEYS[at])
    ids = array("l", index.ids)
    ids.extend(added)
    position = {plant_id: at for plant_id, at in known.items() if plant_id not in removed}
    position.update((plant_id, at) for at, plant_id in enumerate(added, start=len(index.ids)))
    memberships = {position[plant_id]: keys for plant_id, (_, keys) in rows.items()}
    for key, plant_ids in _shared_values(index.use_slugs, list(rows)) if rows else ():
        for plant_id in plant_ids:
            memberships[position[plant_id]].append(key)
    published = PlantProfile.objects.live(now)
    orders = {sort: _order(published, sort, position) for sort in moved}
    name_ranks = index.name_ranks
    if DEFAULT_SORT in moved:
        name_ranks = array("l", [0]) * len(ids)
        for rank, at in enumerate(orders[DEFAULT_SORT]):
            name_ranks[at] = rank
    sort_keys = array("q", index.sort_keys)
    sort_keys.extend([0] * (len(added) * SORT_KEY_PARTS))
    for plant_id, (sort_key, _) in rows.items():
        start = position[plant_id] * SORT_KEY_PARTS
        sort_keys[start : start + SORT_KEY_PARTS] = array("q", sort_key)
    return replace(
        index,
        token=token,
        valid_until=_next_publication(now),
        facets=index.facets.replaced(
            memberships, orders, size=len(ids), removed=[known[plant_id] for plant_id in removed]
        ),
        position_by_id=position,
        ids=ids,
        family_labels=family_labels,
        family_slugs=family_slugs,
        sort_keys=sort_keys,
        name_ranks=name_ranks,
    )


def update_limit(positions: int) -> int:
    """The most plants an update re-reads, or positions it leaves unused, before a rebuild is the cheaper."""
    return min(FinderChange.MAX_PROFILES, max(100, positions // 20))


def build(token: str, now: datetime) -> FinderIndex:
    """Read the published plants and their filter values: eight queries whatever their number.

    USDA PLANTS' traits come with the plants, joined through their taxon's
    UsdaRecord (none for a plant never imported: no value for those filters).
    """
    published = PlantProfile.objects.live(now)
    family_slugs, family_labels = _families()
    ids = array("l")
    sort_keys = array("q")
    members: dict[tuple[str, object], list[int]] = defaultdict(list)
    for at, (plant_id, sort_key, keys) in enumerate(
        _plant_values(published.order_by(*SORTS[DEFAULT_SORT][1]), family_slugs)
    ):
        ids.append(plant_id)
        sort_keys.extend(sort_key)
        for key in keys:
            members[key].append(at)
    position = {plant_id: at for at, plant_id in enumerate(ids)}
    uses = {
        use_id: (slug, name) for use_id, slug, name in GardenUse.objects.values_list("pk", "slug", "name")
    }
    use_slugs = {use_id: slug for use_id, (slug, _) in uses.items()}
    for key, plant_ids in _shared_values(use_slugs):
        members[key].extend(_known_positions(plant_ids, position))
    builder = FacetIndexBuilder(len(ids))
    for (group, value), items in members.items():
        if items:  # a use or state only drafts have: no key, as an update would leave none
            builder.add_many(group, value, items)
    del members
    builder.add_cumulative("zone_min_at_most", "zone_min", ZONE_ORDINALS)
    builder.add_cumulative("zone_max_at_least", "zone_max", ZONE_ORDINALS[::-1])
    orders = {sort: _order(published, sort, position) for sort in SORTS if sort != DEFAULT_SORT}
    return FinderIndex(
        token=token,
        valid_until=_next_publication(now),
        facets=builder.build(orders),
        position_by_id=position,
        ids=ids,
        use_labels=dict(uses.values()),
        family_labels=family_labels,
        use_slugs=use_slugs,
        family_slugs=family_slugs,
        sort_keys=sort_keys,
    )


# What a plant's place in each order depends on, in the order _plant_values() gives it.
SORT_KEYS = (("name", "hardiest"), ("name", "botanical"), ("hardiest",))
SORT_KEY_PARTS = len(SORT_KEYS)
_TRAIT_COLUMNS = [
    column if column == "water_need" else f"taxon__usda__{column}" for column in trait_facets.COLUMNS
]


def _plant_values(plants, family_slugs: dict[int, str]):
    """(id, sort key, [(group, value)...]) of each plant, from its own row and its taxon's USDA record.

    The sort key is the hashes of what the orders sort on (SORT_KEYS), for an update to compare.

    The one reading of a plant's filter values, for a build and an update alike.
    """
    flag_keys = list(FLAG_COLUMNS.values())
    trait_count = len(_TRAIT_COLUMNS)
    rows = plants.values_list(
        "pk",
        "common_name",
        "taxon__scientific_name",
        "zone_min",
        "zone_max",
        "is_rare",
        "family_id",
        *_TRAIT_COLUMNS,
        *FLAG_COLUMNS,
    )
    for plant_id, common_name, scientific_name, zone_min, zone_max, is_rare, family_id, *rest in _rows(rows):
        traits, flags = dict(zip(trait_facets.COLUMNS, rest[:trait_count], strict=True)), rest[trait_count:]
        keys = list(trait_facets.memberships(traits))
        if zone_min is not None:
            keys += [("zone_min", zone_min), ("zone_max", zone_max)]  # None: the warm limit is not recorded
        if is_rare:
            keys.append(("rare", True))
        if family_id in family_slugs:
            keys.append(("family", family_slugs[family_id]))
        keys += [key for key, flag in zip(flag_keys, flags, strict=True) if flag]
        yield plant_id, (hash(common_name), hash(scientific_name), hash(zone_min)), keys


def _families() -> tuple[dict[int, str], dict[str, str]]:
    """Every family's slug by id, and its label by slug: one query."""
    rows = Taxon.objects.filter(rank=Rank.FAMILY).values_list("pk", "slug", "scientific_name", "common_name")
    slugs, labels = {}, {}
    for family_id, slug, name, common in rows:
        slugs[family_id] = slug
        labels[slug] = family_label(name, common)
    return slugs, labels


def _shared_values(use_slugs: dict[int, str], profile_ids=None):
    """((group, value), plant ids) for each garden use and state: one row each, the ids joined by commas.

    A few dozen rows instead of one per pair (hundreds of thousands at full
    size); only those of `profile_ids` when given.
    """
    for model, column, group in ((PlantGardenUse, "garden_use_id", "use"), (NativeRange, "state", "state")):
        rows = model.objects.order_by()
        if profile_ids is not None:
            rows = rows.filter(profile_id__in=profile_ids)
        for value, plant_ids in _rows(
            rows.values(column).annotate(ids=IdList("profile_id")).values_list(column, "ids")
        ):
            yield (group, use_slugs[value] if group == "use" else value), _split_ids(plant_ids)


def _order(published, sort: str, position: dict[int, int]) -> array:
    """Positions in the order `sort` names, as the database sorts them."""
    return array(
        "l",
        (position[plant_id] for (plant_id,) in _rows(published.order_by(*SORTS[sort][1]).values_list("pk"))),
    )


def _next_publication(now: datetime) -> datetime | None:
    return PlantProfile.objects.scheduled(now).aggregate(next=Min("published_at"))["next"]


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
