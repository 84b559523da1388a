"""The article itself: the introduction after the title, then headed sections.

A section's lines are paragraphs, bullets, and labelled lines (``Climate:``,
``Light:``, ``Soil:``, ``Water:``) that carry the growing conditions.  What a
section's bullets are (garden uses, care tips, or just text) and what its
prose says are read by plants.article_format.prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plants import zones

from . import prose
from .lines import Reading, is_heading_like
from .types import ArticleFormatError, CareTipItem, GardenUseItem, Section

# The words a labelled line may start with -> the growing condition it gives.
_LABELS = {
    "climate": "climate",
    "hardiness": "climate",
    "light": "light",
    "sun": "light",
    "exposure": "light",
    "soil": "soil",
    "water": "water",
    "moisture": "water",
}
_LABEL_RE = re.compile(r"^(" + "|".join(_LABELS) + r")\s*:\s*(.*)$", re.IGNORECASE)
_BULLET_RE = re.compile(r"^[•●▪◦‣·*–-]\s+(.*)$")
_ZONE_TEXT_RE = re.compile(
    r"\bzones?\s+(\d+\s*[abAB]?)(?:\s*(?:-|–|—|to|through)\s*(?:zones?\s+)?(\d+\s*[abAB]?))?(?![\w])",
    re.IGNORECASE,
)
# A care tip whose words say nothing of its category.
_DEFAULT_CARE_CATEGORY = "maintenance"


def is_labelled_line(text: str) -> bool:
    """A ``Climate:``/``Light:``/``Soil:``/``Water:`` line (or one of their other names)."""
    return _LABEL_RE.match(text) is not None


def read_sections(reading: Reading, title_index: int, end: int) -> None:
    """Read the introduction and sections between the title and `end` (indexes in `reading.nonblank`)."""
    _Body(reading).read(title_index, end)


@dataclass
class _Unit:
    kind: str  # "text", "bullet" or "label"
    line: int
    text: str
    label: str = ""


def _units(lines: list[tuple[int, str]]) -> list[_Unit]:
    units = []
    for number, text in lines:
        kind, body = "text", text
        bullet = _BULLET_RE.match(text)
        if bullet:
            kind, body = "bullet", bullet.group(1).strip()
        label = _LABEL_RE.match(body)
        if label:
            units.append(_Unit("label", number, label.group(2).strip(), _LABELS[label.group(1).lower()]))
        else:
            units.append(_Unit(kind, number, body))
    return units


class _Body:
    def __init__(self, reading: Reading):
        self.reading = reading
        self.result = reading.result
        self.labels_seen: set[str] = set()

    def read(self, title_index: int, end: int) -> None:
        title_line = self.reading.nonblank[title_index][0]
        groups = self._group(_units(self.reading.nonblank[title_index + 1 : end]))
        self._read_introduction(groups[0][1], title_line)
        if len(groups) == 1:
            self.reading.warn(title_line, "The article has no sections.")
        for heading, units in groups[1:]:
            self._read_section(heading, units)
        self._finish()

    def _group(self, units: list[_Unit]) -> list[tuple[_Unit | None, list[_Unit]]]:
        """The introduction's units, then each heading with the units under it."""
        groups: list[tuple[_Unit | None, list[_Unit]]] = [(None, [])]
        for i, unit in enumerate(units):
            following = units[i + 1] if i + 1 < len(units) else None
            if unit.kind == "text" and is_heading_like(unit.text):
                if following is None:
                    self.reading.warn(
                        unit.line, f"“{unit.text}” looks like a heading but nothing follows it; kept as text."
                    )
                else:
                    if following.kind == "text" and is_heading_like(following.text):
                        self.reading.warn(unit.line, f"Section “{unit.text}” has no text.")
                    groups.append((unit, []))
                    continue
            groups[-1][1].append(unit)
        return groups

    def _read_introduction(self, units: list[_Unit], title_line: int) -> None:
        texts = []
        for unit in units:
            if unit.kind == "text":
                texts.append(unit.text)
            elif unit.kind == "bullet":
                self.reading.warn(unit.line, "A bullet in the introduction is kept as text.")
                texts.append(f"• {unit.text}")
            else:
                self._read_label(unit)
        if not texts:
            self.reading.warn(title_line, "The article has no introduction after its title.")
        self.result.summary = "\n\n".join(texts)

    def _read_section(self, heading: _Unit, units: list[_Unit]) -> None:
        result = self.result
        shows = prose.section_block(
            heading.text,
            _lead_in(units),
            has_labels=any(unit.kind == "label" for unit in units),
            has_bullets=any(unit.kind == "bullet" for unit in units),
        )
        paragraphs: list[str] = []
        pending_bullets: list[str] = []
        for unit in units:
            if unit.kind == "label":
                self._read_label(unit)
                continue
            if unit.kind == "bullet":
                if shows == "garden_uses":
                    result.garden_uses.append(self._garden_use(unit))
                elif shows == "care_tips":
                    result.care_tips.append(self._care_tip(unit))
                else:
                    if not pending_bullets and shows != "wildlife":
                        self.reading.warn(
                            unit.line, f"Bullets in section “{heading.text}” are kept in its text."
                        )
                    pending_bullets.append(f"• {unit.text}")
                continue
            if pending_bullets:
                paragraphs.append("\n".join(pending_bullets))
                pending_bullets = []
            paragraphs.append(unit.text)
        if pending_bullets:
            paragraphs.append("\n".join(pending_bullets))
        if shows == "growing_conditions" and any(s.shows == shows for s in result.sections):
            self.reading.warn(heading.line, "A second section with growing conditions.")
        result.sections.append(Section(heading.text, "\n\n".join(paragraphs), shows, heading.line))

    def _read_label(self, unit: _Unit) -> None:
        result = self.result
        if unit.label in self.labels_seen:
            self.reading.warn(unit.line, f"A second “{unit.label.capitalize()}:” line is ignored.")
            return
        self.labels_seen.add(unit.label)
        if unit.label == "climate":
            result.climate_notes = unit.text
            self._read_zones(unit.line, unit.text, required=True)
        elif unit.label == "light":
            result.light_notes = unit.text
            result.light = prose.parse_light(unit.text)
            if not result.light:
                self.reading.warn(
                    unit.line, "Could not read a light level (full sun, partial shade, full shade)."
                )
        elif unit.label == "soil":
            result.soil_notes = unit.text
        elif unit.label == "water":
            result.water_notes = unit.text
            result.water_need = prose.water_need(unit.text)
            if not result.water_need:
                self.reading.warn(unit.line, "Could not tell the water need (low, medium or high).")

    def _read_zones(self, line: int, text: str, required: bool) -> bool:
        match = _ZONE_TEXT_RE.search(text)
        if not match:
            if required:
                self.reading.warn(line, "No USDA hardiness zones (e.g. “zones 4-8”) in the climate line.")
            return False
        low, high = match.group(1).replace(" ", ""), (match.group(2) or "").replace(" ", "")
        written = f"{low}-{high}" if high else low
        try:
            span = zones.parse_range(written)
        except zones.ZoneError as error:
            raise ArticleFormatError(line, f"Invalid USDA hardiness zones “{written}”: {error}") from error
        self.result.zone_low, self.result.zone_high = span.low, span.high
        return True

    def _garden_use(self, unit: _Unit) -> GardenUseItem:
        name = prose.garden_use_name(unit.text)
        if not name:
            name = prose.new_garden_use_name(unit.text)
            self.reading.warn(unit.line, f"Garden use “{name}” is not in the vocabulary.")
        return GardenUseItem(name, unit.text)

    def _care_tip(self, unit: _Unit) -> CareTipItem:
        category = prose.care_tip_category(unit.text)
        if not category:
            category = _DEFAULT_CARE_CATEGORY
            self.reading.warn(
                unit.line, f"Could not tell the category of this care tip; filed under {category}."
            )
        return CareTipItem(category, unit.text)

    def _finish(self) -> None:
        """What the whole article says: zones outside a climate line, wildlife, native states."""
        result = self.result
        first_line = self.reading.first_line
        if result.zone_low is None:
            # No climate line, or no zones in it: take the first "zones X-Y" anywhere in the article.
            texts = [(first_line, result.summary)] + [(s.line, s.body) for s in result.sections]
            for line, text in texts:
                if self._read_zones(line, text, required=False):
                    self.reading.warn(
                        line, "Hardiness zones taken from the article text, not a “Climate:” line."
                    )
                    break
        if not result.light_notes:
            self.reading.warn(first_line, "The article has no “Light:” line.")
        if not result.water_notes:
            self.reading.warn(first_line, "The article has no “Water:” line.")
        result.wildlife = prose.find_wildlife([result.summary] + [s.body for s in result.sections])
        result.native_states = prose.native_states(result.summary, result.sections)


def _lead_in(units: list[_Unit]) -> str:
    """The last paragraph before a section's first bullet ("Perfect for:")."""
    lead_in = ""
    for unit in units:
        if unit.kind == "bullet":
            break
        if unit.kind == "text":
            lead_in = unit.text
    return lead_in
