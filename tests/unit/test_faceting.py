"""plants.faceting: bitsets per filter value, counts, cumulative ranges and ordered pages."""

import random

import pytest

from plants.faceting import FacetIndex, FacetIndexBuilder

# Ten items: colour and size of each, and a zone number.
COLOURS = ["red", "blue", "red", "green", "blue", "red", "red", "green", "blue", "red"]
SIZES = ["s", "m", "l", "s", "m", "l", "s", "m", "l", "s"]
ZONES = [3, 5, 4, 7, 3, 6, 5, 4, 8, 3]


@pytest.fixture
def index() -> FacetIndex:
    builder = FacetIndexBuilder(len(COLOURS))
    for item, (colour, size, zone) in enumerate(zip(COLOURS, SIZES, ZONES, strict=True)):
        builder.add("colour", colour, item)
        builder.add("size", size, item)
        builder.add("zone", zone, item)
    builder.add_cumulative("zone_at_most", "zone", range(1, 10))
    reverse = sorted(range(len(COLOURS)), reverse=True)
    return builder.build({"reverse": reverse})


def items(index, bits):
    return index.positions(bits)


def test_bits_and_any_of(index):
    assert items(index, index.bits("colour", "red")) == [0, 2, 5, 6, 9]
    assert items(index, index.any_of("colour", ["blue", "green"])) == [1, 3, 4, 7, 8]
    assert index.bits("colour", "purple") == 0
    assert index.any_of("colour", []) == 0


def test_counts_within_other_selections(index):
    small = index.bits("size", "s")
    assert index.counts("colour", small) == {"red": 3, "green": 1, "blue": 0}
    assert index.counts("colour", index.all) == {"red": 5, "blue": 3, "green": 2}
    assert index.values("size") == ["s", "m", "l"]


def test_cumulative_answers_at_most(index):
    assert items(index, index.bits("zone_at_most", 4)) == [0, 2, 4, 7, 9]
    assert items(index, index.bits("zone_at_most", 1)) == []
    assert index.bits("zone_at_most", 9) == index.all


@pytest.mark.parametrize(
    ("start", "stop", "expected"),
    [(0, 2, [0, 2]), (2, 4, [5, 6]), (4, 10, [9]), (5, 8, []), (0, None, [0, 2, 5, 6, 9])],
)
def test_positions_are_sliced_in_item_order(index, start, stop, expected):
    assert index.positions(index.bits("colour", "red"), start=start, stop=stop) == expected


@pytest.mark.parametrize(("start", "stop", "expected"), [(0, 2, [9, 6]), (3, 5, [2, 0]), (0, 1, [9])])
def test_positions_follow_a_named_or_given_order(index, start, stop, expected):
    red = index.bits("colour", "red")
    assert index.positions(red, "reverse", start, stop) == expected
    assert index.positions(red, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], start, stop) == expected


def test_given_order_may_hold_items_outside_the_selection(index):
    # A search's ranking lists its matches; the other filters then narrow it.
    ranking = [7, 0, 3, 5]
    assert index.positions(index.bits("colour", "red"), ranking) == [0, 5]


def test_bits_from_items(index):
    assert items(index, index.bits_from([9, 0, 4])) == [0, 4, 9]
    assert index.bits_from([]) == 0


def test_pages_across_many_bytes():
    size = 10_000
    builder = FacetIndexBuilder(size)
    builder.add_many("every_seventh", True, range(0, size, 7))
    index = builder.build()
    bits = index.bits("every_seventh", True)
    assert bits.bit_count() == len(range(0, size, 7))
    assert index.positions(bits, start=1000, stop=1003) == [7000, 7007, 7014]
    assert index.positions(bits, list(range(size - 1, -1, -1)), 0, 2) == [9996, 9989]


def test_empty_index():
    index = FacetIndexBuilder(0).build()
    assert index.all == 0
    assert index.positions(index.all) == []
    assert index.counts("anything", index.all) == {}


def test_item_outside_the_index_is_refused():
    builder = FacetIndexBuilder(3)
    with pytest.raises(IndexError, match="outside 0..2"):
        builder.add("colour", "red", 3)


def build(colours, sizes, zones, orders=None) -> FacetIndex:
    builder = FacetIndexBuilder(len(colours))
    for item, (colour, size, zone) in enumerate(zip(colours, sizes, zones, strict=True)):
        builder.add("colour", colour, item)
        builder.add("size", size, item)
        builder.add("zone", zone, item)
    builder.add_cumulative("zone_at_most", "zone", range(1, 10))
    return builder.build(orders)


def every_bitset(index) -> dict:
    groups = ("colour", "size", "zone", "zone_at_most")
    return {(group, value): index.bits(group, value) for group in groups for value in index.values(group)}


def test_replaced_items_match_a_fresh_build(index):
    rng = random.Random(7)
    colours, sizes, zones = list(COLOURS), list(SIZES), list(ZONES)
    current = index
    for _ in range(30):
        changed = rng.sample(range(len(colours)), rng.randint(1, 3))
        for item in changed:
            colours[item] = rng.choice(["red", "blue", "green", "purple"])
            sizes[item] = rng.choice(SIZES)
            zones[item] = rng.randint(1, 9)
        current = current.replaced(
            {
                item: [("colour", colours[item]), ("size", sizes[item]), ("zone", zones[item])]
                for item in changed
            }
        )
        fresh = build(colours, sizes, zones)
        assert every_bitset(current) == every_bitset(fresh)
        assert set(current.values("colour")) == set(fresh.values("colour"))
        for group in ("colour", "size", "zone_at_most"):
            assert current.counts(group, current.all) == fresh.counts(group, fresh.all)


def test_replaced_drops_a_value_no_item_has_and_keeps_orders_unless_given(index):
    blue = [item for item, colour in enumerate(COLOURS) if colour == "blue"]
    updated = index.replaced({item: [("colour", "red")] for item in blue})
    assert "blue" not in updated.values("colour")
    assert updated.bits("size", "m") == index.bits("size", "m") & ~index.bits_from(blue)
    assert updated.positions(updated.all, "reverse", 0, 2) == [9, 8]
    assert updated.positions(updated.all, "reverse", 0, 2) == index.positions(index.all, "reverse", 0, 2)
    assert updated.replaced({}, {"reverse": [1, 0]}).positions(updated.all, "reverse") == [1, 0]
    assert index.bits("colour", "blue")  # the original is unchanged


def test_replaced_refuses_an_item_outside_the_index(index):
    with pytest.raises(IndexError):
        index.replaced({10: [("colour", "red")]})


def keys_by_item(index, items) -> dict:
    """Each item's (group, value) keys, for the items given (its numbers in `index`)."""
    found = {item: set() for item in items}
    for (group, value), bits in every_bitset(index).items():
        for item in index.positions(bits):
            found[item].add((group, value))
    return found


def test_replaced_with_items_added_and_removed_matches_a_fresh_build(index):
    rng = random.Random(11)
    # item number -> (colour, size, zone), for the items the index holds now
    alive = dict(enumerate(zip(COLOURS, SIZES, ZONES, strict=True)))
    current = index.replaced({}, {"reverse": sorted(alive, reverse=True)})
    for _ in range(40):
        removed = set(rng.sample(sorted(alive), rng.randint(0, min(2, len(alive) - 1))))
        for item in removed:
            del alive[item]
        new = list(range(current.size, current.size + rng.randint(0, 2)))
        edited = [*rng.sample(sorted(alive), min(2, len(alive))), *new]
        for item in edited:
            alive[item] = (rng.choice(["red", "blue", "green"]), rng.choice(SIZES), rng.randint(1, 9))
        changed = {
            item: [("colour", c), ("size", s), ("zone", z)]
            for item, (c, s, z) in alive.items()
            if item in edited
        }
        current = current.replaced(
            changed, {"reverse": sorted(alive, reverse=True)}, size=current.size + len(new), removed=removed
        )
        live = sorted(alive)
        fresh = build(*map(list, zip(*(alive[item] for item in live), strict=True)))
        assert current.positions(current.all) == live
        as_fresh = {live[at]: keys for at, keys in keys_by_item(fresh, range(len(live))).items()}
        assert keys_by_item(current, live) == as_fresh
        for group in ("colour", "size", "zone_at_most"):
            assert current.counts(group, current.all) == fresh.counts(group, fresh.all)
        assert current.positions(current.all, "reverse") == live[::-1]


def test_removed_items_leave_orders_that_still_list_them(index):
    updated = index.replaced({}, removed=[9, 8])
    assert updated.positions(updated.all, "reverse", 0, 2) == [7, 6]
    assert updated.all.bit_count() == 8
    assert 9 not in updated.positions(updated.bits("colour", "red"))


def test_items_added_need_every_order_again_and_an_index_never_shrinks(index):
    with pytest.raises(ValueError, match="every named order"):
        index.replaced({10: [("colour", "red")]}, size=11)
    grown = index.replaced({10: [("colour", "red")]}, {"reverse": list(range(10, -1, -1))}, size=11)
    assert grown.positions(grown.bits("colour", "red"), "reverse", 0, 2) == [10, 9]
    with pytest.raises(ValueError, match="cannot shrink"):
        grown.replaced({}, size=10)
    with pytest.raises(ValueError, match="both changed and removed"):
        index.replaced({1: [("colour", "red")]}, removed=[1])
