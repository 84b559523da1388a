"""The plant page's "where it grows" tile map: one square tile per USDA PLANTS place (plain Python).

USDA PLANTS gives a plant's distribution in 74 places (plants.regions.USDA_PLACE_CODES).
Drawn as real shapes they would need a geometry download and leave Rhode Island
a dot; as equal tiles, laid out roughly where each place is (Canada above the
United States, Alaska in the north-west corner, Hawaii in the south-west, after
the familiar U.S. tile-grid maps), every place is as easy to see and to read.
The Pacific islands and the Caribbean sit in a row of their own below the map
(INSETS), which the page labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from plants import regions

# (column, row) of each place; row 8 is left empty to set the insets apart.
TILES: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "YT": (1, 0), "NT": (2, 0), "NU": (4, 0), "LB": (9, 0), "NF": (10, 0),
    "BC": (1, 1), "AB": (2, 1), "SK": (3, 1), "MB": (4, 1), "ON": (6, 1), "QC": (8, 1),
    "NB": (10, 1), "PE": (11, 1),
    "WA": (0, 2), "ID": (1, 2), "MT": (2, 2), "ND": (3, 2), "MN": (4, 2), "WI": (5, 2), "MI": (6, 2),
    "NY": (8, 2), "VT": (9, 2), "NH": (10, 2), "ME": (11, 2), "NS": (12, 2),
    "OR": (0, 3), "NV": (1, 3), "WY": (2, 3), "SD": (3, 3), "IA": (4, 3), "IL": (5, 3), "IN": (6, 3),
    "OH": (7, 3), "PA": (8, 3), "CT": (9, 3), "MA": (10, 3),
    "CA": (0, 4), "UT": (1, 4), "CO": (2, 4), "NE": (3, 4), "MO": (4, 4), "KY": (5, 4), "WV": (6, 4),
    "VA": (7, 4), "MD": (8, 4), "NJ": (9, 4), "RI": (10, 4),
    "AZ": (1, 5), "NM": (2, 5), "KS": (3, 5), "AR": (4, 5), "TN": (5, 5), "NC": (6, 5), "SC": (7, 5),
    "DC": (8, 5), "DE": (9, 5),
    "OK": (3, 6), "LA": (4, 6), "MS": (5, 6), "AL": (6, 6), "GA": (7, 6),
    "HI": (0, 7), "TX": (3, 7), "FL": (8, 7),
    "PW": (0, 9), "GU": (1, 9), "MP": (2, 9), "FM": (3, 9), "MH": (4, 9), "UM": (5, 9),
    "BQ": (8, 9), "PR": (9, 9), "VI": (10, 9),
}  # fmt: skip

COLUMNS = 1 + max(column for column, _ in TILES.values())
ROWS = 1 + max(row for _, row in TILES.values())

# The places in the row apart, in groups the map labels.
INSETS = (
    ("Pacific islands", ("PW", "GU", "MP", "FM", "MH", "UM")),
    ("Caribbean", ("BQ", "PR", "VI")),
)

NATIVE = "native"
INTRODUCED = "introduced"
BOTH = "both"  # USDA lists a place both ways: native there, and introduced there too
NO_RECORD = "none"
LABELS = {
    NATIVE: "Native",
    INTRODUCED: "Introduced",
    BOTH: "Native and introduced",
    NO_RECORD: "No record",
}


# Tiles are PITCH apart in the drawing's units, each TILE_SIZE square.
PITCH, TILE_SIZE = 11, 10

# A tile's drawing: a rounded square and its code, its tooltip in <title>. A place
# listed both ways gets a light corner, clear of the code, so that it is told
# apart by more than colour. The map's macro (place_map.html) draws the legend's
# swatches with the same SQUARE and CORNER.
SQUARE = Markup(f'<rect width="{TILE_SIZE}" height="{TILE_SIZE}" rx="1.2"/>')
CORNER = Markup('<path class="place-map__corner" d="M6.2 10H8.8A1.2 1.2 0 0 0 10 8.8V6.2Z"/>')
_TILE_SVG = Markup(
    '<g class="place-map__tile place-map__tile--{status}" transform="{transform}"><title>{label}</title>'
    '{square}{corner}<text x="5" y="6.6">{code}</text></g>'
)


@dataclass(frozen=True)
class Tile:
    """One place's square on the map, and what USDA records of the plant there."""

    code: str
    name: str
    column: int
    row: int
    status: str
    # Worked out once here: a page draws 74 tiles, and working them out in the template doubled its time.
    label: str  # "Colorado: native", the tile's tooltip
    transform: str  # where the tile is drawn: "translate(22 44)"
    svg: Markup  # the tile drawn, escaped


def _tile(code: str, status: str) -> Tile:
    column, row = TILES[code]
    name = regions.PLACES[code]
    position = f"translate({column * PITCH} {row * PITCH})"
    label = f"{name}: {LABELS[status].lower()}"
    corner = CORNER if status == BOTH else ""
    svg = _TILE_SVG.format(
        status=status, transform=position, label=label, square=SQUARE, corner=corner, code=code
    )
    return Tile(code, name, column, row, status, label, position, svg)


# Every tile in every state, drawn once per process: a map is then 74 look-ups,
# not 74 tiles through the template on every page.
_DRAWN = {(code, status): _tile(code, status) for code in TILES for status in LABELS}


def status_of(code: str, native, introduced) -> str:
    if code in native:
        return BOTH if code in introduced else NATIVE
    return INTRODUCED if code in introduced else NO_RECORD


# The text lists beside the map, one per kind of tile that has places.
LIST_HEADINGS = {NATIVE: "Native in", INTRODUCED: "Introduced in", BOTH: "Native and introduced in"}


@dataclass(frozen=True)
class PlaceMap:
    """What the map macro draws: every tile, the legend, the insets' labels, the text lists."""

    tiles: list[Tile]
    legend: list[tuple[str, str]]
    insets: list[tuple[str, int, float]]  # label, x, y
    lists: list[tuple[str, list[str]]]
    width: int = COLUMNS * PITCH - (PITCH - TILE_SIZE)
    height: int = ROWS * PITCH - (PITCH - TILE_SIZE)
    # The legend's swatches draw these too.
    square: ClassVar[Markup] = SQUARE
    corner: ClassVar[Markup] = CORNER

    @property
    def tiles_svg(self) -> Markup:
        """Every tile drawn, one per line."""
        return Markup("".join(f"\n    {tile.svg}" for tile in self.tiles))

    def description(self, plant_name: str) -> str:
        """The map's accessible name: what it shows, in words."""
        counts = dict.fromkeys(LIST_HEADINGS, 0)
        for tile in self.tiles:
            if tile.status in counts:
                counts[tile.status] += 1
        found = [f"{LABELS[status].lower()} in {count}" for status, count in counts.items() if count]
        return (
            f"Tile map of the U.S. states, territories and Canadian provinces where USDA PLANTS records "
            f"{plant_name}: {', '.join(found) or 'none'}. The lists follow the map."
        )


def place_map(native, introduced) -> PlaceMap:
    """The map of a plant native in `native` and introduced in `introduced` (codes of plants.regions)."""
    native, introduced = set(native), set(introduced)
    tiles = [_DRAWN[code, status_of(code, native, introduced)] for code in TILES]
    # "Both" is in the legend only where a tile shows it; the other three always are.
    shown = {tile.status for tile in tiles}
    legend = [(status, LABELS[status]) for status in LABELS if status != BOTH or BOTH in shown]
    # Each inset's label stands on the empty row above it, over its first tile.
    label_y = (ROWS - 1) * PITCH - 2.5
    insets = [(label, min(TILES[code][0] for code in codes) * PITCH, label_y) for label, codes in INSETS]
    lists = [
        (heading, sorted(tile.name for tile in tiles if tile.status == status))
        for status, heading in LIST_HEADINGS.items()
        if status in shown
    ]
    return PlaceMap(tiles, legend, insets, lists)
