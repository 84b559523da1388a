"""A plant of a list, read from its page document, and the record the downloads give of it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from plants import open_data, vocabulary
from plants.usda import traits

_LIGHT_BY_LABEL = {label: value for value, label in vocabulary.LIGHT_LEVELS.items()}
_WATER_BY_LABEL = {label: value for value, label in vocabulary.WATER_NEEDS.items()}
_COLOR_LABELS = dict(traits.FLOWER_COLORS.choices)
_AVAILABILITY_LABELS = dict(traits.AVAILABILITY.choices)


# What the list reads of a page document (plant_pages.documents_for_symbols keeps only these).
DOCUMENT_KEYS = {
    **dict.fromkeys(
        ("common_name", "taxon", "zone_min", "zone_max", "hardiness", "light_levels", "water_need",
         "native_ranges", "is_rare", "care_tips", "climate_notes", "light_notes", "soil_notes", "water_notes")
    ),
    "usda": ("bloom_period", "flower_color", "height_feet", "availability"),
}  # fmt: skip


@dataclass(frozen=True)
class ListedPlant:
    """One plant of a list: its symbol, its page's slug and its page document (plants/plant_pages.py)."""

    symbol: str
    slug: str
    document: dict

    @property
    def common_name(self) -> str:
        return self.document["common_name"]

    @property
    def scientific_name(self) -> str:
        return self.document["taxon"]["scientific_name"]

    @property
    def usda(self) -> dict:
        return self.document.get("usda") or {}

    @property
    def zone_min(self) -> int | None:
        return self.document.get("zone_min")

    @property
    def zone_max(self) -> int | None:
        return self.document.get("zone_max")

    @property
    def light(self) -> tuple[str, ...]:
        """Light values (vocabulary.LIGHT_LEVELS), from the most light to the least."""
        return tuple(
            _LIGHT_BY_LABEL[label] for label in self.document["light_levels"] if label in _LIGHT_BY_LABEL
        )

    @property
    def water(self) -> str | None:
        """The water need's value (vocabulary.WATER_NEEDS), None if not recorded."""
        return _WATER_BY_LABEL.get(self.document["water_need"])

    @property
    def bloom_period(self) -> str:
        return self.usda.get("bloom_period") or ""

    @cached_property
    def bloom_months(self) -> tuple[int, ...]:
        try:
            return traits.bloom_months(self.bloom_period)
        except traits.TraitError:
            return ()  # a period the import did not check: shown in words, not on the calendar

    @property
    def flower_color(self) -> str:
        """The colour's value ("yellow"), "" if not recorded."""
        return self.usda.get("flower_color") or ""

    @property
    def flower_color_label(self) -> str:
        return _COLOR_LABELS.get(self.flower_color, self.flower_color)

    @property
    def height_feet(self) -> float | None:
        return self.usda.get("height_feet")

    @property
    def height(self) -> str:
        return f"{self.height_feet:g} ft" if self.height_feet is not None else ""

    @property
    def availability(self) -> str:
        value = self.usda.get("availability") or ""
        return _AVAILABILITY_LABELS.get(value, value)

    @property
    def facts(self) -> list[tuple[str, str]]:
        """What the list shows of the plant, as (label, text); "Not recorded" where nothing is."""
        document = self.document
        shown = (
            ("Zones", document.get("hardiness", "")),
            ("Light", ", ".join(document["light_levels"])),
            ("Water", document["water_need"]),
            ("Height", self.height),
            ("Bloom", self.bloom_period),
            ("Flower colour", self.flower_color_label),
            ("Nurseries", self.availability),
            ("Native to", ", ".join(self.native_ranges)),
        )
        return [(label, text or "Not recorded") for label, text in shown]

    @property
    def native_ranges(self) -> list[str]:
        return self.document["native_ranges"]

    @property
    def is_rare(self) -> bool:
        return self.document["is_rare"]


# The downloads' fields, in order, with their CSV headers.
HEADERS = {
    "symbol": "USDA symbol",
    "common_name": "Common name",
    "botanical_name": "Botanical name",
    "zones": "Hardiness",
    "light": "Light",
    "water": "Water",
    "height_feet": "Mature height (ft)",
    "bloom_period": "Bloom period",
    "bloom_months": "Bloom months",
    "flower_color": "Flower colour",
    "native_to": "Native to",
    "rare": "Rare",
    "availability": "Nursery availability",
    "url": "Page",
}


def record(plant: ListedPlant, url: str) -> dict:
    """What the JSON download gives of a plant (lists, numbers and true/false as such), keyed as HEADERS."""
    return {
        "symbol": plant.symbol,
        "common_name": plant.common_name,
        "botanical_name": plant.scientific_name,
        "zones": plant.document.get("hardiness", ""),
        "light": list(plant.document["light_levels"]),
        "water": plant.document["water_need"],
        "height_feet": plant.height_feet,
        "bloom_period": plant.bloom_period,
        "bloom_months": list(plant.bloom_months),
        "flower_color": plant.flower_color_label,
        "native_to": list(plant.native_ranges),
        "rare": plant.is_rare,
        "availability": plant.availability,
        "url": url,
    }


def csv_row(values: dict) -> list[str]:
    """A record as a CSV row: lists joined with "; ", true/false as Yes/No, no value as an empty cell.

    Text a spreadsheet would read as a formula is kept as text, behind an apostrophe."""
    return open_data.csv_row(values, HEADERS)
