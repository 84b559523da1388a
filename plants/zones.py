"""USDA plant hardiness zones with half-zone precision.

The USDA map has thirteen zones, each split into a colder "a" and a warmer
"b" half.  Zones are stored as an ordinal so that range checks are plain
integer comparisons in SQL: 1a is 1, 1b is 2, ... 13b is 26.

A whole zone written without a half ("5") means different things at each end
of a range: as the cold limit of a plant it is 5a, as the warm limit it is 5b,
and as a *gardener's* zone it is the span 5a-5b.  The functions below make
that choice explicit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIRST_ZONE = 1
LAST_ZONE = 13
MIN_ORDINAL = 1
MAX_ORDINAL = LAST_ZONE * 2

_ZONE_RE = re.compile(r"^\s*(\d{1,2})\s*([abAB]?)\s*$")
_RANGE_RE = re.compile(r"^\s*(\d{1,2}\s*[abAB]?)\s*(?:-|–|—|to)\s*(\d{1,2}\s*[abAB]?)\s*$")


class ZoneError(ValueError):
    """A zone or zone range that is not on the USDA 1a-13b scale."""


@dataclass(frozen=True, order=True)
class ZoneSpan:
    """An inclusive span of half-zone ordinals, e.g. zone "5" is 9-10."""

    low: int
    high: int

    def __str__(self) -> str:
        return format_range(self.low, self.high)


def ordinal(zone: int, half: str) -> int:
    """The ordinal of a zone and half ('a' or 'b')."""
    if not FIRST_ZONE <= zone <= LAST_ZONE:
        raise ZoneError(f"Zone {zone} is not a USDA hardiness zone; zones run from 1 to 13.")
    if half not in ("a", "b"):
        raise ZoneError(f"Half-zone must be 'a' or 'b', not {half!r}.")
    return zone * 2 - (1 if half == "a" else 0)


def label(value: int) -> str:
    """The label of an ordinal: 9 -> '5a'."""
    if not MIN_ORDINAL <= value <= MAX_ORDINAL:
        raise ZoneError(f"{value} is not a half-zone ordinal (1-26).")
    return f"{(value + 1) // 2}{'a' if value % 2 else 'b'}"


def whole_zone(value: int) -> int:
    """The whole zone an ordinal falls in: 10 (5b) -> 5."""
    return (value + 1) // 2


def parse_zone(text: str) -> ZoneSpan:
    """Parse a gardener's zone ('5', '5b') into the span of half-zones it names."""
    match = _ZONE_RE.match(text or "")
    if not match:
        raise ZoneError(f"“{text}” is not a hardiness zone. Enter a zone from 1 to 13, such as 5 or 5b.")
    zone, half = int(match.group(1)), match.group(2).lower()
    if half:
        value = ordinal(zone, half)
        return ZoneSpan(value, value)
    return ZoneSpan(ordinal(zone, "a"), ordinal(zone, "b"))


def parse_range(text: str) -> ZoneSpan:
    """Parse a plant's hardiness range ('4-8', '4b-9a', '7') into ordinals.

    A whole zone at the cold end starts at its "a" half and a whole zone at
    the warm end ends at its "b" half, so '4-8' is 4a-8b.
    """
    text = (text or "").strip()
    match = _RANGE_RE.match(text)
    if match:
        low, high = parse_zone(match.group(1)).low, parse_zone(match.group(2)).high
    else:
        span = parse_zone(text)
        low, high = span.low, span.high
    if low > high:
        raise ZoneError(f"The cold end of “{text}” is warmer than its warm end.")
    return ZoneSpan(low, high)


def format_range(low: int, high: int) -> str:
    """Format a range compactly: whole zones drop their halves ('4-8', '4b-9a')."""
    if low == high:
        return label(low)  # one half zone, '6a' (not '6-6a')
    low_label = label(low)
    high_label = label(high)
    if low % 2 == 1:
        low_label = low_label[:-1]
        if high % 2 == 0:
            high_label = high_label[:-1]
    if low_label == high_label or (low % 2 == 1 and high == low + 1):
        return str(whole_zone(low)) if high == low + 1 and low % 2 == 1 else label(low)
    return f"{low_label}–{high_label}"


def covers(plant_low: int, plant_high: int, garden: ZoneSpan) -> bool:
    """Whether a plant hardy over plant_low..plant_high thrives in the whole garden span.

    A gardener who says "zone 5" may be in 5a or 5b, so the plant must cover both.
    """
    return plant_low <= garden.low and plant_high >= garden.high


CHOICES = [(value, label(value)) for value in range(MIN_ORDINAL, MAX_ORDINAL + 1)]

# Each half zone is a 5 °F band of the average annual extreme minimum
# temperature, from 1a's -60 °F up; a band holds its colder edge, not its warmer.
COLDEST_F = -60
HALF_ZONE_F = 5


def band_fahrenheit(value: int) -> tuple[int, int]:
    """The temperature band of a half zone, colder edge first: 7 (4a) -> (-30, -25)."""
    label(value)  # checks the ordinal
    colder = COLDEST_F + (value - MIN_ORDINAL) * HALF_ZONE_F
    return colder, colder + HALF_ZONE_F


def zone_for_temperature(fahrenheit: float) -> int:
    """The coldest half zone whose whole band is at or above a plant's lowest temperature.

    A plant that survives -33 °F is hardy in 4a (-30 to -25 °F), not in 3b
    (-35 to -30 °F), whose winters may reach -35 °F. Below -60 °F is still 1a,
    the coldest zone there is; a plant that needs winters warmer than 65 °F
    (13b's colder edge) fits no zone.
    """
    for value in range(MIN_ORDINAL, MAX_ORDINAL + 1):
        if band_fahrenheit(value)[0] >= fahrenheit:
            return value
    raise ZoneError(
        f"No hardiness zone is warm enough for a plant that tolerates nothing below {fahrenheit:g} °F."
    )


@dataclass(frozen=True)
class ScaleCell:
    """One whole zone on the 1-13 scale and how much of it a range covers."""

    number: int
    in_range: bool
    partial: bool


def scale(low: int, high: int) -> list[ScaleCell]:
    """The 1-13 zone scale with the cells a hardiness range covers (a half-zone end is partial)."""
    cells = []
    for number in range(FIRST_ZONE, LAST_ZONE + 1):
        halves = {ordinal(number, "a"), ordinal(number, "b")}
        covered = {value for value in halves if low <= value <= high}
        cells.append(ScaleCell(number, bool(covered), 0 < len(covered) < 2))
    return cells
