"""The generator: seeded choices of taxa, names, traits and prose, written a chunk at a time.

Everything is written with bulk inserts (plants/synthetic/bulk.py), in chunks
so memory stays flat, as one change on the write path (plants/content.py),
which fills the derived columns (family, rarity, search text) at its end.
Every synthetic profile cites the `synthetic` data source, which is how real
content is told apart.
"""

import random

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from plants import content, db_maintenance, regions, zones
from plants.models import (
    FLAG_COLUMNS,
    ArticleSection,
    CareTip,
    ConservationStatus,
    DataSource,
    GardenUse,
    GrowthHabit,
    LifeCycle,
    NativeRange,
    NativeStatus,
    PlantGardenUse,
    PlantProfile,
    PublicationStatus,
    Rank,
    Taxon,
    UsdaGroup,
    UsdaRecord,
    WaterNeed,
    Wildlife,
    WildlifeSupport,
    flag_field,
)
from plants.search import fts_indexed_in_bulk
from plants.slugs import unique_slug

from . import words
from .bulk import insert_rows, insert_taxa, large_page_cache
from .usda import RecordMaker

SYNTHETIC_SOURCE_KEY = "synthetic"


_SECTION_HEADINGS = [
    ("Description", ""),
    ("Garden uses", ArticleSection.Block.GARDEN_USES),
    ("Growing conditions", ArticleSection.Block.GROWING_CONDITIONS),
    ("Planting and care", ArticleSection.Block.CARE_TIPS),
    ("Wildlife", ArticleSection.Block.WILDLIFE),
]
_HABITS = [choice.value for choice in GrowthHabit]
_LIFE_CYCLES = LifeCycle.values
_CARE_CATEGORIES = CareTip.Category.values
_WATER_NEEDS = WaterNeed.values
_PUBLISHED, _DRAFT = PublicationStatus.PUBLISHED.value, PublicationStatus.DRAFT.value
_PROFILE_COLUMNS = [
    "id",
    "taxon",
    "common_name",
    "slug",
    "usda_symbol",
    "usda_group",
    "title",
    "summary",
    "zone_min",
    "zone_max",
    "climate_notes",
    "light_notes",
    "soil_notes",
    "water_need",
    "water_notes",
    "is_rare",
    "search_names",
    "search_other_names",
    "search_text",
    "data_source",
    "status",
    "created_at",
    "updated_at",
] + list(FLAG_COLUMNS)
_USDA_GROUPS = [UsdaGroup.DICOT] * 8 + [UsdaGroup.MONOCOT] * 2


class Generator:
    """Writes synthetic profiles; deterministic for a given seed and starting database."""

    def __init__(self, seed: int = 1, accessed=None):
        self.random = random.Random(seed)
        # USDA's records draw from a generator of their own: a seed's profiles stay as they were.
        accessed = connection.ops.adapt_datefield_value(accessed or timezone.now().date())
        self.records = RecordMaker(random.Random(f"usda-{seed}"), accessed)
        self.taxon_names = set(Taxon.objects.values_list("rank", "scientific_name"))
        self.taxon_slugs = set(Taxon.objects.values_list("slug", flat=True))
        # A symbol is a record's too (an imported taxon without a profile has one).
        self.symbols = set(PlantProfile.objects.values_list("usda_symbol", flat=True))
        self.symbols |= set(UsdaRecord.objects.values_list("symbol", flat=True))
        self.slugs = set(PlantProfile.objects.values_list("slug", flat=True))
        self.symbol_counter = 0
        # Ids are given out here rather than by the database, so a chunk's rows
        # can refer to each other without reading anything back.
        self.next_id = {}

    def _new_id(self, model) -> int:
        if model not in self.next_id:
            self.next_id[model] = (model.objects.aggregate(models.Max("pk"))["pk__max"] or 0) + 1
        self.next_id[model] += 1
        return self.next_id[model] - 1

    # --- names -----------------------------------------------------------

    def _unique_slug(self, base: str, taken: set) -> str:
        return unique_slug(base, taken)

    def _genus_name(self) -> str:
        while True:
            parts = self.random.randint(2, 3)
            name = "".join(self.random.choice(words.SYLLABLES) for _ in range(parts)).capitalize()
            name += self.random.choice(words.GENUS_ENDINGS)
            if (Rank.GENUS, name) not in self.taxon_names:
                return name

    def _symbol(self, genus: str, epithet: str) -> str:
        base = (genus[:2] + epithet[:2]).upper()
        while True:
            self.symbol_counter += 1
            symbol = f"{base}{self.symbol_counter}"[:8]
            if symbol not in self.symbols:
                self.symbols.add(symbol)
                return symbol

    def _taxon(self, rank, name, parent, **fields) -> Taxon:
        key = (rank, name)
        self.taxon_names.add(key)
        slug = self._unique_slug(slugify(name.replace(" var. ", " ")), self.taxon_slugs)
        return Taxon(
            id=self._new_id(Taxon), rank=rank, scientific_name=name, parent=parent, slug=slug, **fields
        )

    # --- the tree above genus ---------------------------------------------

    def families(self) -> list[Taxon]:
        """Plantae down to the families, reusing any that exist (the alumroot fixture's)."""
        chain = [
            (Rank.KINGDOM, "Plantae", "Plants"),
            (Rank.SUBKINGDOM, "Tracheobionta", "Vascular plants"),
            (Rank.SUPERDIVISION, "Spermatophyta", "Seed plants"),
            (Rank.DIVISION, "Magnoliophyta", "Flowering plants"),
            (Rank.CLASS, "Magnoliopsida", "Dicotyledons"),
        ]
        parent = None
        for rank, name, common in chain:
            parent = self._get_or_create(rank, name, parent, common_name=common)
        klass = parent
        families = []
        for order_name, family_names in words.FAMILIES.items():
            order = self._get_or_create(Rank.ORDER, order_name, klass)
            families += [self._get_or_create(Rank.FAMILY, name, order) for name in family_names]
        return families

    def _get_or_create(self, rank, name, parent, **fields) -> Taxon:
        existing = Taxon.objects.filter(rank=rank, scientific_name=name).first()
        if existing:
            return existing
        self.taxon_names.add((rank, name))
        slug = self._unique_slug(slugify(name), self.taxon_slugs)
        taxon = Taxon.objects.create(rank=rank, scientific_name=name, parent=parent, slug=slug, **fields)
        return taxon

    # --- one chunk ----------------------------------------------------------

    def write_chunk(self, count: int, families: list[Taxon], source: DataSource, uses, wildlife) -> None:
        rnd = self.random
        genera = []
        for _ in range(max(1, count // 8)):
            genera.append(self._taxon(Rank.GENUS, self._genus_name(), rnd.choice(families)))
        insert_taxa(genera)

        species, leaves = [], []  # leaves: (taxon, genus, epithet) for each profile to write
        while len(leaves) < count:
            genus = rnd.choice(genera)
            epithet = rnd.choice(words.EPITHETS)
            name = f"{genus.scientific_name} {epithet}"
            if (Rank.SPECIES, name) in self.taxon_names:
                continue
            taxon = self._taxon(
                Rank.SPECIES,
                name,
                genus,
                authority=rnd.choice(words.SPECIES_AUTHORITIES),
            )
            species.append(taxon)
            leaves.append((taxon, genus, epithet))
        insert_taxa(species)

        varieties = []
        for index, (taxon, genus, epithet) in enumerate(leaves):
            if rnd.random() < 0.15:
                name = f"{taxon.scientific_name} var. {rnd.choice(words.VARIETY_EPITHETS)}"
                if (Rank.VARIETY, name) in self.taxon_names:
                    continue
                variety = self._taxon(Rank.VARIETY, name, taxon, authority=words.VARIETY_AUTHORITY)
                varieties.append(variety)
                leaves[index] = (variety, genus, epithet)
        insert_taxa(varieties)

        now = connection.ops.adapt_datetimefield_value(timezone.now())
        profile_ids, profile_rows, parts = [], [], []
        for taxon, genus, epithet in leaves:
            common = f"{rnd.choice(words.COMMON_PREFIXES)} {rnd.choice(words.COMMON_WORDS)}"
            zone_min = rnd.randint(zones.MIN_ORDINAL, 18)
            zone_max = min(zones.MAX_ORDINAL, zone_min + rnd.randint(2, 10))
            light = rnd.choice([(1, 0, 0), (1, 1, 0), (0, 1, 0), (0, 1, 1), (0, 0, 1), (1, 1, 1)])
            habits = set(rnd.sample(_HABITS[:1] * 5 + _HABITS, k=rnd.choice([1, 1, 2])))
            cycle = rnd.choice([(0, 0, 1)] * 6 + [(1, 0, 0), (0, 1, 1), (1, 0, 1)])
            sections = [
                (heading, shows, self._paragraph())
                for heading, shows in _SECTION_HEADINGS[: rnd.randint(2, 5)]
            ]
            tips = [(rnd.choice(_CARE_CATEGORIES), self._paragraph(1)) for _ in range(rnd.randint(1, 4))]
            chosen_uses = rnd.sample(uses, k=rnd.randint(1, 3))
            chosen_wildlife = rnd.sample(wildlife, k=rnd.randint(0, 2))
            states = rnd.sample(sorted(regions.US_STATES), k=rnd.randint(1, 8))
            global_rank = rnd.choice(words.GLOBAL_RANKS)
            if taxon.rank == Rank.VARIETY:
                global_rank = f"{global_rank}T{rnd.choice(words.T_RANKS)}"
            state_rank = rnd.choice(words.STATE_RANKS)
            title = f"{common}: a native plant for {rnd.choice(words.GARDEN_KINDS)} gardens"
            summary = self._paragraph(2)
            symbol = self._symbol(genus.scientific_name, epithet)
            soil = rnd.choice(words.SOILS)
            profile_id = self._new_id(PlantProfile)
            profile = {
                "id": profile_id,
                "taxon": taxon.pk,
                "common_name": common,
                "slug": self._unique_slug(slugify(f"{common} {taxon.scientific_name}"), self.slugs),
                "usda_symbol": symbol,
                "usda_group": rnd.choice(_USDA_GROUPS),
                "title": title,
                "summary": summary,
                "zone_min": zone_min,
                "zone_max": zone_max,
                "climate_notes": "",
                "light_full_sun": bool(light[0]),
                "light_partial_shade": bool(light[1]),
                "light_full_shade": bool(light[2]),
                "light_notes": "",
                "soil_notes": soil,
                "water_need": rnd.choice(_WATER_NEEDS),
                "water_notes": "",
                # Derived: the write path fills them when the run ends.
                "is_rare": False,
                "search_names": "",
                "search_other_names": "",
                "search_text": "",
                "data_source": source.pk,
                "status": _PUBLISHED if rnd.random() < 0.95 else _DRAFT,
                "created_at": now,
                "updated_at": now,
            }
            for flag in FLAG_COLUMNS:
                profile.setdefault(flag, False)
            for habit in habits:
                profile[flag_field("habit", habit)] = True
            for value, flag in zip(_LIFE_CYCLES, cycle, strict=True):
                profile[flag_field("life_cycle", value)] = bool(flag)
            profile_ids.append(profile_id)
            profile_rows.append(tuple(profile[column] for column in _PROFILE_COLUMNS))
            self.records.add(self._new_id(UsdaRecord), profile, states)
            parts.append((sections, tips, chosen_uses, chosen_wildlife, states, global_rank, state_rank))
        with fts_indexed_in_bulk():
            insert_rows(PlantProfile, _PROFILE_COLUMNS, profile_rows)

        # The ~15 rows per profile go in as plain tuples: building model
        # instances for them would take most of the run.
        rows = {
            (ArticleSection, ("profile", "order", "heading", "body", "shows")): [],
            (CareTip, ("profile", "order", "category", "text")): [],
            (PlantGardenUse, ("profile", "garden_use", "order", "note")): [],
            (WildlifeSupport, ("profile", "wildlife", "resource")): [],
            (NativeStatus, ("profile", "region", "status")): [],
            (NativeRange, ("profile", "state")): [],
            (ConservationStatus, ("profile", "scope", "region", "rank", "explanation")): [],
        }
        sections_rows, tips_rows, uses_rows, wildlife_rows, status_rows, range_rows, rank_rows = rows.values()
        for pk, (sections, tips, chosen_uses, chosen_wildlife, states, global_rank, state_rank) in zip(
            profile_ids, parts, strict=True
        ):
            sections_rows += [(pk, n, h, b, s) for n, (h, s, b) in enumerate(sections, 1)]
            tips_rows += [(pk, n, c, t) for n, (c, t) in enumerate(tips, 1)]
            uses_rows += [(pk, use.pk, n, "") for n, use in enumerate(chosen_uses)]
            wildlife_rows += [(pk, w.pk, rnd.choice(["nectar", "pollen", "seeds"])) for w in chosen_wildlife]
            status_rows.append((pk, "L48", "N"))
            range_rows += [(pk, state) for state in states]
            rank_rows += [
                (pk, ConservationStatus.Scope.GLOBAL.value, "", global_rank, ""),
                (pk, ConservationStatus.Scope.SUBNATIONAL.value, states[0], state_rank, ""),
            ]
        for (model, columns), values in rows.items():
            insert_rows(model, columns, values)
        self.records.write()

    def _paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.random.sample(words.SENTENCES, k=sentences))


def has_real_content() -> bool:
    """True when the database holds any profile that this module did not make."""
    return PlantProfile.objects.exclude(data_source__key=SYNTHETIC_SOURCE_KEY).exists()


def generate(count: int, *, seed: int = 1, chunk_size: int = 5000, progress=None) -> int:
    """Add `count` synthetic profiles; returns how many were written."""
    source, _ = DataSource.objects.get_or_create(
        key=SYNTHETIC_SOURCE_KEY,
        defaults={
            "publisher": "Native Plants",
            "year": timezone.now().year,
            "title": "Synthetic benchmark data (not real plants)",
            "url": "https://example.org/synthetic",
            "accessed": timezone.now().date(),
        },
    )
    uses = [
        GardenUse.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in words.GARDEN_USES
    ]
    wildlife = [
        Wildlife.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in words.WILDLIFE
    ]
    generator = Generator(seed, accessed=source.accessed)
    families = generator.families()
    written = 0
    before = PlantProfile.objects.aggregate(last=models.Max("pk"))["last"] or 0
    # One change for the run: bulk inserts send no signals, so the new profiles are noted
    # and the write path fills their derived columns (and drops any stale pages) once, at the end.
    with content.change() as change, large_page_cache():
        while written < count:
            size = min(chunk_size, count - written)
            with transaction.atomic():
                generator.write_chunk(size, families, source, uses, wildlife)
            written += size
            if progress:
                progress(written)
        if connection.vendor == "postgresql":
            # Ids were given out here; move the sequences past them.
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(
                    no_style(), [Taxon, PlantProfile, UsdaRecord]
                ):
                    cursor.execute(statement)
        change.profiles(PlantProfile.objects.filter(pk__gt=before).values_list("pk", flat=True))
    db_maintenance.refresh_statistics()
    return written
