"""What reading an article gives: plain dataclasses an importer maps onto the models.

Values that come from a fixed vocabulary (life cycles, light levels, care-tip
categories, ranks...) are the terms' values in plants/vocabulary.py.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class Section:
    heading: str
    body: str
    shows: str
    line: int


@dataclass
class GardenUseItem:
    name: str
    note: str


@dataclass
class CareTipItem:
    category: str
    text: str


@dataclass
class WildlifeItem:
    name: str
    resource: str


@dataclass
class TaxonItem:
    rank: str
    scientific_name: str
    authority: str
    common_name: str


@dataclass
class ConservationItem:
    scope: str
    region: str
    rank: str
    explanation: str


@dataclass
class DataSourceItem:
    publisher: str
    year: int
    title: str
    url: str
    accessed: datetime.date
    publisher_place: str
    citation: str


@dataclass
class ParsedArticle:
    common_name: str = ""
    scientific_name: str = ""
    usda_symbol: str = ""
    life_cycles: list[str] = field(default_factory=list)
    growth_habits: list[str] = field(default_factory=list)
    native_statuses: list[tuple[str, str]] = field(default_factory=list)
    title: str = ""
    summary: str = ""
    sections: list[Section] = field(default_factory=list)
    garden_uses: list[GardenUseItem] = field(default_factory=list)
    zone_low: int | None = None
    zone_high: int | None = None
    climate_notes: str = ""
    light: list[str] = field(default_factory=list)
    light_notes: str = ""
    soil_notes: str = ""
    water_need: str = ""
    water_notes: str = ""
    care_tips: list[CareTipItem] = field(default_factory=list)
    wildlife: list[WildlifeItem] = field(default_factory=list)
    conservation: list[ConservationItem] = field(default_factory=list)
    native_states: list[str] = field(default_factory=list)
    usda_group: str = ""
    classification: list[TaxonItem] = field(default_factory=list)
    data_source: DataSourceItem | None = None
    warnings: list[ArticleWarning] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleWarning:
    """Something the parser read past at a 1-based line; str() is "LINE: message"."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


class ArticleFormatError(ValueError):
    """Input that cannot be read into a correct article; str() is "LINE: message"."""

    def __init__(self, line: int, message: str, path: str | None = None):
        self.line = line
        self.message = message
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = f"{self.path}:" if self.path else ""
        return f"{prefix}{self.line}: {self.message}"
