"""USDA PLANTS scientific names read into genus, species and infraspecific ranks.

A checklist name carries each rank's authors in USDA's style: ``Heuchera
parvifolia Nutt. ex Torr. & A. Gray var. microcarpa Rosend., Butters & Lakela``
is the variety *microcarpa* (authors "Rosend., Butters & Lakela") of the
species *Heuchera parvifolia* (authors "Nutt. ex Torr. & A. Gray").
`read_name` reads it into a `ScientificName`: the genus, then one `Level` per
rank, species first, each with its name as USDA writes it (rank marker
included, authors left out) and its authority exactly as USDA writes it.

GBIF's name parser (PyPI ``gbif-name-parser``, imported as ``nameparser``)
reads the structure: genus, epithets, ranks, hybrid marks. Each authority is
then the text of the name between one epithet and the next rank, checked
against what the parser read there (ignoring the spaces, brackets, commas
and ampersands it normalises). A name the parser cannot read, or reads
otherwise than USDA wrote it, raises `NameNotRead` with the reason; nothing is
guessed. `read_checklist_name` also checks the result against the row's own
genus and rank columns.

Evaluated on all 32,800 rows of the checklist copied in March 2026:

* The parser reads 31,424 names whole, as they stand. It gets right every
  rank and epithet, autonyms (2,888 names end in one, without authors of its
  own), "ex" authors, "L. f." authors beside the forma marker "f.",
  misapplied names ("sensu Parham, non Spreng." as a taxonomic note),
  nomenclatural notes ("nom. inq."), and the "×" of hybrid genera, species
  and subspecies.
* It rewrites authors ("A. Gray" as "A.Gray", "Á. Löve & D. Löve & Kapoor"
  as "Á.Löve, D.Löve & Kapoor") and drops "(pro sp.)" (397 names): so the
  authorities are taken from USDA's text, the parser's reading only checks them.
* Trailing spaces (3,000 names, mostly after an autonym) and doubled spaces
  (3) are dropped.
* It cannot read a hybrid's parents in brackets after the name (1,078 names,
  ``Equisetum ×ferrissii Clute (pro sp.) [hyemale × laevigatum]``, once in
  double brackets): they are split off first, as `ScientificName.parentage`.
  ``[unnamed hybrid]`` (24 names) marks a hybrid formula.
* Hybrid formulas (23, ``Pinus rigida × serotina``, ``Phragmites australis
  (Cav.) Trin. ex Steud. ssp. americanus × ssp. australis``) it only calls a
  formula: the first parent is read by the parser, and the formula takes that
  parent's rank, under that parent's upper ranks, with no epithet or authors.
* Named hybrids followed by their parents without brackets (6, ``Sarracenia
  ×bellii Mellich. leucophylla × rubra ssp. gulfensis``) it calls a formula:
  the parents start at the first epithet from which the parser reads the rest
  (under the genus) as a formula.
* Quadrinomials (279, ``Carex viridula Michx. ssp. brachyrrhyncha (Celak.)
  B. Schmid var. elatior (Schltdl.) Crins``): it drops the middle rank with a
  warning. Every name is therefore read one rank at a time: the lowest rank
  from the parser's reading, the ranks above from the name cut before it.
* Notes in a species' authors stop it before the infraspecific rank (21
  names: "A. Murray bis", "Lepage (pro nm.)", "Hillebr. nom. inq.",
  "Biehler ined.", "orth. var.", "hort ex Haage"): the lowest rank then
  starts at the last rank marker followed by an epithet, and the parser reads
  that rank on its own under the species' bare name.
* 114 infraspecific names have no authors in the checklist although they are
  not autonyms (``Argyrochosma limitanea (Maxon) Windham ssp. mexicana``):
  their authority is empty, as USDA writes it.
* For the 7 intergeneric hybrids (``×Sorbaronia jackii Rehder [Aronia
  prunifolia × Sorbus americana]``) the genus column names the parents'
  genera ("Aronia × Sorbus"; once "Hordeum ? Leymus", its "×" lost in a
  conversion): it is checked against the parentage, and the genus is the
  hybrid genus the name gives.

Two names are not read (`NameNotRead`; the import reports them):

* RHAS ``Rhus ×ashei (Small) Greene (pro sp.), database artifact (pro sp.)
  [glabra × michauxii]``: the parser cannot read "database artifact", no author.
* PLDI4 ``Platanthera dilatata var. leucostachys × y [unnamed hybrid]``: a
  formula whose first parent is a variety and whose second is "y", which the
  checklist ranks as a species.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import nameparser

# The rank words the site uses (the names of plants.models.taxonomy.Rank, lower case).
SPECIES, SUBSPECIES, VARIETY, FORMA = "species", "subspecies", "variety", "forma"

# The checklist's `rank` column.
CHECKLIST_RANKS = {"Species": SPECIES, "Subspecies": SUBSPECIES, "Variety": VARIETY, "Form": FORMA}

# The parser's infraspecific ranks, each with the marker USDA writes before its epithet.
_MARKERS = {"SUBSPECIES": (SUBSPECIES, "ssp."), "VARIETY": (VARIETY, "var."), "FORM": (FORMA, "f.")}
_RANK_OF_MARKER = {marker: rank for rank, marker in _MARKERS.values()}

HYBRID = "×"
# What USDA writes in brackets after a hybrid formula instead of its parents.
_UNNAMED_HYBRID = "unnamed hybrid"
# "(pro sp.)": published as a species, now known to be a hybrid. USDA writes it
# after a hybrid's authors; the parser drops it without a word.
_DROPPED_NOTE = "(pro sp.)"


class NameNotRead(ValueError):
    """The parser cannot read this name, or reads it otherwise than USDA wrote it."""


@dataclass(frozen=True)
class Level:
    """One rank of a name: the species, or a subspecies, variety or forma below it."""

    rank: str  # SPECIES, SUBSPECIES, VARIETY or FORMA
    name: str  # as USDA writes it, without authors: "Heuchera parvifolia var. microcarpa"
    epithet: str  # "microcarpa", "×ferrissii"; "" for a hybrid formula
    authority: str  # as USDA writes it; "" for an autonym or a hybrid formula


@dataclass(frozen=True)
class ScientificName:
    """A checklist name read into its ranks."""

    genus: str  # as USDA writes it, with "×" before a hybrid genus
    levels: tuple[Level, ...]  # the species first, the checklist row's own taxon last
    parentage: str = ""  # a hybrid's parents as USDA gives them: "hyemale × laevigatum"

    @property
    def species(self) -> Level:
        return self.levels[0]

    @property
    def taxon(self) -> Level:
        return self.levels[-1]

    @property
    def is_hybrid_formula(self) -> bool:
        """An unnamed hybrid, named by its parents: "Pinus rigida × serotina"."""
        return not self.taxon.epithet


class _Formula(Exception):
    """The parser reads the text as a hybrid formula: parents joined by ×."""


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(match.group(), match.start(), match.end()) for match in re.finditer(r"\S+", text)]


def _pairs(text: str):
    """Each token with the next one, the last pair first."""
    tokens = _tokens(text)
    return zip(reversed(tokens[:-1]), reversed(tokens[1:]), strict=True)


def _is_epithet(text: str) -> bool:
    bare = text.removeprefix(HYBRID)
    return bare.replace("-", "").isalpha() and bare.islower()


def _squash(text: str) -> str:
    """Authors without the spaces, brackets and separators the parser normalises.

    USDA writes "Á. Löve & D. Löve & Kapoor" where the parser reads "Á.Löve, D.Löve & Kapoor".
    """
    return re.sub(r"[\s(),&]", "", text)


@functools.lru_cache(maxsize=4096)
def _parse(text: str):
    # Cached: the species part of each subspecies or variety is read again on its own.
    try:
        parsed = nameparser.parse(text)
    except nameparser.UnparsableNameError as error:
        if error.name_type == "FORMULA":
            raise _Formula(text) from error
        raise NameNotRead(f"the parser cannot read it: {error}") from error
    if isinstance(parsed, nameparser.Informal):
        raise NameNotRead(f"the parser reads it as an informal name ({parsed.canonical_name()})")
    return parsed


def _is_complete(parsed) -> bool:
    return parsed.type == "SCIENTIFIC" and parsed.state == "COMPLETE" and not parsed.unparsed


def _as_written(part: str | None, parsed, which: str) -> str:
    """A genus or epithet as USDA writes it: with "×" where the parser saw a hybrid."""
    return f"{HYBRID}{part}" if parsed.notho and which in parsed.notho else part or ""


def _authority(parsed, text: str, after: int) -> str:
    """The authors as USDA wrote them from `after` on, if they are what the parser read there."""
    authority = text[after:].strip()
    read = " ".join(
        part
        for part in (parsed.authorship_complete(), parsed.nomenclatural_note, parsed.taxonomic_note)
        if part
    )
    if _squash(authority.replace(_DROPPED_NOTE, "")) != _squash(read):
        raise NameNotRead(f"the authors “{authority}” are not what the parser read (“{read}”)")
    return authority


def _species(parsed, text: str) -> tuple[str, Level]:
    genus = _as_written(parsed.genus, parsed, "GENERIC")
    epithet = _as_written(parsed.specific_epithet, parsed, "SPECIFIC")
    tokens = _tokens(text)
    if [token.text for token in tokens[:2]] != [genus, epithet]:
        raise NameNotRead(f"the parser reads the species as “{genus} {epithet}”")
    return genus, Level(SPECIES, f"{genus} {epithet}", epithet, _authority(parsed, text, tokens[1].end))


def _lowest_marker(parsed, text: str) -> _Token:
    """The rank marker where the lowest level of `text` begins."""
    if _is_complete(parsed):
        marker = _MARKERS[parsed.rank][1]
        epithet = _as_written(parsed.infraspecific_epithet, parsed, "INFRASPECIFIC")
        found = next(
            (first for first, second in _pairs(text) if (first.text, second.text) == (marker, epithet)), None
        )
        if found is None:
            raise NameNotRead(f"the parser reads “{marker} {epithet}”, which the name does not have")
        return found
    # Help: a note in the species' authors ("A. Murray bis", "Lepage (pro nm.)", "nom. inq.")
    # stops the parser before the infraspecific part; the last marker followed by an
    # epithet starts that part, which the parser then reads on its own.
    found = next(
        (
            first
            for first, second in _pairs(text)
            if first.text in _RANK_OF_MARKER and _is_epithet(second.text)
        ),
        None,
    )
    if found is None:
        unread = f"“{parsed.unparsed}”" if parsed.unparsed else "all of it"
        raise NameNotRead(f"the parser cannot read {unread}")
    return found


def _read_levels(text: str) -> tuple[str, list[Level]]:
    """The genus and levels of a name, read from the species down, the parser checking each."""
    parsed = _parse(text)
    if _is_complete(parsed) and parsed.rank == "SPECIES":
        genus, species = _species(parsed, text)
        return genus, [species]
    if _is_complete(parsed) and parsed.rank not in _MARKERS:
        raise NameNotRead(f"the parser reads no species in it (its rank: {parsed.rank.lower()})")
    marker = _lowest_marker(parsed, text)
    genus, upper = _read_levels(text[: marker.start].rstrip())
    if not _is_complete(parsed):
        # The lowest level under its species' bare name, without the notes that stopped the parser.
        parsed = _parse(f"{upper[-1].name} {text[marker.start :]}")
        rank, _ = _MARKERS.get(parsed.rank, (None, None))
        if not _is_complete(parsed) or rank != _RANK_OF_MARKER[marker.text]:
            raise NameNotRead(f"the parser cannot read “{text[marker.start :]}”")
    rank, _ = _MARKERS[parsed.rank]
    epithet = _as_written(parsed.infraspecific_epithet, parsed, "INFRASPECIFIC")
    epithet_token = _tokens(text[marker.end :])[0]
    if epithet_token.text != epithet:
        raise NameNotRead(f"the parser reads the epithet after “{marker.text}” as “{epithet}”")
    after = marker.end + epithet_token.end
    level = Level(rank, f"{upper[-1].name} {marker.text} {epithet}", epithet, _authority(parsed, text, after))
    return genus, [*upper, level]


def _split_brackets(text: str) -> tuple[str, str]:
    """The name and what USDA wrote in brackets after it (a hybrid's parents)."""
    match = re.fullmatch(r"(.*?)\s*\[+([^\[\]]*)\]+", text)
    return (match.group(1), match.group(2).strip()) if match else (text, "")


def _hybrid_formula(text: str) -> ScientificName:
    """An unnamed hybrid: its first parent, bare, then × and the other parent."""
    cross = next((token for token in _tokens(text) if token.text == HYBRID), None)
    if cross is None:
        raise NameNotRead("the parser reads it as a hybrid formula, but it has no “×” between parents")
    genus, levels = _read_levels(text[: cross.start].rstrip())
    first = levels[-1]
    if first.authority:
        raise NameNotRead(f"the hybrid formula's first parent has authors (“{first.authority}”)")
    above = levels[-2].name if len(levels) > 1 else genus
    parentage = f"{first.name.removeprefix(above).strip()} {HYBRID} {text[cross.end :].strip()}"
    own = Level(first.rank, f"{above} {parentage}", "", "")
    return ScientificName(genus, (*levels[:-1], own), parentage)


def _named_hybrid_with_parents(text: str) -> ScientificName:
    """A named hybrid whose parents follow its authors without brackets.

    The parents start at the first epithet after the name where the parser
    reads the rest (under the genus) as a hybrid formula.
    """
    tokens = _tokens(text)
    for token in tokens[2:]:
        if not _is_epithet(token.text):
            continue
        try:
            _parse(f"{tokens[0].text.removeprefix(HYBRID)} {text[token.start :]}")
        except _Formula:
            genus, levels = _read_levels(text[: token.start].rstrip())
            return ScientificName(genus, tuple(levels), text[token.start :].strip())
        except NameNotRead:
            continue
    raise NameNotRead("the parser reads it as a hybrid formula, but it names a hybrid")


def read_name(written: str) -> ScientificName:
    """Read one checklist name; NameNotRead says why a name cannot be read."""
    text, bracketed = _split_brackets(written.strip())
    if bracketed == _UNNAMED_HYBRID:
        return _hybrid_formula(text)
    try:
        genus, levels = _read_levels(text)
    except _Formula:
        words = text.split()
        if any(word.startswith(HYBRID) for word in words[:2]):
            return _named_hybrid_with_parents(text)
        return _hybrid_formula(text)
    return ScientificName(genus, tuple(levels), bracketed)


def _parent_genera(name: ScientificName) -> str:
    """An intergeneric hybrid's parent genera, "Aronia × Sorbus", from its parentage."""
    return f" {HYBRID} ".join(parent.split()[0] for parent in name.parentage.split(f" {HYBRID} ") if parent)


def read_checklist_name(written: str, genus: str, rank: str) -> ScientificName:
    """Read a checklist row's name and check it against the row's own genus and rank columns."""
    name = read_name(written)
    # For an intergeneric hybrid (×Sorbaronia) the genus column names the parents'
    # genera, once with "?" where the "×" was lost: "Hordeum ? Leymus".
    genera = genus.replace(" ? ", f" {HYBRID} ")
    if genus != name.genus and not (name.genus.startswith(HYBRID) and genera == _parent_genera(name)):
        raise NameNotRead(f"the parser reads the genus as “{name.genus}”; the checklist says “{genus}”")
    if CHECKLIST_RANKS.get(rank) != name.taxon.rank:
        what = "the formula's first parent" if name.is_hybrid_formula else "it"
        raise NameNotRead(f"the parser reads {what} as a {name.taxon.rank}; the checklist says “{rank}”")
    return name
