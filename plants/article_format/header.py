"""The header before the article's title: site header, common name, ``Field: value`` lines, teaser.

A header looks like::

    North America Native Plant
    Littleleaf Alumroot
    Botanical name: Heuchera parvifolia var. microcarpa
    USDA symbol: HEPAM2
    Life cycle: perennial
    ...
    Littleleaf Alumroot: A Rare Gem for Rocky ...      (the teaser)
    Region: ... / Status: ...                            (conservation, see statuses.py)
    Littleleaf Alumroot: A Rare Gem for Rocky Mountain Gardens   (the title)
"""

from __future__ import annotations

import re

from plants import usda_symbols, vocabulary

from . import statuses
from .lines import ELLIPSIS_RE, HEADING_MAX_CHARS, Reading, is_heading_like
from .types import ArticleFormatError

SITE_HEADER_RE = re.compile(r"^north[- ]americ(?:a|an)\s+native\s+plants?$", re.IGNORECASE)

# The names an article may give a header field -> the field's key.
_HEADER_FIELDS = {
    "common name": "common_name",
    "botanical name": "botanical",
    "scientific name": "botanical",
    "usda symbol": "symbol",
    "symbol": "symbol",
    "usda plants symbol": "symbol",
    "life cycle": "life_cycle",
    "lifecycle": "life_cycle",
    "duration": "life_cycle",
    "habit": "habit",
    "growth habit": "habit",
    "native status": "native_status",
    "region": "region",
    "status": "status",
    "conservation status": "status",
}
# How messages name the required fields.
_REQUIRED_LABELS = {
    "botanical": "Botanical name",
    "symbol": "USDA symbol",
}
_FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z0-9 ‘’'()/.-]{0,40}?)\s*:\s*(.*)$")
_FIELD_MAX_WORDS = 4

# Words articles use for a growth habit -> the vocabulary's term.
_HABIT_ALIASES = {
    "herb": "forb",
    "grass": "graminoid",
    "grasslike": "graminoid",
    "lichen": "lichenous",
    "non-vascular": "nonvascular",
    "sub-shrub": "subshrub",
    "climber": "vine",
}


def read_header(reading: Reading, article_end: int) -> int:
    """Read everything before the article's title; return the title's index in `reading.nonblank`."""
    return _Header(reading).read(article_end)


def is_body_like(text: str) -> bool:
    """A line that reads as a paragraph rather than a header field or heading."""
    if ELLIPSIS_RE.search(text):
        return False
    field_match = _FIELD_RE.match(text)
    if field_match and field_match.group(1).strip().lower() in _HEADER_FIELDS:
        return False
    return len(text) >= 60 and text[-1] in '.!?”")’'


def _field_match(text: str) -> re.Match | None:
    match = _FIELD_RE.match(text)
    if match and len(match.group(1).split()) <= _FIELD_MAX_WORDS:
        return match
    return None


def _is_rare_plant_alert(text: str) -> bool:
    return text.lower().rstrip("!. ") == "rare plant alert"


class _Header:
    def __init__(self, reading: Reading):
        self.reading = reading
        self.lines = reading.nonblank
        self.result = reading.result
        self.fields: dict[str, tuple[int, str]] = {}  # key -> (line, value), the first of each
        self.teaser = ""
        self.region: tuple[int, str] | None = None  # a "Region:" line waiting for its "Status:"
        self.end_line = 1  # the header's last line so far, where a missing field is reported

    def read(self, article_end: int) -> int:
        index = self._read_common_name(1 if SITE_HEADER_RE.match(self.lines[0][1]) else 0, article_end)
        if index:
            self.end_line = self.lines[index - 1][0]
        title_index = self._read_fields_and_teaser(index, article_end)
        self._store_names()
        self._store_facts()
        self._store_title(title_index)
        return title_index

    def _following(self, index: int) -> str:
        return self.lines[index + 1][1] if index + 1 < len(self.lines) else ""

    def _read_common_name(self, index: int, article_end: int) -> int:
        """The common name: the first plain line, unless it is really the title (a paragraph follows it)."""
        if index >= article_end:
            return index
        text = self.lines[index][1]
        if (
            _field_match(text)
            or ELLIPSIS_RE.search(text)
            or text.lower().startswith("rare plant alert")
            or is_body_like(self._following(index))
        ):
            return index
        self.result.common_name = text
        return index + 1

    def _read_fields_and_teaser(self, start: int, article_end: int) -> int:
        """Read field lines and the teaser up to the title; return the title's index."""
        for index in range(start, article_end):
            number, text = self.lines[index]
            if _is_rare_plant_alert(text):
                continue
            match = _field_match(text)
            key = _HEADER_FIELDS.get(match.group(1).strip().lower()) if match else None
            if match and not key and self._is_title(index, match):
                match = None
            if ELLIPSIS_RE.search(text) and not key:
                if self.teaser:
                    self.reading.warn(number, "A second teaser line is ignored.")
                self.teaser = text
            elif not match and self._is_unmarked_teaser(text):
                self.reading.warn(
                    number, "A long line before the title is taken as the teaser, though it lacks “...”."
                )
                self.teaser = text
            elif not match:
                self._end_fields()
                return index
            else:
                self._read_field(number, match, key)
        self._end_fields()
        line = self.lines[article_end][0] if article_end < len(self.lines) else self.lines[-1][0]
        raise ArticleFormatError(line, "The article has no title line after the header.")

    def _is_unmarked_teaser(self, text: str) -> bool:
        """A long line, no heading, before any teaser: the teaser with its "..." left off."""
        return not self.teaser and not is_heading_like(text) and len(text) > HEADING_MAX_CHARS

    def _is_title(self, index: int, match: re.Match) -> bool:
        """Whether a "Words: more words" line that names no field is the title rather than a field."""
        text = self.lines[index][1]
        return bool(
            (self.teaser and self.teaser.startswith(text))
            or match.group(1).strip().lower() == self.result.common_name.lower()
            or is_body_like(self._following(index))
            or ELLIPSIS_RE.search(text)
        )

    def _read_field(self, number: int, match: re.Match, key: str | None) -> None:
        name, value = match.group(1).strip(), match.group(2).strip()
        if key == "region":
            self.region = (number, value)
            return
        if key == "status":
            statuses.add_conservation(self.reading, number, value, self.region)
            self.region = None
            return
        self.end_line = number
        if not key:
            self.reading.warn(number, f"Unknown header field “{name}” is ignored.")
        elif key in self.fields:
            self.reading.warn(number, f"Header field “{name}” appears twice; the first is kept.")
        else:
            self.fields[key] = (number, value)

    def _end_fields(self) -> None:
        if self.region is not None:
            self.reading.warn(self.region[0], "“Region:” line without a “Status:” line after it is ignored.")

    def _required(self, key: str) -> tuple[int, str]:
        label = _REQUIRED_LABELS[key]
        if key not in self.fields:
            raise ArticleFormatError(self.end_line, f"The header has no “{label}:” line; it is required.")
        line, value = self.fields[key]
        if not value:
            raise ArticleFormatError(line, f"“{label}:” is empty; it is required.")
        return line, value

    def _store_names(self) -> None:
        """The botanical name and the USDA symbol (both required), and the common name."""
        _, scientific_name = self._required("botanical")
        symbol_line, symbol = self._required("symbol")
        if not usda_symbols.is_usda_symbol(symbol):
            raise ArticleFormatError(symbol_line, f"“{symbol}” is not a USDA symbol: {usda_symbols.RULE}.")
        self.result.scientific_name = scientific_name
        self.result.usda_symbol = symbol
        if "common_name" in self.fields and not self.result.common_name:
            self.result.common_name = self.fields["common_name"][1]

    def _store_facts(self) -> None:
        """Life cycles, growth habits and native statuses; each missing one is a warning."""
        result = self.result
        if "life_cycle" in self.fields:
            result.life_cycles = _read_life_cycles(self.reading, *self.fields["life_cycle"])
        else:
            self.reading.warn(self.end_line, "The header has no “Life cycle:” line.")
        if "habit" in self.fields:
            result.growth_habits = _read_growth_habits(self.reading, *self.fields["habit"])
        else:
            self.reading.warn(self.end_line, "The header has no “Habit:” line.")
        if "native_status" in self.fields:
            result.native_statuses = statuses.read_native_statuses(
                self.reading, *self.fields["native_status"]
            )
        else:
            self.reading.warn(self.end_line, "The header has no “Native status:” line.")

    def _store_title(self, title_index: int) -> None:
        number, title = self.lines[title_index]
        self.result.title = title
        if self.teaser and not self.teaser.startswith(title):
            self.reading.warn(number, "The title does not match the start of the teaser line.")


def _read_life_cycles(reading: Reading, line: int, value: str) -> list[str]:
    found = set()
    for word in re.findall(r"[A-Za-z]+", value.lower()):
        if word in vocabulary.LIFE_CYCLES:
            found.add(word)
        elif word not in ("and", "or"):
            reading.warn(line, f"Unknown life cycle “{word}” is ignored.")
    return [cycle for cycle in vocabulary.LIFE_CYCLES if cycle in found]


def _read_growth_habits(reading: Reading, line: int, value: str) -> list[str]:
    found = set()
    for token in re.split(r"[,;/&]|\band\b|\bor\b", value.lower()):
        token = token.strip()
        if not token:
            continue
        singular = token[:-1] if token.endswith("s") else token
        terms = (_HABIT_ALIASES.get(word, word) for word in (token, singular))
        habit = next((term for term in terms if term in vocabulary.GROWTH_HABITS), None)
        if habit:
            found.add(habit)
        else:
            reading.warn(line, f"Unknown growth habit “{token}” is ignored.")
    return [habit for habit in vocabulary.GROWTH_HABITS if habit in found]
