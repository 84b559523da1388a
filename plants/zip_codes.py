"""Where a ZIP code is: its USDA hardiness zone (and which map gave it), its state and city.

The shipped tables (fixtures/zip/, README there) are read once per process, on
the first look-up, into two sorted arrays: ZIP codes as numbers and, beside
each, its 2023 zone, 2012 zone, state and city (an index into the 15,485
city names) packed into one integer. That keeps the 40,351 ZIP codes in about
1.5 MB, the city names most of it, and a look-up a binary search, with no
query; loading takes about half a second.

The zone is the 2023 map's, else the 2012 map's (the only one here for
Alaska, Hawaii and Puerto Rico). The state and city are the ZIP table's, else
the state USPS serves the ZIP code's first three digits from
(plants/usps_prefixes.py), with no city. A ZIP code in none of the tables is
not known here, even where its prefix would name a state: it may not exist.
"""

from __future__ import annotations

import csv
import gzip
import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from plants import regions, usps_prefixes, zones

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "zip"
# The maps by year, the newer first: a ZIP code takes its zone from the first that has it.
ZONE_FILES = {2023: "zones-2023.csv.gz", 2012: "zones-2012.csv.gz"}
PLACE_FILE = "places.csv.gz"
MAX_LENGTH = 5

# [0-9], not \d, which also matches other scripts' digits ("٨٠٣٠٢").
_FIVE_DIGITS = re.compile(r"[0-9]{5}")
_ZONE_BITS = 5  # an ordinal, 1-26, or 0 for none
_STATE_BITS = 7  # a place of plants/regions.py, 1-74, or 0 for none


class ZipCodeError(ValueError):
    """Text that is not a ZIP code: five digits."""


class ZipDataError(ValueError):
    """A shipped ZIP table that cannot be read as it should be."""


def clean(text: str) -> str:
    """The ZIP code a visitor typed, checked to be five digits (spaces around it are dropped)."""
    code = (text or "").strip()
    if not _FIVE_DIGITS.fullmatch(code):
        raise ZipCodeError("Enter a ZIP code of five digits, such as 80302.")
    return code


@dataclass(frozen=True)
class ZipPlace:
    """What the tables say about one ZIP code. The zone is a half-zone ordinal (plants/zones.py)."""

    code: str
    zone: int | None
    map_year: int | None
    state: str | None
    city: str | None

    @property
    def zone_label(self) -> str | None:
        return zones.label(self.zone) if self.zone else None

    @property
    def zone_span(self) -> zones.ZoneSpan | None:
        return zones.ZoneSpan(self.zone, self.zone) if self.zone else None

    @property
    def state_name(self) -> str | None:
        return regions.PLACES.get(self.state) if self.state else None

    @property
    def place_name(self) -> str:
        """ "Boulder, Colorado", or as much of it as is known."""
        return ", ".join(part for part in (self.city, self.state_name) if part)

    @property
    def summary(self) -> str:
        """What the site says it found: "ZIP 80302 (Boulder, Colorado): USDA zone 6a, 2023 map"."""
        where = f"ZIP {self.code} ({self.place_name})" if self.place_name else f"ZIP {self.code}"
        if self.zone is None:
            return f"{where}: no USDA zone on our maps; choose your zone"
        return f"{where}: USDA zone {self.zone_label}, {self.map_year} map"


def unknown_message(code: str) -> str:
    """What the site says of a well-formed ZIP code that no table has."""
    return f"We don't have ZIP {code}; choose your zone and state"


class ZipTable:
    """ZIP codes and what is known of each, in memory."""

    def __init__(self, directory: Path = DEFAULT_DIR):
        by_zip: dict[int, list[int]] = {}
        for slot, name in enumerate(ZONE_FILES.values()):
            for line, (code, zone) in _rows(directory / name, 2):
                by_zip.setdefault(int(code), [0, 0, 0, 0])[slot] = _zone_ordinal(zone, f"{name}:{line}")
        states = {code: at for at, code in enumerate(regions.PLACES, start=1)}
        cities: dict[str, int] = {}
        for line, (code, city, state) in _rows(directory / PLACE_FILE, 3):
            if state not in states:
                raise ZipDataError(
                    f"{PLACE_FILE}:{line}: {state!r} is not a place code of plants/regions.py."
                )
            row = by_zip.setdefault(int(code), [0, 0, 0, 0])
            row[2], row[3] = states[state], cities.setdefault(_city_name(city), len(cities) + 1)
        self._zips = array("I", sorted(by_zip))
        self._packed = array("Q", (_pack(*by_zip[code]) for code in self._zips))
        # Index 0 of each: no row in the ZIP table.
        self._states = [None, *states]
        self._cities = [None, *cities]

    def __len__(self) -> int:
        return len(self._zips)

    def codes(self):
        """Every ZIP code in the tables, as five-digit text, in order."""
        return (f"{code:05d}" for code in self._zips)

    def find(self, code: str) -> ZipPlace | None:
        """What the tables say about a ZIP code (already cleaned), or None if none has it."""
        number = int(code)
        at = bisect_left(self._zips, number)
        if at == len(self._zips) or self._zips[at] != number:
            return None
        packed = self._packed[at]
        state = self._states[(packed >> 2 * _ZONE_BITS) & 0b1111111]
        city = self._cities[packed >> (2 * _ZONE_BITS + _STATE_BITS)]
        if state is None:
            state = usps_prefixes.state_for(number)
        zone, year = None, None
        for slot, map_year in enumerate(ZONE_FILES):  # the newer map first
            if map_zone := (packed >> slot * _ZONE_BITS) & 0b11111:
                zone, year = map_zone, map_year
                break
        return ZipPlace(code, zone, year, state, city)


@cache
def table() -> ZipTable:
    """The shipped tables, read on first use and kept for the life of the process."""
    return ZipTable()


def look_up(text: str) -> ZipPlace | None:
    """A visitor's ZIP code looked up: ZipCodeError if it is not five digits, None if no table has it."""
    return table().find(clean(text))


def _pack(zone_2023: int, zone_2012: int, state: int, city: int) -> int:
    return (
        zone_2023
        | zone_2012 << _ZONE_BITS
        | state << (2 * _ZONE_BITS)
        | city << (2 * _ZONE_BITS + _STATE_BITS)
    )


def _rows(path: Path, width: int):
    """(line number, fields) of a gzip CSV after its header; a short or long row is a ZipDataError."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        next(reader, None)
        for line, row in enumerate(reader, start=2):
            if len(row) != width or not _FIVE_DIGITS.fullmatch(row[0]):
                raise ZipDataError(
                    f"{path.name}:{line}: expected a ZIP code and {width - 1} fields, got {row!r}."
                )
            yield line, row


def _zone_ordinal(text: str, where: str) -> int:
    try:
        span = zones.parse_zone(text)
    except zones.ZoneError as error:
        raise ZipDataError(f"{where}: {error}") from error
    if span.low != span.high:
        raise ZipDataError(f"{where}: zone {text!r} has no half (a or b).")
    return span.low


def _city_name(text: str) -> str:
    """A city as the table writes it, in capitals, written as a name: FORT COLLINS -> Fort Collins."""
    return re.sub(r"'S\b", "'s", text.strip().title())
