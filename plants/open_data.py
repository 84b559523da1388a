"""The open data's columns and how one plant becomes a CSV row or a JSON record (plain Python).

One definition serves the finder's downloads, `manage.py export_flora` and its
data dictionary, so a column's header, meaning and source are written once.
A plant arrives as a `PlantRow` of stored values (plants/downloads.py reads
them); the labels are the site's vocabularies', never copies of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from plants import vocabulary, zones
from plants.usda import traits

USDA = "USDA PLANTS"
EDITORS = "The site's editors, from USDA PLANTS where they wrote nothing"
NATURESERVE = "NatureServe conservation status ranks"


@dataclass(frozen=True)
class Column:
    name: str  # the JSON key
    header: str  # the CSV header
    meaning: str
    source: str
    kind: str = "text"  # text, number, yes/no, list (CSV: joined with "; "), as the JSON gives it


COLUMNS = (
    Column("symbol", "USDA symbol", "The plant's USDA PLANTS symbol, its key in USDA PLANTS.", USDA),
    Column("common_name", "Common name", "The name the site lists the plant under.", EDITORS),
    Column("scientific_name", "Scientific name", "The accepted scientific name, with rank words.", USDA),
    Column("family", "Family", "The scientific name of the plant's family.", USDA),
    Column(
        "zone_min",
        "Coldest zone",
        "The coldest USDA hardiness zone the plant survives (1a to 13b).",
        f"{EDITORS}; USDA PLANTS' lowest temperature",
    ),
    Column(
        "zone_max",
        "Warmest zone",
        "The warmest USDA hardiness zone it grows in; empty where only the cold limit is known.",
        EDITORS,
    ),
    Column("light", "Light", "The light it grows in, from the most to the least.", EDITORS, "list"),
    Column("water", "Water", "How much water it needs once established.", EDITORS),
    Column(
        "native_places",
        "Native places",
        "Codes of the states, territories and provinces where it grows wild (USPS and Canadian codes).",
        f"{USDA} distribution; the site's editors",
        "list",
    ),
    Column(
        "rare",
        "Rare",
        "Yes where a conservation rank puts it at risk (ranks 1 to 3, or presumed or possibly extinct).",
        NATURESERVE,
        "yes/no",
    ),
    Column("bloom_period", "Bloom period", "When it flowers, as USDA writes it (“Late Spring”).", USDA),
    Column("flower_color", "Flower colour", "The colour of its flowers.", USDA),
    Column("height_ft", "Mature height (ft)", "Its height at maturity, in feet.", USDA, "number"),
    Column("availability", "Nursery availability", "Whether nurseries sell it (USDA's commercial availability).", USDA),
    Column("evergreen", "Evergreen", "Yes if it keeps its leaves all year; empty where USDA does not say.", USDA, "yes/no"),
    Column("toxicity", "Toxicity", "How toxic it is to people and animals.", USDA),
    Column(
        "source",
        "Source",
        "The source the profile's data comes from (publisher, year, title); the citations are in the README.",
        "The site's record of its sources",
    ),
    Column("url", "Page", "The plant's page on this site.", "This site"),
)  # fmt: skip
HEADERS = [column.header for column in COLUMNS]

_LIGHT_FLAGS = tuple(vocabulary.LIGHT_LEVELS)
_COLOR_LABELS = dict(traits.FLOWER_COLORS.choices)
_AVAILABILITY_LABELS = dict(traits.AVAILABILITY.choices)
_TOXICITY_LABELS = dict(traits.TOXICITY.choices)


@dataclass(frozen=True)
class PlantRow:
    """One plant's stored values, as the database gives them (a plants/downloads.py query)."""

    symbol: str
    common_name: str
    scientific_name: str
    family: str | None
    zone_min: int | None
    zone_max: int | None
    light: tuple[bool, bool, bool]  # vocabulary.LIGHT_LEVELS' flags, in that order
    water_need: str
    native_places: tuple[str, ...]
    is_rare: bool
    bloom_period: str | None
    flower_color: str | None
    height_feet: float | None
    availability: str | None
    evergreen: bool | None
    toxicity: str | None
    source: str  # "USDA, NRCS 2026. The PLANTS Database", "" for none
    url: str


def record(plant: PlantRow) -> dict:
    """A plant as the JSON gives it, keyed by COLUMNS' names: lists, numbers and true/false as such."""
    return {
        "symbol": plant.symbol,
        "common_name": plant.common_name,
        "scientific_name": plant.scientific_name,
        "family": plant.family or "",
        "zone_min": zones.label(plant.zone_min) if plant.zone_min else "",
        "zone_max": zones.label(plant.zone_max) if plant.zone_max else "",
        "light": [
            vocabulary.LIGHT_LEVELS[value] for value, on in zip(_LIGHT_FLAGS, plant.light, strict=True) if on
        ],
        "water": vocabulary.WATER_NEEDS.get(plant.water_need, ""),
        "native_places": sorted(plant.native_places),
        "rare": bool(plant.is_rare),
        "bloom_period": plant.bloom_period or "",
        "flower_color": _COLOR_LABELS.get(plant.flower_color or "", plant.flower_color or ""),
        "height_ft": plant.height_feet,
        "availability": _AVAILABILITY_LABELS.get(plant.availability or "", plant.availability or ""),
        "evergreen": None if plant.evergreen is None else bool(plant.evergreen),
        "toxicity": _TOXICITY_LABELS.get(plant.toxicity or "", plant.toxicity or ""),
        "source": plant.source,
        "url": plant.url,
    }


def json_line(values: dict) -> str:
    """A record as one line of JSON Lines: UTF-8 text as itself, never HTML."""
    return json.dumps(values, ensure_ascii=False) + "\n"


# A cell starting with one of these is a formula to a spreadsheet: an editor's
# "=HYPERLINK(...)" in a common name would run in the visitor's spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """Text a spreadsheet would run as a formula, kept as text behind an apostrophe."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_cell(value) -> str:
    """A value as a CSV cell: lists joined with "; ", true/false as Yes/No, no value as an empty cell."""
    if value is None:
        shown = ""
    elif isinstance(value, bool):
        shown = "Yes" if value else "No"
    elif isinstance(value, list):
        shown = "; ".join(str(item) for item in value)
    elif isinstance(value, float):
        shown = f"{value:g}"
    else:
        shown = str(value)
    return spreadsheet_text(shown)


def csv_row(values: dict, names=None) -> list[str]:
    """A record as a CSV row, in the order of `names` (COLUMNS' by default)."""
    return [csv_cell(values[name]) for name in names or (column.name for column in COLUMNS)]


def data_dictionary(citations: list[str], counts: str) -> str:
    """The README of an export: what it holds, every column with its meaning and source, and how to cite it."""
    lines = [
        "# North American native plants: the published profiles",
        "",
        counts,
        "",
        "- `plants.csv`: UTF-8, a header row, one row per plant; lists joined with `; `, yes/no as",
        "  `Yes`/`No`, no value as an empty cell. Text a spreadsheet would run as a formula (starting",
        "  with `=`, `+`, `-` or `@`) starts with an apostrophe.",
        "- `plants.jsonl`: JSON Lines, one object per plant, keyed by the column names below; lists,",
        "  numbers and true/false as such, `null` where a number or yes/no is not recorded.",
        "- `columns.json`: this table, for programs.",
        "",
        "## Columns",
        "",
        "| Column (JSON) | CSV header | Meaning | Source |",
        "| --- | --- | --- | --- |",
        *(
            f"| `{column.name}` | {column.header} | {column.meaning} | {column.source} |"
            for column in COLUMNS
        ),
        "",
        "## Citation and licence",
        "",
        "USDA PLANTS data is a work of the U.S. government: not copyrighted, free for any use; cite it",
        "as USDA asks. Conservation ranks are NatureServe's (https://explorer.natureserve.org), under",
        "its terms of use. Cite:",
        "",
        *(f"- {citation}" for citation in citations),
        "",
    ]
    return "\n".join(lines)


NATURESERVE_CITATION = (
    "NatureServe. NatureServe Explorer: conservation status ranks. NatureServe, Arlington, Virginia. "
    "https://explorer.natureserve.org"
)
