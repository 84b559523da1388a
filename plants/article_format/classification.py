"""The USDA classification block after the article: rank names, each followed by its taxon.

::

    Classification
    Kingdom
    Plantae - Plants
    ...
    Species
    Heuchera parvifolia Nutt. ex Torr. & A. Gray - littleleaf alumroot

A "Group" line (Dicot, Monocot...) may come first.  Ranks are reported by the
vocabulary's names ("kingdom", "species"); the profile's own taxon is added
below the species when the botanical name is a subspecies, variety or form.
"""

from __future__ import annotations

from plants import vocabulary

from .lines import Reading
from .types import TaxonItem

# USDA writes ranks the site does not store; they are read as ranks (the importer says it skips
# them) so that the name after one is not taken for a stray line.
_UNSTORED_RANKS = ("superorder",)
# A rank name as an article writes it (lower case) -> the vocabulary's name.
_RANK_NAMES = {rank: rank for rank in (*vocabulary.RANKS, *_UNSTORED_RANKS)} | {
    "form": "forma",
    "subvariety": "variety",
    "phylum": "division",
}
_GROUP = "group"
# The abbreviation before an infraspecific epithet -> its rank.
_INFRASPECIFIC = {
    "subsp.": "subspecies",
    "ssp.": "subspecies",
    "var.": "variety",
    "f.": "forma",
    "fo.": "forma",
}


def find_classification(reading: Reading, source_index: int | None) -> tuple[int | None, int | None]:
    """(index of the "Classification" line, index of the block's first rank line), either None.

    The block is the last one before the data source (or the end).
    """
    lines = reading.nonblank
    stop = source_index if source_index is not None else len(lines)
    for index in range(stop - 1, -1, -1):
        if lines[index][1].lower() == "classification":
            return index, index + 1
    # No heading: the block starts at "Kingdom", or at "Group" two lines before it.
    for index in range(stop - 1, -1, -1):
        if lines[index][1].lower() == "kingdom":
            if index >= 2 and lines[index - 2][1].lower() == _GROUP:
                index -= 2
            return None, index
    return None, None


def _rank_of(text: str) -> str | None:
    lowered = text.lower()
    return _GROUP if lowered == _GROUP else _RANK_NAMES.get(lowered)


def read_classification(reading: Reading, start: int, end: int) -> None:
    """Read the rank/taxon pairs of `reading.nonblank[start:end]`."""
    result = reading.result
    lines = reading.nonblank[start:end]
    i = 0
    while i < len(lines):
        number, text = lines[i]
        rank = _rank_of(text)
        if rank is None:
            reading.warn(number, f"“{text}” in the classification is not after a rank name; ignored.")
            i += 1
            continue
        if i + 1 >= len(lines) or _rank_of(lines[i + 1][1]) is not None:
            i += 1  # an empty rank, such as "Subdivision" directly followed by "Class"
            continue
        value = lines[i + 1][1]
        i += 2
        if rank == _GROUP:
            result.usda_group = value
            continue
        name_part, _, common = value.partition(" - ")
        scientific, authority = split_scientific(name_part.strip())
        if any(taxon.rank == rank for taxon in result.classification):
            reading.warn(number, f"Rank “{text}” appears twice in the classification; the first is kept.")
            continue
        result.classification.append(TaxonItem(rank, scientific, authority, common.strip()))
    if not result.usda_group:
        reading.warn(reading.nonblank[start - 1][0], "The classification has no “Group”.")


def add_profile_taxon(reading: Reading) -> None:
    """Add the botanical name's own taxon when it is below the species and not in the block."""
    result = reading.result
    scientific, authority = split_scientific(result.scientific_name)
    rank = _infraspecific_rank(scientific)
    species = next((t for t in result.classification if t.rank == "species"), None)
    if species and not scientific.startswith(species.scientific_name):
        reading.warn(
            reading.first_line,
            f"The botanical name “{scientific}” is not under the species “{species.scientific_name}”.",
        )
    if not rank or any(taxon.rank == rank for taxon in result.classification):
        return
    common = species.common_name if species else ""
    result.classification.append(TaxonItem(rank, scientific, authority, common))


def split_scientific(text: str) -> tuple[str, str]:
    """Split "Heuchera parvifolia Nutt. ex Torr. & A. Gray" into the name and its authority.

    The name is the first word and the lower-case words after it (epithets,
    "var.", "×"); the authority starts at the first capital or "(".
    """
    words = text.split()
    if not words:
        return "", ""
    end = 1
    while end < len(words) and (words[end][0].islower() or words[end][0] == "×"):
        end += 1
    # An autonym written after the species' authority: "Heuchera parvifolia Nutt. ... var. parvifolia".
    for i in range(end, len(words) - 1):
        if words[i].lower() in _INFRASPECIFIC and words[i + 1][0].islower():
            return " ".join(words[:end] + words[i : i + 2]), " ".join(words[i + 2 :])
    return " ".join(words[:end]), " ".join(words[end:])


def _infraspecific_rank(scientific_name: str) -> str:
    for word in scientific_name.split()[2:]:
        if word.lower() in _INFRASPECIFIC:
            return _INFRASPECIFIC[word.lower()]
    return ""
