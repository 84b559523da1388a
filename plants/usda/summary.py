"""What an import run did, per kind of row: read, created, updated, unchanged, skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

COUNTS = ("read", "created", "updated", "unchanged", "skipped")


@dataclass
class Tally:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    def __str__(self) -> str:
        return ", ".join(f"{getattr(self, count):,} {count}" for count in COUNTS)


@dataclass
class Summary:
    """Tallies by kind ("taxa", "profiles"...), in the order they were first counted, and notes."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def __getitem__(self, kind: str) -> Tally:
        return self.tallies.setdefault(kind, Tally())

    def count(self, kind: str, *, created: int = 0, updated: int = 0, unchanged: int = 0) -> None:
        """Rows of one kind written: each created, updated or unchanged one was also read."""
        tally = self[kind]
        tally.created += created
        tally.updated += updated
        tally.unchanged += unchanged
        tally.read += created + updated + unchanged

    @property
    def changed(self) -> bool:
        return any(tally.created or tally.updated for tally in self.tallies.values())

    def lines(self) -> list[str]:
        return [f"{kind}: {tally}" for kind, tally in self.tallies.items()] + self.notes
