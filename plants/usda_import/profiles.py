"""A profile for each native taxon of a USDA PLANTS import; an existing one only gains what it lacks.

A new profile is published at once with what USDA records: its common name
(else its scientific name), symbol, group, life cycles and habits, light and
water need from the characteristics, the cold limit as its coldest zone (USDA
gives no warm limit, so the warmest stays empty), a title and summary built
from the data (plants.usda.profile_text), its native statuses by USDA region
and its native range. A profile that exists (an editor's, or a previous
run's) keeps every value it has: only empty fields, flag groups with no flag
set, and statuses or ranges it has none of are filled.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.text import slugify

from plants.models import FLAG_COLUMNS, NativeRange, NativeStatus, PlantProfile, PublicationStatus
from plants.slugs import unique_slug
from plants.usda import profile_text
from plants.usda.records import TaxonRecord

from .taxonomy import taxon_key

FILLED_FIELDS = ("usda_group", "water_need", "zone_min", "title", "summary", "data_source_id")
FLAG_GROUPS = ("life_cycle", "habit", "light")


def wanted_values(record: TaxonRecord, source_id: int) -> dict:
    """The fields of a new profile for this record, as USDA gives them."""
    scientific_name = record.name.taxon.name
    name = profile_text.common_name(record.common_name, scientific_name)
    found = record.traits
    flags = {"life_cycle": record.life_cycles, "habit": record.habits, "light": found.light if found else ()}
    return {
        "common_name": name,
        "usda_group": record.group or "",
        "water_need": (found.water_need if found else None) or "",
        "zone_min": found.zone_min if found else None,
        "title": profile_text.title(name, scientific_name),
        "summary": profile_text.summary(
            name, scientific_name, record.life_cycles, record.habits, record.native_places
        ),
        "data_source_id": source_id,
        **{column: value in flags[group] for column, (group, value) in FLAG_COLUMNS.items()},
    }


def _filled(row: dict, wanted: dict) -> dict:
    """The values an existing profile gains: only where it has none."""
    gained = {field: wanted[field] for field in FILLED_FIELDS if row[field] in ("", None) and wanted[field]}
    if "zone_min" in gained and row["zone_max"] is not None:
        del gained["zone_min"]  # an editor's warm limit without a cold one: theirs to complete
    for group in FLAG_GROUPS:
        columns = [column for column, (flag_group, _) in FLAG_COLUMNS.items() if flag_group == group]
        if not any(row[column] for column in columns) and any(wanted[column] for column in columns):
            gained.update({column: wanted[column] for column in columns})
    return gained


def _slug(name: str, symbol: str, used: set[str]) -> str:
    return unique_slug(slugify(name)[:180] or slugify(symbol), used, qualifier=symbol.lower())


def write(tree, usda, records: list[TaxonRecord], source, summary, change, bar) -> None:
    columns = ("pk", "taxon_id", "usda_symbol", "slug", "zone_max", *FILLED_FIELDS, *FLAG_COLUMNS)
    existing = list(PlantProfile.objects.values(*columns))
    by_taxon = {row["taxon_id"]: row for row in existing}
    by_symbol = {row["usda_symbol"]: row for row in existing}
    used_slugs = {row["slug"] for row in existing}
    new, gaining, unchanged, page_only, matched = [], [], 0, [], {}
    last_pk = max((row["pk"] for row in existing), default=0)
    natives = [record for record in records if record.is_native and record.symbol in usda]
    for record in bar(natives, "profiles", len(natives)):
        taxon_id = tree[taxon_key(record)]
        wanted = wanted_values(record, source.pk)
        row = by_taxon.get(taxon_id) or by_symbol.get(record.symbol)
        if row is None:
            slug = _slug(wanted["common_name"], record.symbol, used_slugs)
            new.append(
                PlantProfile(
                    taxon_id=taxon_id,
                    usda_symbol=record.symbol,
                    slug=slug,
                    status=PublicationStatus.PUBLISHED,
                    **wanted,
                )
            )
            continue
        matched[record.symbol] = row["pk"]
        gained = _filled(row, wanted)
        if gained:
            gaining.append(PlantProfile(**(row | gained)))
        else:
            unchanged += 1
            if usda[record.symbol][1]:
                page_only.append(row["pk"])  # its page shows USDA's changed values
    PlantProfile.objects.bulk_create(new, batch_size=1000)
    now = timezone.now()
    fields = sorted({field for profile in gaining for field in FILLED_FIELDS + tuple(FLAG_COLUMNS)})
    for profile in gaining:
        profile.updated_at = now
    if gaining:
        PlantProfile.objects.bulk_update(gaining, [*fields, "updated_at"], batch_size=500)
    summary.count("profiles", created=len(new), updated=len(gaining), unchanged=unchanged)
    # Each native's profile: the one it was matched to, or the one just made with its symbol.
    made = dict(PlantProfile.objects.filter(pk__gt=last_pk).values_list("usda_symbol", "pk")) if new else {}
    ids = matched | {record.symbol: made[record.symbol] for record in natives if record.symbol in made}
    written = set(made.values()) | {profile.pk for profile in gaining}
    written |= _write_places(natives, ids, summary)
    # Noted only when there is something: noting nothing still counts as a change.
    if written:
        change.profiles(written)
    if page_only:
        change.profiles(page_only, derived_changed=False)


def _write_places(natives: list[TaxonRecord], ids: dict[str, int], summary) -> set[int]:
    """Native statuses and range for the profiles that have none; returns the ids of those given some."""
    with_statuses = set(NativeStatus.objects.values_list("profile_id", flat=True).distinct())
    with_range = set(NativeRange.objects.values_list("profile_id", flat=True).distinct())
    statuses, ranges = [], []
    for record in natives:
        pk = ids[record.symbol]
        if pk not in with_statuses:
            found = profile_text.native_statuses(record.native_places, record.introduced_places)
            statuses += [
                NativeStatus(profile_id=pk, region=region, status=status) for region, status in found.items()
            ]
        if pk not in with_range:
            ranges += [
                NativeRange(profile_id=pk, state=state)
                for state in profile_text.native_range(record.native_places)
            ]
    NativeStatus.objects.bulk_create(statuses, batch_size=2000)
    NativeRange.objects.bulk_create(ranges, batch_size=2000)
    summary.count("native statuses", created=len(statuses))
    summary.count("native ranges", created=len(ranges))
    return {status.profile_id for status in statuses} | {place.profile_id for place in ranges}
