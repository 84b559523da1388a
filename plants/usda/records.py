"""The USDA PLANTS files merged per symbol: what the import needs to know about each taxon.

`Flora(directory)` reads the classification, characteristics and distribution
at once, then `Flora.taxa()` yields one `TaxonRecord` per checklist row, in the
checklist's order: its name read into ranks and authors, group, family (with
the ranks above it where USDA's profile pages gave them) and genus, life cycles
and habits, traits in the site's words, and the places it is native or
introduced in. Everything fits in memory (33,000 taxa, 240,000 distribution rows).

Bad input (a word no mapping knows, a place without a code, a symbol the
checklist lacks) is `UsdaDataError`, each problem at its FILE:LINE, raised once
the file it is in has been read (for the cross-file checks, at the end of
`taxa()`). A name the parser cannot read is no error: its row is left out of
`taxa()` and listed in `Flora.unread`, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from plants import regions

from . import files, traits
from .files import CLASSIFICATION_RANKS, DEFAULT_DIR, Problem, Row, UsdaDataError
from .names import CHECKLIST_RANKS, NameNotRead, ScientificName, read_checklist_name
from .traits import TraitError, Traits

NATIVE, INTRODUCED = "native", "introduced"
# The ranks above a family a group's unrecorded families may hang under (no order or subclass:
# those differ between families of one group).
# Wraps the rows of one file as they are read: (rows, the file's name) -> rows.
Progress = Callable[[Iterable[Row], str], Iterable[Row]]
_SHARED_RANKS = CLASSIFICATION_RANKS[: CLASSIFICATION_RANKS.index("class") + 1]


@dataclass(frozen=True)
class Rank:
    """One rank above a family: ("class", "Magnoliopsida", "Dicotyledons")."""

    rank: str
    name: str
    common_name: str


@dataclass(frozen=True)
class Family:
    name: str
    authority: str  # "" where families.csv does not have the family
    common_name: str
    above: tuple[Rank, ...]  # kingdom first; () where USDA's classification is not recorded here

    @property
    def is_classified(self) -> bool:
        return bool(self.above)


@dataclass(frozen=True)
class Genus:
    name: str
    authority: str  # "" where genera.csv does not have the genus
    common_name: str


@dataclass(frozen=True)
class TaxonRecord:
    """One checklist taxon, merged with what the other files say of it."""

    symbol: str
    line: int  # in the checklist
    name: ScientificName
    common_name: str
    group: str | None
    family: Family
    genus: Genus
    life_cycles: frozenset[str]
    habits: frozenset[str]
    traits: Traits | None  # None: USDA has no characteristics for it
    native_places: frozenset[str]  # place codes (plants.regions.PLACES)
    introduced_places: frozenset[str]  # a place may be in both: USDA lists it both ways
    duration: str = ""  # the checklist's words, as USDA writes them: "Annual, Perennial"
    growth_habit: str = ""

    @property
    def rank(self) -> str:
        return self.name.taxon.rank

    @property
    def is_native(self) -> bool:
        """Native somewhere in the 74 places: the taxa that get a profile."""
        return bool(self.native_places)


@dataclass(frozen=True)
class UnreadName:
    """A checklist name the parser cannot read, and why: reported, never guessed."""

    symbol: str
    written: str
    reason: str
    problem: Problem

    def __str__(self) -> str:
        return str(self.problem)


def _raise_any(problems: list[Problem]) -> None:
    if problems:
        raise UsdaDataError(problems)


def _families(rows: Iterable[Row]) -> dict[str, Family]:
    def above(row: Row) -> tuple[Rank, ...]:
        return tuple(
            Rank(rank, row[rank], row[f"{rank}_common_name"]) for rank in CLASSIFICATION_RANKS if row[rank]
        )

    return {
        row["family"]: Family(row["family"], row["family_authority"], row["family_common_name"], above(row))
        for row in rows
    }


def _characteristics(rows_read: Iterable[Row]) -> tuple[dict[str, Traits], list[Row]]:
    """Each symbol's traits, and the rows, to check their symbols against the checklist."""
    found, rows, problems = {}, [], []
    for row in rows_read:
        rows.append(row)
        try:
            found[row["symbol"]] = traits.characteristics(row)
        except TraitError as error:
            problems.append(row.problem(str(error)))
    _raise_any(problems)
    return found, rows


def _places(rows: Iterable[Row]) -> tuple[dict[str, dict[str, set[str]]], dict[str, Row]]:
    """Per symbol, its place codes by status; and its first row, to check it against the checklist."""
    found: dict[str, dict[str, set[str]]] = {}
    first: dict[str, Row] = {}
    problems = []
    for row in rows:
        code = regions.USDA_PLACE_CODES.get(row["state"])
        if code is None:
            problems.append(row.problem(f"state “{row['state']}” is not one of USDA's 74 places"))
        elif row["status"] not in (NATIVE, INTRODUCED):
            problems.append(row.problem(f"status “{row['status']}” is neither {NATIVE} nor {INTRODUCED}"))
        else:
            first.setdefault(row["symbol"], row)
            found.setdefault(row["symbol"], {NATIVE: set(), INTRODUCED: set()})[row["status"]].add(code)
    _raise_any(problems)
    return found, first


class Flora:
    """The USDA PLANTS files in `directory` (the shipped ones by default), merged per symbol."""

    def __init__(self, directory: Path | str = DEFAULT_DIR, *, progress: Progress | None = None):
        """`progress(rows, name)`, if given, wraps the reading of each file (a progress bar)."""
        self.progress = progress
        self.directory = Path(directory)
        self.families = _families(self._read(files.FAMILIES))
        genera = list(self._read(files.GENERA))
        self.genera = {
            row["genus"]: Genus(row["genus"], row["genus_authority"], row["genus_common_name"])
            for row in genera
        }
        self.characteristics, characteristics_rows = _characteristics(self._read(files.CHARACTERISTICS))
        self.places, first_places = _places(self._read(files.DISTRIBUTION))
        self.unread: list[UnreadName] = []
        self._families_of_group = self._check_against_checklist(
            genera, [*characteristics_rows, *first_places.values()]
        )

    def _check_against_checklist(
        self, genera: list[Row], rows_with_symbols: list[Row]
    ) -> dict[str, set[str]]:
        """Check the genera's families and the other files' symbols; each group's families, for later."""
        families_of_genus: dict[str, set[str]] = {}
        families_of_group: dict[str, set[str]] = {}
        symbols = set()
        for row in self._read(files.CHECKLIST, "checklist (checking)"):
            symbols.add(row["symbol"])
            families_of_genus.setdefault(row["genus"], set()).add(row["family"])
            families_of_group.setdefault(row["group_name"], set()).add(row["family"])
        problems = [
            row.problem(
                f"{row['genus']} is in {', '.join(sorted(found))} in the checklist, not {row['family']}"
            )
            for row in genera
            if (found := families_of_genus.get(row["genus"], {row["family"]})) != {row["family"]}
        ]
        problems += [
            row.problem(f"{row['symbol']} is not in the checklist")
            for row in rows_with_symbols
            if row["symbol"] not in symbols
        ]
        _raise_any(sorted(problems, key=lambda problem: (problem.path, problem.line)))
        return families_of_group

    def _read(self, usda_file: files.UsdaFile, name: str = "") -> Iterable[Row]:
        rows = files.read(usda_file, self.directory)
        return self.progress(rows, name or usda_file.stem) if self.progress else rows

    def shared_classification(self, group: str) -> tuple[Rank, ...]:
        """The ranks above the family, down to the class at most, that all of a group's recorded families share.

        A family whose classification is not recorded hangs under these: a
        Dicot's from Plantae down to the class Magnoliopsida. () for a group
        none of whose families is recorded (the mosses, the lichens).
        """
        chains = [
            tuple(rank for rank in self.families[family].above if rank.rank in _SHARED_RANKS)
            for family in sorted(self._families_of_group.get(group, ()))
            if family in self.families
        ]
        shared = []
        for ranks in zip(*chains, strict=False):
            if len(set(ranks)) > 1:
                break
            shared.append(ranks[0])
        return tuple(shared)

    def taxa(self) -> Iterator[TaxonRecord]:
        """One record per readable checklist row; UsdaDataError at the end if any row was bad.

        The rows whose names cannot be read are in `unread` once this is done.
        """
        self.unread = []
        problems: list[Problem] = []
        for row in self._read(files.CHECKLIST):
            try:
                record = self._record(row)
            except TraitError as error:
                problems.append(row.problem(str(error)))
                continue
            except NameNotRead as error:
                problem = row.problem(f"{row['symbol']} “{row['scientific_name']}”: {error}")
                self.unread.append(UnreadName(row["symbol"], row["scientific_name"], str(error), problem))
                continue
            yield record
        _raise_any(problems)

    def _record(self, row: Row) -> TaxonRecord:
        if row["rank"] not in CHECKLIST_RANKS:
            raise TraitError(f"rank “{row['rank']}” is not one of {', '.join(CHECKLIST_RANKS)}")
        group = traits.GROUPS.value(row["group_name"])
        life_cycles = traits.LIFE_CYCLES.values(row["duration"])
        habits = traits.GROWTH_HABITS.values(row["growth_habit"])
        name = read_checklist_name(row["scientific_name"], row["genus"], row["rank"])
        statuses = self.places.get(row["symbol"], {})
        return TaxonRecord(
            symbol=row["symbol"],
            line=row.line,
            name=name,
            common_name=row["common_name"],
            group=group,
            family=self.families.get(row["family"]) or Family(row["family"], "", "", ()),
            genus=self.genera.get(name.genus) or Genus(name.genus, "", ""),
            life_cycles=life_cycles,
            habits=habits,
            traits=self.characteristics.get(row["symbol"]),
            native_places=frozenset(statuses.get(NATIVE, ())),
            introduced_places=frozenset(statuses.get(INTRODUCED, ())),
            duration=row["duration"],
            growth_habit=row["growth_habit"],
        )


def _is_misapplied(record: TaxonRecord) -> bool:
    """A name "sensu" someone: the name as another author misapplied it, not the taxon its author named."""
    return record.name.taxon.authority.startswith("sensu ")


def distinct_taxa(
    records: list[TaxonRecord],
) -> tuple[list[TaxonRecord], list[tuple[TaxonRecord, TaxonRecord]]]:
    """One record per taxon (rank and name), and each record left out with the one kept instead.

    The checklist lists a few names twice: HYNE3 "Hypolytrum nemorum sensu
    Parham, non Spreng." beside HYNE4 "Hypolytrum nemorum (Vahl) Spreng.". The
    site's taxa are matched by rank and name, so one row is kept: the one not
    misapplied, then the native one, then the first.
    """
    chosen: dict[tuple[str, str], TaxonRecord] = {}
    for record in records:
        key = (record.rank, record.name.taxon.name)
        seen = chosen.get(key)
        if seen is None or (_is_misapplied(seen), not seen.is_native) > (
            _is_misapplied(record),
            not record.is_native,
        ):
            chosen[key] = record
    kept = [record for record in records if chosen[(record.rank, record.name.taxon.name)] is record]
    left_out = [
        (record, chosen[(record.rank, record.name.taxon.name)])
        for record in records
        if chosen[(record.rank, record.name.taxon.name)] is not record
    ]
    return kept, left_out
