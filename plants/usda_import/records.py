"""USDA's own rows of an import: the data source, one UsdaRecord per taxon and its places.

These hold USDA's values as the files give them (traits in the site's words),
so a changed file rewrites them in place; only the rows that differ are written.
"""

from __future__ import annotations

import datetime

from plants import vocabulary
from plants.models import DataSource, UsdaPlace, UsdaRecord
from plants.usda import traits
from plants.usda.records import TaxonRecord

from .taxonomy import taxon_key

# The copy in fixtures/usda/ (its README): the checklist, distribution and characteristics as
# committed on 2026-03-18, cited as USDA asks.
SOURCE = {
    "key": "usda-plants-2026-03-18",
    "publisher": "USDA, NRCS",
    "year": 2026,
    "title": "The PLANTS Database",
    "url": "https://plants.usda.gov",
    "accessed": datetime.date(2026, 3, 18),
    "publisher_place": "National Plant Data Team, Greensboro, NC USA",
}
TRAIT_FIELDS = (
    "has_characteristics", "temperature_minimum_f", "cold_limit", "light", "water_need", "bloom_period",
    "flower_color", "showy", "height_feet", "growth_rate", "evergreen", "soil_textures", "ph_minimum",
    "ph_maximum", "toxicity", "lifespan", "availability",
)  # fmt: skip
# Numbers and yes-or-no traits: None when USDA does not say (text traits are "").
_NULLABLE = {
    "temperature_minimum_f", "cold_limit", "showy", "height_feet", "evergreen", "ph_minimum", "ph_maximum",
}  # fmt: skip
FIELDS = ("taxon_id", "common_name", "group", "duration", "growth_habit", "accessed", *TRAIT_FIELDS)
# Symbols listed by name in the summary when the checklist no longer has them.
LISTED = 20


def data_source(summary) -> DataSource:
    source, created = DataSource.objects.get_or_create(key=SOURCE["key"], defaults=SOURCE)
    summary.count("data sources", created=int(created), unchanged=int(not created))
    return source


def _in_order(values, order) -> str:
    return ",".join(value for value in order if value in values)


def trait_values(found: traits.Traits | None) -> dict:
    """The trait columns of a UsdaRecord for a taxon's characteristics (None: USDA has none)."""
    if found is None:
        return {field: None if field in _NULLABLE else "" for field in TRAIT_FIELDS} | {
            "has_characteristics": False
        }
    return {
        "has_characteristics": True,
        "temperature_minimum_f": found.temperature_minimum_f,
        "cold_limit": found.zone_min,
        "light": _in_order(found.light, vocabulary.LIGHT_LEVELS),
        "water_need": found.water_need or "",
        "bloom_period": found.bloom_period,
        "flower_color": found.flower_color or "",
        "showy": found.showy,
        "height_feet": found.height_feet,
        "growth_rate": found.growth_rate or "",
        "evergreen": found.evergreen,
        "soil_textures": _in_order(
            found.soil_textures, [value for value, _ in traits.SOIL_TEXTURES.values()]
        ),
        "ph_minimum": found.ph_minimum,
        "ph_maximum": found.ph_maximum,
        "toxicity": found.toxicity or "",
        "lifespan": found.lifespan or "",
        "availability": found.availability or "",
    }


def write(tree, records: list[TaxonRecord], accessed, summary, change, bar) -> dict[str, tuple[int, bool]]:
    """Write each taxon's record and places; returns per symbol its record's id and whether it changed."""
    existing = {row["symbol"]: row for row in UsdaRecord.objects.values("pk", "symbol", *FIELDS)}
    wanted = {}
    for record in records:
        taxon_id = tree[taxon_key(record)]
        values = {
            "taxon_id": taxon_id,
            "common_name": record.common_name,
            "group": record.group or "",
            "duration": record.duration,
            "growth_habit": record.growth_habit,
            "accessed": accessed,
            **trait_values(record.traits),
        }
        wanted[record.symbol] = (record, values)
    new, changed = [], []
    for symbol, (_, values) in bar(wanted.items(), "USDA records", len(wanted)):
        row = existing.get(symbol)
        if row is None:
            new.append(UsdaRecord(symbol=symbol, **values))
        elif any(row[field] != value for field, value in values.items()):
            changed.append(UsdaRecord(pk=row["pk"], symbol=symbol, **values))
    UsdaRecord.objects.bulk_create(new, batch_size=1000)
    UsdaRecord.objects.bulk_update(changed, FIELDS, batch_size=500)
    summary.count(
        "USDA records",
        created=len(new),
        updated=len(changed),
        unchanged=len(wanted) - len(new) - len(changed),
    )
    ids = dict(UsdaRecord.objects.filter(symbol__in=list(wanted)).values_list("symbol", "pk"))
    touched = {record.symbol for record in new} | {record.symbol for record in changed}
    touched |= _write_places(ids, wanted, summary)
    gone = sorted(set(existing) - set(wanted))
    if gone:
        listed = ", ".join(gone[:LISTED]) + (" …" if len(gone) > LISTED else "")
        summary.notes.append(f"{len(gone):,} USDA records not in this checklist, kept: {listed}")
    if touched:
        change.something()
    return {symbol: (ids[symbol], symbol in touched) for symbol in wanted}


def _write_places(ids: dict[str, int], wanted, summary) -> set[str]:
    """Insert the places missing and delete those no longer listed; returns the symbols whose places changed."""
    symbol_of = {pk: symbol for symbol, pk in ids.items()}
    existing = {
        (record_id, place, status): pk
        for pk, record_id, place, status in UsdaPlace.objects.values_list(
            "pk", "record_id", "place", "status"
        )
    }
    listed = {
        (ids[symbol], place, status)
        for symbol, (record, _) in wanted.items()
        for places, status in (
            (record.native_places, UsdaPlace.Status.NATIVE),
            (record.introduced_places, UsdaPlace.Status.INTRODUCED),
        )
        for place in places
    }
    new = listed - existing.keys()
    # Only the places of records in this run: a record gone from the checklist keeps its own.
    old = {key for key in existing.keys() - listed if key[0] in symbol_of}
    UsdaPlace.objects.bulk_create(
        [UsdaPlace(record_id=record_id, place=place, status=status) for record_id, place, status in new],
        batch_size=2000,
    )
    old_ids = [existing[key] for key in old]
    for start in range(0, len(old_ids), 500):
        UsdaPlace.objects.filter(pk__in=old_ids[start : start + 500]).delete()
    summary.count("places", created=len(new), unchanged=len(listed) - len(new))
    if old:
        summary.notes.append(f"{len(old):,} places no longer listed, removed from USDA's records")
    return {symbol_of[key[0]] for key in new | old}
