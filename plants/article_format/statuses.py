"""Header lines about status: USDA native status ("Native status:") and NatureServe ranks.

A conservation status is a "Status:" line (the rank, a colon, the source's
explanation), optionally after a "Region:" line that says where the rank
applies.  Ranks are checked by plants.natureserve, as the model checks them,
so a status the parser keeps is one the import can store.
"""

from __future__ import annotations

import re

from plants import natureserve
from plants.regions import STATES_AND_PROVINCES, USDA_REGIONS
from plants.vocabulary import INTRODUCED, NATIVE, NATIVE_STATUSES, SCOPE_OF_RANK_LEVEL

from .lines import Reading
from .prose import keyword_patterns, place_codes
from .types import ConservationItem

# USDA PLANTS native-status regions as prose names them.
_USDA_REGION_NAMES = keyword_patterns(
    [
        ("L48", r"lower\s*48(?:\s+states)?|contiguous\s+(?:united\s+states|u\.?s\.?)|conterminous"),
        ("AK", r"alaska"),
        ("HI", r"hawai[‘'ʻ]?i"),
        ("PR", r"puerto\s+rico"),
        ("VI", r"(?:u\.?s\.?\s+)?virgin\s+islands"),
        ("NAV", r"navassa"),
        ("GU", r"guam"),
        ("PB", r"pacific\s+basin"),
        ("CAN", r"canada"),
        ("GL", r"greenland"),
        ("SPM", r"s(?:ain)?t\.?\s*pierre(?:\s+(?:and|&)\s+miquelon)?|miquelon"),
        ("NA", r"north\s+america"),
    ]
)
# The site's USDA regions and NA (North America), which USDA writes but the site does not
# store: the import refuses it rather than the parser dropping it unseen.
_USDA_REGION_CODES = [*USDA_REGIONS, "NA"]
_NATIVE_CODE_RE = re.compile(
    r"\b("
    + "|".join(_USDA_REGION_CODES)
    + r")\s*\(?\s*("
    # The longest codes first, so that "NI" is not read as "N".
    + "|".join(re.escape(code) for code in sorted(NATIVE_STATUSES, key=len, reverse=True))
    + r")\s*\)?(?![\w])"
)
_STATUS_WORD_RE = re.compile(
    r"\b(not\s+native|non-?native|introduced|naturali[sz]ed|native)\b(?:\s+(?:to|in))?", re.IGNORECASE
)

_GLOBAL_REGION_RE = re.compile(r"\b(?:global(?:ly)?|world(?:wide)?|range-?wide|rangewide)\b")
_BY_STATE_RE = re.compile(r"\bby\s+(?:state|province)\b|\bstates?\b|\bprovinc")


def read_native_statuses(reading: Reading, line: int, value: str) -> list[tuple[str, str]]:
    """(USDA region, status) pairs from codes ("L48 (N), CAN (N)") or prose ("Native to Alaska")."""
    statuses: list[tuple[str, str]] = []

    def add(region: str, status: str) -> None:
        if (region, status) not in statuses:
            statuses.append((region, status))

    codes = list(_NATIVE_CODE_RE.finditer(value))
    if codes:
        for match in codes:
            add(match.group(1), match.group(2))
    else:
        marks = list(_STATUS_WORD_RE.finditer(value))
        for i, mark in enumerate(marks):
            status = NATIVE if mark.group(1).lower() == "native" else INTRODUCED
            segment = value[mark.end() : marks[i + 1].start() if i + 1 < len(marks) else len(value)]
            for _, region in _regions_named(segment):
                add(region, status)
    if not statuses:
        reading.warn(line, f"Could not read a USDA region and status from “{value}”.")
    return statuses


def _regions_named(text: str) -> list[tuple[int, str]]:
    """(position, region code) of each USDA region the text names, in reading order."""
    return sorted(
        (match.start(), region) for region, pattern in _USDA_REGION_NAMES for match in pattern.finditer(text)
    )


def add_conservation(reading: Reading, line: int, value: str, region_line: tuple[int, str] | None) -> None:
    """Read a "Status:" line (and the "Region:" line before it, if any) into a conservation status."""
    rank, _, explanation = value.partition(":")
    rank, explanation = rank.strip(), explanation.strip()
    if natureserve.validate(rank):
        reading.warn(line, f"“{rank}” is not a NatureServe rank; the status is ignored.")
        return
    rank_scope = SCOPE_OF_RANK_LEVEL.get(rank[0].upper(), "")
    region_scope, region_code = "", ""
    if region_line is not None:
        region_scope, region_code = _read_region(reading, *region_line)
    scope = rank_scope or region_scope
    if region_scope and rank_scope and region_scope != rank_scope:
        reading.warn(
            line,
            f"Rank {rank} is a {rank_scope} rank but the region line says {region_scope}; "
            f"the rank's {rank_scope} scope is used.",
        )
        region_code = "" if rank_scope == "global" else region_code
    if not scope:
        reading.warn(
            line, f"Could not tell whether {rank} is a global, national or state rank; assumed global."
        )
        scope = "global"
    reading.result.conservation.append(ConservationItem(scope, region_code, rank, explanation))


def _read_region(reading: Reading, line: int, text: str) -> tuple[str, str]:
    """(scope, region code) from a "Region:" line; ("", "") when it names no place or scope."""
    lowered = text.lower().strip(" .")
    if _GLOBAL_REGION_RE.search(lowered):
        return "global", ""
    if lowered in ("national", "nationally", "country", "by country"):
        return "national", ""
    if lowered in ("united states", "u.s", "us", "usa", "united states of america"):
        return "national", "US"
    if lowered == "canada":
        return "national", "CA"
    codes = place_codes(text)
    if _BY_STATE_RE.search(lowered) and not codes:
        return "subnational", ""
    if not codes and re.fullmatch(r"[A-Z]{2}", text.strip()) and text.strip() in STATES_AND_PROVINCES:
        codes = [text.strip()]
    if codes:
        return "subnational", codes[0]
    reading.warn(line, f"Unknown conservation region “{text}”; the rank decides the scope.")
    return "", ""
