"""The taxonomy of a USDA PLANTS import: every checklist taxon under its chain, matched by rank and name.

Kingdom down to order come from families.csv; a family whose chain is not
recorded there hangs under the ranks all of its group's recorded families
share (down to the class), else under the kingdom Plantae, and is marked
`classification_incomplete`. Then the genus (its authority from genera.csv),
the species and any subspecies, variety or forma, each with its authority as
USDA writes it. An existing taxon (an editor's, or a previous run's) is reused
and only gains an authority or common name it lacks; it is never moved.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from plants.models import Rank, Taxon
from plants.slugs import unique_slug
from plants.usda.records import Flora, TaxonRecord
from plants.usda.records import Rank as UsdaRank

# Where a family hangs when not even its group's class is known.
KINGDOM = UsdaRank("kingdom", "Plantae", "Plants")
UPDATED_FIELDS = ("authority", "common_name", "classification_incomplete")

Key = tuple[int, str]  # (rank, scientific name): how taxa are matched


@dataclass
class Wanted:
    """A taxon as the files give it."""

    authority: str
    common_name: str
    parent: Key | None
    classification_incomplete: bool = False


def taxon_key(record: TaxonRecord) -> Key:
    """The key of the record's own taxon."""
    return (int(Rank.from_name(record.rank)), record.name.taxon.name)


def chain(flora: Flora, record: TaxonRecord) -> list[tuple[Key, Wanted]]:
    """The record's taxa from the kingdom down to its own, each with what the files say of it."""
    family = record.family
    above = family.above or flora.shared_classification(record.group or "") or (KINGDOM,)
    nodes = [(rank.rank, rank.name, "", rank.common_name) for rank in above]
    nodes.append(("family", family.name, family.authority, family.common_name))
    nodes.append(("genus", record.genus.name, record.genus.authority, record.genus.common_name))
    for level in record.name.levels:
        own = level is record.name.taxon
        nodes.append((level.rank, level.name, level.authority, record.common_name if own else ""))
    found, parent = [], None
    for rank, name, authority, common_name in nodes:
        key = (int(Rank.from_name(rank)), name)
        incomplete = rank == "family" and not family.is_classified
        found.append((key, Wanted(authority, common_name, parent, incomplete)))
        parent = key
    return found


def wanted_taxa(flora: Flora, records: list[TaxonRecord]) -> dict[Key, Wanted]:
    """Every taxon the records need, each once; a later mention fills what an earlier one left empty."""
    wanted: dict[Key, Wanted] = {}
    for record in records:
        for key, taxon in chain(flora, record):
            seen = wanted.setdefault(key, taxon)
            seen.authority = seen.authority or taxon.authority
            seen.common_name = seen.common_name or taxon.common_name
    return wanted


def _slug(name: str, rank: int, used: set[str]) -> str:
    return unique_slug(slugify(name)[:180] or "taxon", used, qualifier=Rank(rank).name.lower())


def write(flora: Flora, records: list[TaxonRecord], summary, change, bar) -> dict[Key, int]:
    """Create the taxa missing, fill the empty fields of those there; returns each taxon's id by key."""
    wanted = wanted_taxa(flora, records)
    existing = {
        (taxon.rank, taxon.scientific_name): taxon
        for taxon in Taxon.objects.only("id", "rank", "scientific_name", "slug", *UPDATED_FIELDS)
    }
    ids = {key: taxon.pk for key, taxon in existing.items()}
    used_slugs = {taxon.slug for taxon in existing.values()}
    changed = []
    for key, taxon in wanted.items():
        if key not in existing:
            continue
        row = existing[key]
        new = (
            row.authority or taxon.authority,
            row.common_name or taxon.common_name,
            taxon.classification_incomplete,
        )
        if new != tuple(getattr(row, field) for field in UPDATED_FIELDS):
            row.authority, row.common_name, row.classification_incomplete = new
            changed.append(row)
    Taxon.objects.bulk_update(changed, UPDATED_FIELDS, batch_size=500)
    if changed:
        change.taxa([row.pk for row in changed])
    created = 0
    # Rank by rank from the top, so that every parent has its id before its children are made.
    for rank in sorted({key[0] for key in wanted}):
        new = [
            Taxon(
                rank=rank,
                scientific_name=name,
                authority=taxon.authority,
                common_name=taxon.common_name,
                slug=_slug(name, rank, used_slugs),
                parent_id=ids[taxon.parent] if taxon.parent else None,
                classification_incomplete=taxon.classification_incomplete,
            )
            for (key_rank, name), taxon in wanted.items()
            if key_rank == rank and (key_rank, name) not in ids
        ]
        if not new:
            continue
        Taxon.objects.bulk_create(bar(new, f"taxa: {Rank(rank).label.lower()}", len(new)), batch_size=1000)
        created += len(new)
        ids.update(
            ((rank, name), pk)
            for name, pk in Taxon.objects.filter(rank=rank).values_list("scientific_name", "pk")
        )
    if created:
        change.something()
    summary.count(
        "taxa", created=created, updated=len(changed), unchanged=len(wanted) - created - len(changed)
    )
    return ids
