"""The shipped USDA PLANTS files, and small copies of them for tests to break."""

import gzip
from pathlib import Path

from plants.usda.files import DEFAULT_DIR

from .files import BASE_DIR

USDA_DIR = DEFAULT_DIR
# The workplace's input copy, beside the repository where it is checked out there.
SHARED_USDA_DIR = BASE_DIR.parent / "shared" / "data" / "usda-plants"
STEMS = ("checklist", "distribution", "characteristics", "families", "genera")


def shipped_bytes(stem: str) -> bytes:
    """A shipped file's content, decompressed."""
    return gzip.decompress((USDA_DIR / f"{stem}.csv.gz").read_bytes())


def shipped_lines(stem: str, count: int) -> list[bytes]:
    """The header and the first `count` data lines of a shipped file, each with its end of line."""
    return shipped_bytes(stem).splitlines(keepends=True)[: count + 1]


def write_slice(directory: Path, stem: str, count: int = 20, compressed: bool = False) -> Path:
    """The header and first `count` rows of a shipped file, written to `directory`."""
    data = b"".join(shipped_lines(stem, count))
    path = directory / (f"{stem}.csv.gz" if compressed else f"{stem}.csv")
    path.write_bytes(gzip.compress(data, mtime=0) if compressed else data)
    return path


def write_slices(directory: Path, count: int = 20, compressed: bool = False) -> Path:
    """A directory of small copies of all five files."""
    for stem in STEMS:
        write_slice(directory, stem, count, compressed)
    return directory


def write_subset(directory: Path, symbols, edit=None) -> Path:
    """The shipped files cut down to the rows of `symbols` (families and genera whole).

    `edit`, if given, is called with each file's stem and its list of lines, to break them.
    """
    keep = tuple(f"{symbol},".encode() for symbol in symbols)
    for stem in STEMS:
        lines = shipped_bytes(stem).splitlines(keepends=True)
        if stem in ("checklist", "distribution", "characteristics"):
            lines = lines[:1] + [line for line in lines[1:] if line.startswith(keep)]
        if edit:
            edit(stem, lines)
        (directory / f"{stem}.csv").write_bytes(b"".join(lines))
    return directory
