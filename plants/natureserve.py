"""NatureServe conservation status ranks, decoded into plain language.

A rank is a level letter followed by a rank and optional qualifiers:

* Levels: ``G`` global (the whole species), ``N`` national, ``S`` subnational
  (a state or province), and ``T``, the global rank of a subspecies or variety,
  written after the species' G rank: ``G5T2`` is a secure species whose
  variety is imperiled.
* Ranks: ``1`` Critically Imperiled, ``2`` Imperiled, ``3`` Vulnerable,
  ``4`` Apparently Secure, ``5`` Secure; ``X`` Presumed Extinct (Presumed
  Extirpated at N and S levels), ``H`` Possibly Extinct (Possibly Extirpated),
  ``U`` Unrankable, ``NR`` Unranked, ``NA`` Not Applicable.
* Range ranks give the span of uncertainty, most threatened end first:
  ``G2G3``, ``S1S3``, ``T1T3``.  A range should not skip more than one rank.
* Qualifiers: ``?`` inexact numeric rank (``G3?``; only on a single 1-5
  rank), ``Q`` questionable taxonomy (``G2Q``, ``G5T2Q``), ``C`` captive or
  cultivated only (``GXC``, ``GHC``).  Q and C belong to global (G/T) ranks.
* Breeding status on N and S ranks: ``B`` breeding, ``N`` nonbreeding,
  ``M`` migrant (``S2B``, ``N4N``, ``S3M``).
* Several ranks in one field are separated by commas: ``S2B,S5N``.

Real data bends these rules.  A string such as ``S5T1T3Q`` (the seed
article's rank) puts T and Q after a state rank, which the grammar does not
allow, yet its reading is plain: S5, T1T3, Q.  Such strings are decoded part
by part and marked ``is_standard=False`` with a note.  A bare T rank (``T3``)
is read the same way: a subspecies or variety rank with its species' G rank
left off.  Only strings with no sensible reading (``banana``, ``G7``, ``GG``)
are undecodable; :func:`decode` never raises and keeps the raw text for them.

Definitions follow NatureServe, "Definitions of NatureServe Conservation
Status Ranks" (https://help.natureserve.org/biotics/ - Element Tracking) and
NatureServe Explorer, "About the Data: Conservation Status"
(https://explorer.natureserve.org/AboutTheData/Statuses); see also Faber-
Langendoen et al. 2012, "NatureServe Conservation Status Assessments:
Methodology for Assigning Ranks".
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["RANK_NAMES", "DecodedRank", "Level", "RankPart", "decode", "validate"]


class Level(enum.Enum):
    GLOBAL = "G"
    NATIONAL = "N"
    SUBNATIONAL = "S"
    INFRASPECIFIC = "T"

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    Level.GLOBAL: "global",
    Level.NATIONAL: "national",
    Level.SUBNATIONAL: "state/province",
    Level.INFRASPECIFIC: "subspecies or variety",
}

RANK_NAMES: dict[str, str] = {
    "1": "Critically Imperiled",
    "2": "Imperiled",
    "3": "Vulnerable",
    "4": "Apparently Secure",
    "5": "Secure",
    "X": "Presumed Extinct",
    "H": "Possibly Extinct",
    "U": "Unrankable",
    "NR": "Unranked",
    "NA": "Not Applicable",
}

# National and state ranks measure loss from a place, not from the planet.
_LOCAL_RANK_NAMES = {**RANK_NAMES, "X": "Presumed Extirpated", "H": "Possibly Extirpated"}

NUMERIC_RANKS = ("1", "2", "3", "4", "5")
# Most threatened first; U, NR and NA say nothing about threat, so they sort last
# and only become "worst" when a string has nothing else.
_SEVERITY = {rank: index for index, rank in enumerate(("X", "H", *NUMERIC_RANKS, "U", "NR", "NA"))}
_RANGEABLE = ("X", "H", *NUMERIC_RANKS)
_RARE_RANKS = frozenset({"X", "H", "1", "2", "3"})
_GLOBAL_LEVELS = (Level.GLOBAL, Level.INFRASPECIFIC)

_RISK = {"1": "very high", "2": "high", "3": "moderate", "4": "fairly low", "5": "very low"}
_BREEDING = {"B": "breeding population", "N": "nonbreeding population", "M": "migrant population"}

UNDECODABLE_NOTE = "This code could not be decoded; it is shown as recorded."
EMPTY_NOTE = "No conservation status rank was recorded."
EMPTY_ERROR = "Enter a rank code such as G3, S2B or G5T2."

QUESTIONABLE_TEXT = (
    "The taxonomy is questionable: experts are not sure this is a distinct species, subspecies or "
    "variety, and if it is merged into another its rank may become less urgent."
)
CAPTIVE_TEXT = (
    "Captive or cultivated only: it survives only in cultivation or captivity (or as reintroduced "
    "plants not yet established), not in the wild."
)


@dataclass(frozen=True)
class RankPart:
    """One rank in a code, e.g. ``T1T3`` or ``S2B``; Q and C are kept on the DecodedRank."""

    level: Level
    code: str
    low: str
    high: str
    inexact: bool = False
    breeding: str = ""

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def name(self) -> str:
        """NatureServe's name for the rank, e.g. "Imperiled" or "Vulnerable to Secure"."""
        names = _names(self.level)
        if self.is_range:
            return f"{names[self.low]} to {names[self.high]}"
        return names[self.low]

    @property
    def meaning(self) -> str:
        """One plain sentence, e.g. "In the state or province: secure."."""
        return _meaning(self, species_context=False)


@dataclass(frozen=True)
class DecodedRank:
    raw: str
    parts: tuple[RankPart, ...]
    questionable_taxonomy: bool
    captive_only: bool
    is_standard: bool
    is_decoded: bool
    notes: tuple[str, ...]
    # Whether the taxon is a subspecies or variety; decides which parts count as its own.
    infraspecific: bool = False

    @property
    def own_parts(self) -> tuple[RankPart, ...]:
        """The parts that describe the taxon itself.

        A G rank describes the whole species, so for a subspecies or variety it
        says nothing about the plant's own rarity: its T rank does, and so do
        N and S ranks, which are assigned to whatever taxon the record is about
        (a variety ranked ``G5T4`` globally can be ``S1`` in one state).
        """
        if not self.infraspecific:
            return self.parts
        return tuple(part for part in self.parts if part.level is not Level.GLOBAL)

    @property
    def is_rare(self) -> bool:
        # `low` is already the most threatened end of a range.
        return any(part.low in _RARE_RANKS for part in self.own_parts)

    @property
    def worst(self) -> RankPart | None:
        return _most_threatened(self.parts)

    @property
    def worst_rank(self) -> str | None:
        worst = self.worst
        return worst.low if worst else None

    @property
    def headline(self) -> RankPart | None:
        """The part a banner leads with: the most threatened of the taxon's own parts."""
        return _most_threatened(self.own_parts) or self.worst

    @property
    def summary(self) -> str:
        if not self.is_decoded:
            text = self.raw.strip() if isinstance(self.raw, str) else ""
            if not text:
                return "No conservation status has been recorded."
            return f"The conservation status “{text}” could not be decoded; it is shown as recorded."
        sentences = [_headline_sentence(self.headline, species_context=self.infraspecific)]
        if self.questionable_taxonomy and self.captive_only:
            sentences.append(
                "Its taxonomy is questionable, and it survives only in cultivation or captivity."
            )
        elif self.questionable_taxonomy:
            sentences.append("Its taxonomy is questionable, so its rank may change.")
        elif self.captive_only:
            sentences.append("It survives only in cultivation or captivity, not in the wild.")
        return " ".join(sentences)

    def explanations(self) -> list[tuple[str, str]]:
        """(fragment as written, meaning) for each part, then the Q and C qualifiers."""
        rows = [(part.code, _meaning(part, species_context=self.infraspecific)) for part in self.parts]
        if self.questionable_taxonomy:
            rows.append(("Q", QUESTIONABLE_TEXT))
        if self.captive_only:
            rows.append(("C", CAPTIVE_TEXT))
        return rows


def decode(code: str, *, infraspecific: bool | None = None) -> DecodedRank:
    """Read a rank string; never raises.

    ``infraspecific=True`` says the taxon is a subspecies or variety even when
    the string has no T part; a T part marks it so whatever is passed.
    """
    try:
        return _decode(code, infraspecific=infraspecific)
    except Exception:  # a page must render whatever an import left in the field
        return _undecodable(code, (UNDECODABLE_NOTE,))


def validate(code: str) -> list[str]:
    """Messages for an editor; empty when the string can be decoded (even if non-standard)."""
    elements = _elements(code)
    if not elements:
        return [EMPTY_ERROR]
    errors = []
    for written, normalised in elements:
        try:
            _parse_element(normalised)
        except _RankError as error:
            errors.append(f"“{written}” is not a NatureServe rank: {error}")
    return errors


# Parsing ------------------------------------------------------------------


class _RankError(ValueError):
    """Why an element is not a rank, worded to follow "“X” is not a NatureServe rank: "."""


@dataclass
class _Component:
    level: Level
    code: str
    low: str
    high: str
    inexact: bool
    breeding: str
    questionable: bool
    captive: bool


_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _elements(code: object) -> list[tuple[str, str]]:
    """(as written, normalised) for each comma-separated element, skipping empty ones."""
    if code is None:
        return []
    text = code if isinstance(code, str) else str(code)
    elements = []
    for piece in text.split(","):
        written = piece.strip()
        if written:
            # Only ASCII is upper-cased: str.upper() turns "ß" into "SS", inventing letters.
            elements.append((written, "".join(written.split()).translate(_UPPER)))
    return elements


def _read_rank(text: str, index: int) -> tuple[str, int] | None:
    if text.startswith(("NR", "NA"), index):
        return text[index : index + 2], index + 2
    if index < len(text) and text[index] in "XHU":
        return text[index], index + 1
    end = index
    while end < len(text) and text[end] in "0123456789":
        end += 1
    if end == index:
        return None
    if text[index:end] not in NUMERIC_RANKS:
        raise _RankError("numeric ranks run from 1 to 5.")
    return text[index:end], end


def _parse_element(text: str) -> list[_Component]:
    components: list[_Component] = []
    index = 0
    while index < len(text):
        letter = text[index]
        if letter not in "GNST":
            if not components:
                raise _RankError(
                    "a rank starts with G (global), N (national), S (state/province) or "
                    "T (subspecies or variety) followed by a rank, as in G3 or S2B."
                )
            raise _RankError(f"“{letter}” is out of place; a rank looks like G3, S2B or G5T2.")
        if components and letter != "T":
            raise _RankError("write separate ranks with commas between them, as in S2B, S5N.")
        if any(component.level is Level.INFRASPECIFIC for component in components):
            raise _RankError("a rank has at most one subspecies or variety (T) part.")
        start = index
        level = Level(letter)
        read = _read_rank(text, index + 1)
        if read is None:
            raise _RankError(f"{letter} must be followed by a rank (1 to 5, X, H, U, NR or NA).")
        low, index = read
        high = low
        if index < len(text) and text[index] == letter:
            second = _read_rank(text, index + 1)
            if second is not None:
                high, index = second
                if low not in _RANGEABLE or high not in _RANGEABLE:
                    raise _RankError(
                        f"a range runs between two of X, H and 1 to 5, as in {letter}2{letter}3."
                    )
            elif letter != "N":  # "N4N" is a national rank for a nonbreeding population
                raise _RankError(f"a range needs a rank at both ends, as in {letter}2{letter}3.")
        inexact = questionable = captive = False
        breeding = ""
        while index < len(text) and text[index] in "?QCBNM":
            qualifier = text[index]
            if qualifier == "?":
                if inexact:
                    raise _RankError("the qualifier “?” is repeated.")
                inexact = True
            elif qualifier == "Q":
                if questionable:
                    raise _RankError("the qualifier “Q” is repeated.")
                questionable = True
            elif qualifier == "C":
                if captive:
                    raise _RankError("the qualifier “C” is repeated.")
                captive = True
            else:
                if breeding:
                    raise _RankError("use only one of B (breeding), N (nonbreeding) or M (migrant) per rank.")
                breeding = qualifier
            index += 1
        written = text[start:index].replace("Q", "").replace("C", "")
        components.append(_Component(level, written, low, high, inexact, breeding, questionable, captive))
    return components


def _element_notes(written: str, components: list[_Component]) -> list[str]:
    """Why a readable element is not standard notation; empty when it is."""
    notes = []
    first = components[0].level
    if first in (Level.NATIONAL, Level.SUBNATIONAL):
        misplaced = [
            letter
            for letter, present in (
                ("T", any(c.level is Level.INFRASPECIFIC for c in components)),
                ("Q", any(c.questionable for c in components)),
                ("C", any(c.captive for c in components)),
            )
            if present
        ]
        if misplaced:
            letters = " and ".join(misplaced)
            verb = "belongs" if len(misplaced) == 1 else "belong"
            notes.append(
                f"“{written}” is not standard NatureServe notation: {letters} formally {verb} to a global "
                f"(G) rank, as in G5T2Q, not to a {first.label} rank. It is read here part by part."
            )
    elif first is Level.INFRASPECIFIC:
        notes.append(
            f"“{written}” is not standard NatureServe notation: a subspecies or variety (T) rank is "
            "written after the species' global rank, as in G5T3. It is read here as the subspecies "
            "or variety rank alone."
        )
    for c in components:
        if c.breeding and c.level in _GLOBAL_LEVELS:
            notes.append(
                f"“{written}” is not standard NatureServe notation: breeding-status qualifiers "
                "(B, N, M) belong to national (N) and state/province (S) ranks."
            )
        if c.inexact and (c.low != c.high or c.low not in NUMERIC_RANKS):
            notes.append(
                f"“{written}” is not standard NatureServe notation: “?” marks a single numeric rank "
                "(1 to 5) as inexact; it is not used with X, H, U, NR, NA or a range."
            )
        if c.captive and first in _GLOBAL_LEVELS and c.low not in ("X", "H"):
            notes.append(
                f"“{written}” is not standard NatureServe notation: C (captive or cultivated only) is "
                "used with presumed or possibly extinct ranks, as in GXC or GHC."
            )
        if c.low != c.high:
            low, high = _SEVERITY[c.low], _SEVERITY[c.high]
            if low > high:
                notes.append(
                    f"“{written}” is not standard NatureServe notation: a range is written most "
                    "threatened rank first, as in G2G3."
                )
            elif high - low > 2:
                notes.append(
                    f"“{written}” is not standard NatureServe notation: a range should not skip more "
                    "than one rank; NatureServe uses U (unrankable) when the status is that uncertain."
                )
    return notes


def _to_part(component: _Component) -> RankPart:
    low, high = component.low, component.high
    if _SEVERITY[high] < _SEVERITY[low]:
        low, high = high, low
    return RankPart(component.level, component.code, low, high, component.inexact, component.breeding)


def _decode(code: object, *, infraspecific: bool | None) -> DecodedRank:
    elements = _elements(code)
    if not elements:
        return _undecodable(code, (EMPTY_NOTE,))
    parts: list[RankPart] = []
    notes: list[str] = []
    errors: list[str] = []
    questionable = captive = False
    for written, normalised in elements:
        try:
            components = _parse_element(normalised)
        except _RankError as error:
            errors.append(f"“{written}” is not a NatureServe rank: {error}")
            continue
        notes.extend(_element_notes(written, components))
        parts.extend(_to_part(component) for component in components)
        questionable = questionable or any(c.questionable for c in components)
        captive = captive or any(c.captive for c in components)
    if errors:
        # All or nothing: a half-read field would understate what the source said.
        return _undecodable(code, (UNDECODABLE_NOTE, *errors))
    has_infraspecific = any(part.level is Level.INFRASPECIFIC for part in parts)
    return DecodedRank(
        raw=code,
        parts=tuple(parts),
        questionable_taxonomy=questionable,
        captive_only=captive,
        is_standard=not notes,
        is_decoded=True,
        notes=tuple(dict.fromkeys(notes)),
        infraspecific=bool(infraspecific) or has_infraspecific,
    )


def _undecodable(code: object, notes: tuple[str, ...]) -> DecodedRank:
    return DecodedRank(
        raw=code,
        parts=(),
        questionable_taxonomy=False,
        captive_only=False,
        is_standard=False,
        is_decoded=False,
        notes=notes,
    )


def _most_threatened(parts: tuple[RankPart, ...]) -> RankPart | None:
    # min() keeps the first of equals, so ties go to the part written first.
    return min(parts, key=lambda part: _SEVERITY[part.low], default=None)


# Wording ------------------------------------------------------------------


def _names(level: Level) -> dict[str, str]:
    return RANK_NAMES if level in _GLOBAL_LEVELS else _LOCAL_RANK_NAMES


def _place(level: Level) -> str:
    return {Level.NATIONAL: "the country", Level.SUBNATIONAL: "the state or province"}.get(level, "")


def _description(part: RankPart) -> str:
    """The rank in lower case: "imperiled", "somewhere between imperiled and vulnerable"."""
    names = _names(part.level)
    if part.is_range:
        text = f"somewhere between {names[part.low].lower()} and {names[part.high].lower()}"
    else:
        text = names[part.low].lower()
    return f"{text} (inexact)" if part.inexact else text


def _gloss(part: RankPart) -> str:
    """What a rank means in practice, for the clause after the name."""
    local = part.level not in _GLOBAL_LEVELS
    if part.is_range:
        if part.low in _RISK and part.high in _RISK:
            return f"at {_RISK[part.low]} to {_RISK[part.high]} risk of {_loss(part)}"
        return ""
    rank = part.low
    if rank in _RISK:
        return f"at {_RISK[rank]} risk of {_loss(part)}"
    if rank == "X":
        if local:
            return "no longer found there despite searches"
        return "not found despite intensive searches, with virtually no chance of rediscovery"
    if rank == "H":
        where = " there" if local else ""
        return f"known{where} only from historical records, with some hope of rediscovery"
    if rank == "U":
        return "there is too little or conflicting information to rank it"
    if rank == "NR":
        return "its status has not yet been assessed"
    if local:
        return "it is not a suitable target for conservation there, for example because it is not native"
    return "it is not a suitable target for conservation, for example because it is a hybrid"


def _loss(part: RankPart) -> str:
    if part.level in _GLOBAL_LEVELS:
        return "extinction"
    return f"disappearing from {_place(part.level)}"


def _meaning(part: RankPart, *, species_context: bool) -> str:
    description = _description(part)
    # Ranks 1-5 are familiar words; the others are jargon and get their gloss.
    if not part.is_range and part.low not in _RISK:
        description = f"{description} ({_gloss(part)})"
    breeding = f" ({_BREEDING[part.breeding]})" if part.breeding else ""
    if part.level is Level.INFRASPECIFIC:
        verb = ":" if part.low == "NA" and not part.is_range else " is"
        return f"This subspecies or variety{breeding}{verb} {description}."
    if part.level is Level.GLOBAL:
        scope = "Globally (the species as a whole)" if species_context else "Globally"
        return f"{scope}{breeding}: {description}."
    return f"In {_place(part.level)}{breeding}: {description}."


def _headline_sentence(part: RankPart | None, *, species_context: bool) -> str:
    if part is None:  # pragma: no cover - decoded ranks always have parts
        return ""
    population = f"the {_BREEDING[part.breeding]}" if part.breeding else ""
    if part.level is Level.INFRASPECIFIC:
        where = ""
        subject = "this subspecies or variety" + (f"'s {_BREEDING[part.breeding]}" if part.breeding else "")
    elif part.level is Level.GLOBAL:
        where = "Globally, "
        subject = population or ("the species as a whole" if species_context else "this plant")
    else:
        where = f"In {_place(part.level)}, "
        subject = population or "this plant"
    if part.low == "NA" and not part.is_range:
        # "this plant is not applicable" would misread; say what does not apply.
        sentence = f"{where}a conservation rank does not apply to {subject}"
    else:
        sentence = f"{where}{subject} is {_description(part)}"
    gloss = _gloss(part)
    sentence = f"{sentence}: {gloss}." if gloss else f"{sentence}."
    return sentence[0].upper() + sentence[1:]
