"""What a list says of itself: the zones its plants share, light and water that do not go together,
months with nothing in bloom, rare plants to source with care, plants not native where the visitor is.

Each point is a sentence; `summarize()` gives them in the page's order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from plants import vocabulary, zones

from . import bloom_calendar
from .entries import ListedPlant

# Plant names a sentence gives before it counts the rest.
NAMED = 6
_LIGHT_ORDER = list(vocabulary.LIGHT_LEVELS)
_WATER_ORDER = list(vocabulary.WATER_NEEDS)


@dataclass(frozen=True)
class Point:
    topic: str  # "Zones", "Light", "Water", "Bloom", "Rare plants", "Native"
    sentence: str
    warns: bool = False  # something to act on, not only to know


@dataclass(frozen=True)
class Place:
    """Where the visitor gardens, as far as they said: a state's name and, from a ZIP code, a zone."""

    state_name: str | None = None
    zone: int | None = None  # a half-zone ordinal


def _names(plants) -> str:
    names = [plant.common_name for plant in plants]
    if len(names) > NAMED:
        names = [*names[:NAMED], f"{len(names) - NAMED} more"]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def shared_zones(plants: list[ListedPlant], zone: int | None = None) -> Point | None:
    """The zones every plant is hardy in, and which plants set its ends (or that none suits them all)."""
    placed = [plant for plant in plants if plant.zone_min is not None]
    if not placed:
        return Point("Zones", "No plant on the list has its hardiness zones recorded.") if plants else None
    coldest = max(placed, key=lambda plant: plant.zone_min)
    bounded = [plant for plant in placed if plant.zone_max is not None]
    warmest = min(bounded, key=lambda plant: plant.zone_max) if bounded else None
    low, high = coldest.zone_min, warmest.zone_max if warmest else None
    unplaced = [plant for plant in plants if plant.zone_min is None]
    missing = f" No zones are recorded for {_names(unplaced)}." if unplaced else ""
    if high is not None and low > high:
        return Point(
            "Zones",
            f"No zone suits them all: {coldest.common_name} needs zone {zones.label(low)} or warmer, "
            f"and {warmest.common_name} grows only to zone {zones.label(high)}.{missing}",
            warns=True,
        )
    span = f"{zones.label(low)} and warmer" if high is None else zones.format_range(low, high)
    # Named only where they narrow the span: a limit every plant shares is no one's doing.
    cold_end = [plant for plant in placed if plant.zone_min == low]
    warm_end = [plant for plant in bounded if plant.zone_max == high]
    ends = []
    if len(cold_end) < len(placed) and cold_end == warm_end:
        ends.append(f"{_names(cold_end)} {'sets' if len(cold_end) == 1 else 'set'} both ends")
    elif len(cold_end) < len(placed):
        ends.append(f"{_names(cold_end)} {'sets' if len(cold_end) == 1 else 'set'} the cold end")
    if bounded and len(warm_end) < len(placed) and cold_end != warm_end:
        ends.append(f"{_names(warm_end)} {'sets' if len(warm_end) == 1 else 'set'} the warm end")
    if high is None:
        ends.append("no warm limit is recorded")
    ends = f" ({'; '.join(ends)})" if ends else ""
    yours = ""
    if zone is not None:
        inside = low <= zone and (high is None or zone <= high)
        yours = f" Your zone, {zones.label(zone)}, is {'inside' if inside else 'outside'} it."
    return Point(
        "Zones",
        f"Zones every plant is hardy in: {span}{ends}.{yours}{missing}",
        warns=bool(yours and not inside),
    )


def _light_words(levels) -> str:
    return " or ".join(vocabulary.LIGHT_LEVELS[level].lower() for level in levels)


def light_mismatch(plants: list[ListedPlant]) -> Point | None:
    """Whether one spot's light suits every plant; if not, how many need which, in words."""
    known = [plant for plant in plants if plant.light]
    if not known:
        return None
    common = set.intersection(*(set(plant.light) for plant in known))
    if common:
        return Point(
            "Light",
            f"One spot suits them all: every plant takes {_light_words(sorted(common, key=_LIGHT_ORDER.index))}.",
        )
    groups = Counter(plant.light for plant in known)
    ordered = sorted(groups, key=lambda levels: [_LIGHT_ORDER.index(level) for level in levels])
    counts = [f"{_count(groups[levels], 'needs', 'need')} {_light_words(levels)}" for levels in ordered]
    return Point("Light", f"{', '.join(counts)}: no one spot suits them all; plant them apart.", warns=True)


def water_mismatch(plants: list[ListedPlant]) -> Point | None:
    """Whether the plants need the same water; if not, how many need which."""
    groups = Counter(plant.water for plant in plants if plant.water)
    if not groups:
        return None
    if len(groups) == 1:
        return Point("Water", f"They all need {next(iter(groups))} water.")
    counts = [
        f"{_count(groups[need], 'needs', 'need')} {need} water" for need in _WATER_ORDER if need in groups
    ]
    return Point("Water", f"{', '.join(counts)}: group them by need, or water them apart.", warns=True)


def bloom_gaps(calendar: list[bloom_calendar.Row]) -> Point | None:
    """The months with nothing in bloom, of the plants whose bloom period gives months."""
    if not calendar:
        return None
    undated = [row.plant for row in calendar if not row.has_months]
    missing = f" {_names(undated)}: no bloom months recorded." if undated else ""
    if len(undated) == len(calendar):
        return Point("Bloom", "No plant on the list has bloom months recorded.")
    empty = bloom_calendar.empty_months(calendar)
    if not empty:
        return Point("Bloom", f"Something is in bloom every month.{missing}")
    months = bloom_calendar.month_runs([bloom_calendar.MONTHS[month - 1] for month in empty])
    return Point("Bloom", f"Nothing is in bloom in {months}.{missing}", warns=True)


def rare_plants(plants: list[ListedPlant]) -> Point | None:
    """The rare plants, with how to buy them responsibly."""
    rare = [plant for plant in plants if plant.is_rare]
    if not rare:
        return None
    if len(rare) == 1:
        sentence = f"{rare[0].common_name} is rare in the wild. Buy it only from nurseries that propagate their own plants; never dig it from wild populations."
    else:
        sentence = f"{_names(rare)} are rare in the wild. Buy them only from nurseries that propagate their own plants; never dig them from wild populations."
    return Point("Rare plants", sentence, warns=True)


def not_native(plants: list[ListedPlant], state_name: str) -> Point | None:
    """The plants not recorded as native to the visitor's state or province."""
    if not plants:
        return None
    unrecorded = [plant for plant in plants if not plant.native_ranges]
    elsewhere = [plant for plant in plants if plant.native_ranges and state_name not in plant.native_ranges]
    missing = f" We have no native range for {_names(unrecorded)}." if unrecorded else ""
    if not elsewhere:
        return Point(
            "Native", f"Every plant with a recorded native range is native to {state_name}.{missing}"
        )
    return Point("Native", f"Not native to {state_name}: {_names(elsewhere)}.{missing}", warns=True)


def summarize(
    plants: list[ListedPlant], calendar: list[bloom_calendar.Row], place: Place | None = None
) -> list[Point]:
    """The list's points, in the page's order; only those that say something."""
    place = place or Place()
    points = [
        shared_zones(plants, place.zone),
        light_mismatch(plants),
        water_mismatch(plants),
        bloom_gaps(calendar),
        rare_plants(plants),
        not_native(plants, place.state_name) if place.state_name else None,
    ]
    return [point for point in points if point is not None]
