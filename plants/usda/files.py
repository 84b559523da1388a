"""Reading the USDA PLANTS files: CSV, plain or gzip-compressed, checked as they are read.

Each reader takes a directory (the shipped `fixtures/usda/` by default) and
yields one `Row` per data line. Bad input raises `UsdaDataError`, whose
`problems` are `FILE:LINE: what is wrong` lines: a missing file or column, a
row with the wrong number of fields, bytes that are not UTF-8, a compressed
stream cut short or damaged, a last line cut off before its newline, a row
without its key or with a key seen before. Problems of single rows are
collected to the end of the file (the first `MAX_PROBLEMS` of them) so that one
run shows them all; a problem that leaves the rest of the file unreadable
stops at once. A caller that writes what it reads does so in one transaction,
so that a file failing at its end leaves nothing written; a command prints the
problems and exits with status 1:

    except UsdaDataError as error:
        for problem in error.problems:
            self.stderr.write(str(problem))
        sys.exit(1)
"""

from __future__ import annotations

import csv
import gzip
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "usda"

MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, at a line of a file (line 0: the file as a whole)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class UsdaDataError(Exception):
    """Bad input: print each of `problems` on its own line and stop."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class Row:
    """One data line of a file: its values by column, and where it was read."""

    path: str
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def problem(self, message: str) -> Problem:
        return Problem(self.path, self.line, message)


@dataclass(frozen=True)
class UsdaFile:
    """One of the USDA files: its name, the columns the site reads, and what identifies a row."""

    stem: str
    columns: tuple[str, ...]
    key: tuple[str, ...]  # must be filled in and not repeat

    def find(self, directory: Path) -> Path:
        """The file in `directory`, compressed (NAME.csv.gz) or not (NAME.csv)."""
        plain = Path(directory) / f"{self.stem}.csv"
        compressed = plain.with_name(f"{plain.name}.gz")
        if plain.exists() and compressed.exists():
            raise UsdaDataError(
                [Problem(str(plain), 0, f"both {plain.name} and {compressed.name}: keep one")]
            )
        if compressed.exists():
            return compressed
        if plain.exists():
            return plain
        raise UsdaDataError([Problem(str(plain), 0, f"no such file (nor {compressed.name})")])


CHECKLIST = UsdaFile(
    "checklist",
    (
        "symbol",
        "scientific_name",
        "common_name",
        "group_name",
        "rank",
        "family",
        "genus",
        "duration",
        "growth_habit",
    ),
    key=("symbol",),
)
DISTRIBUTION = UsdaFile("distribution", ("symbol", "status", "state"), key=("symbol", "status", "state"))
CHARACTERISTICS = UsdaFile(
    "characteristics",
    (
        "symbol",
        "adapted_to_coarse_textured_soils",
        "adapted_to_fine_textured_soils",
        "adapted_to_medium_textured_soils",
        "bloom_period",
        "commercial_availability",
        "drought_tolerance",
        "flower_color",
        "flower_conspicuous",
        "growth_rate",
        "height_mature_feet",
        "leaf_retention",
        "lifespan",
        "moisture_use",
        "ph_maximum",
        "ph_minimum",
        "shade_tolerance",
        "temperature_minimum_f",
        "toxicity",
    ),
    key=("symbol",),
)
# The ranks above a family, from the top down, each with its common name.
CLASSIFICATION_RANKS = (
    "kingdom",
    "subkingdom",
    "superdivision",
    "division",
    "subdivision",
    "class",
    "subclass",
    "order",
)
FAMILIES = UsdaFile(
    "families",
    ("family", "family_authority", "family_common_name")
    + tuple(column for rank in CLASSIFICATION_RANKS for column in (rank, f"{rank}_common_name")),
    key=("family",),
)
GENERA = UsdaFile("genera", ("genus", "genus_authority", "genus_common_name", "family"), key=("genus",))


class _Lines:
    """The decoded lines of a binary stream, and the problems met reading them."""

    def __init__(self, stream, path: str):
        self.stream, self.path = stream, path
        self.number = 0
        self.problems: list[Problem] = []
        self.undecodable: set[int] = set()

    def __iter__(self) -> Iterator[str]:
        try:
            for raw in self.stream:
                self.number += 1
                if not raw.endswith(b"\n"):
                    self._stop(
                        self.number, "the last line stops before its end of line: the file is cut short"
                    )
                yield self._decoded(raw)
        except EOFError:
            self._stop(self.number + 1, "the compressed file is cut short: it ends inside its data")
        except (gzip.BadGzipFile, zlib.error) as error:
            self._stop(self.number + 1, f"the compressed data is damaged ({error})")

    def _stop(self, line: int, message: str):
        raise UsdaDataError([*self.problems, Problem(self.path, line, message)])

    def _decoded(self, raw: bytes) -> str:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            self.undecodable.add(self.number)
            bad = raw[error.start : error.end]
            message = f"bytes that are not UTF-8 at column {error.start + 1}: {bad!r}"
            self.problems.append(Problem(self.path, self.number, message))
            return raw.decode("utf-8", errors="replace")
        return text.removeprefix("\ufeff") if self.number == 1 else text


def _open(path: Path):
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def _column_indexes(header: Sequence[str], usda_file: UsdaFile, path: str) -> dict[str, int]:
    repeated = sorted({column for column in header if header.count(column) > 1})
    missing = [column for column in usda_file.columns if column not in header]
    if repeated or missing:
        problems = [Problem(path, 1, f"the column “{column}” is missing") for column in missing]
        problems += [Problem(path, 1, f"the column “{column}” appears twice") for column in repeated]
        raise UsdaDataError(problems)
    return {column: header.index(column) for column in usda_file.columns}


def _checked(reader, lines: _Lines, header: list[str], usda_file: UsdaFile) -> Iterator[Row]:
    """The rows with the right number of fields and a key of their own; the others are problems."""
    indexes = _column_indexes(header, usda_file, lines.path)
    seen: dict[tuple[str, ...], int] = {}
    for fields in reader:
        if len(lines.problems) >= MAX_PROBLEMS:
            lines.problems.append(
                Problem(lines.path, 0, f"stopped after {MAX_PROBLEMS} problems; fix these first")
            )
            return
        line = reader.line_num
        if line in lines.undecodable:
            continue
        if len(fields) != len(header):
            found = f"{len(fields)} field{'' if len(fields) == 1 else 's'}" if fields else "an empty line"
            lines.problems.append(
                Problem(lines.path, line, f"{found} where the header has {len(header)} columns")
            )
            continue
        row = Row(lines.path, line, {column: fields[index] for column, index in indexes.items()})
        key = tuple(row[column] for column in usda_file.key)
        if not all(key):
            empty = " or ".join(column for column in usda_file.key if not row[column])
            lines.problems.append(row.problem(f"no {empty}"))
        elif key in seen:
            lines.problems.append(row.problem(f"{', '.join(key)} again (first on line {seen[key]})"))
        else:
            seen[key] = line
            yield row


def read(usda_file: UsdaFile, directory: Path | str = DEFAULT_DIR) -> Iterator[Row]:
    """The rows of one USDA file in `directory`; UsdaDataError at the end if any was bad."""
    path = usda_file.find(Path(directory))
    with _open(path) as stream:
        lines = _Lines(stream, str(path))
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader, None)
            if header is None:
                raise UsdaDataError([Problem(lines.path, 0, "the file is empty")])
            yield from _checked(reader, lines, header, usda_file)
        except csv.Error as error:
            problem = Problem(lines.path, reader.line_num, f"not readable as CSV ({error})")
            raise UsdaDataError([*lines.problems, problem]) from error
    if lines.problems:
        raise UsdaDataError(lines.problems)
