"""Synthetic plant profiles in bulk, for benchmarks and development.

`generate_plants N` (plants/management/commands/generate_plants.py) calls
`generate()`.  Profiles get a realistic spread: real families under one
shared chain from Plantae down, invented genera and species with a share of
varieties, zone ranges, light sets, garden uses, wildlife, states, native
statuses, conservation ranks (some rare), sections and care tips.

Everything is written with bulk inserts, in chunks so memory stays flat, and
the derived columns that signals would keep (family, rarity, search text)
are computed here: bulk inserts send no signals.  Every synthetic profile
cites the `synthetic` data source, which is how real content is told apart.
"""

import random
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from plants import natureserve, regions, zones
from plants.changes import content_changed
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
    WaterNeed,
    Wildlife,
    WildlifeSupport,
    flag_field,
)
from plants.models.profile import search_names_for, search_vector_expression
from plants.search import fts_indexed_in_bulk
from plants.search_text import other_names_for, search_text_for

SYNTHETIC_SOURCE_KEY = "synthetic"


def _words(text: str) -> list[str]:
    return text.split()


# Order -> families, as USDA PLANTS places them (Magnoliopsida unless noted).
FAMILIES = {
    "Saxifragales": ["Saxifragaceae", "Crassulaceae", "Grossulariaceae"],
    "Asterales": ["Asteraceae", "Campanulaceae"],
    "Rosales": ["Rosaceae", "Rhamnaceae", "Elaeagnaceae"],
    "Fabales": ["Fabaceae", "Polygalaceae"],
    "Lamiales": ["Lamiaceae", "Plantaginaceae", "Verbenaceae", "Oleaceae", "Orobanchaceae"],
    "Caryophyllales": ["Caryophyllaceae", "Polygonaceae", "Cactaceae", "Amaranthaceae", "Nyctaginaceae"],
    "Ericales": ["Ericaceae", "Primulaceae", "Polemoniaceae"],
    "Ranunculales": ["Ranunculaceae", "Papaveraceae", "Berberidaceae"],
    "Malvales": ["Malvaceae", "Cistaceae"],
    "Solanales": ["Solanaceae", "Convolvulaceae"],
    "Boraginales": ["Boraginaceae", "Hydrophyllaceae"],
    "Gentianales": ["Apocynaceae", "Gentianaceae", "Rubiaceae"],
    "Apiales": ["Apiaceae", "Araliaceae"],
    "Brassicales": ["Brassicaceae", "Capparaceae"],
    "Fagales": ["Fagaceae", "Betulaceae", "Juglandaceae"],
    "Sapindales": ["Sapindaceae", "Anacardiaceae", "Rutaceae"],
    "Myrtales": ["Onagraceae", "Lythraceae"],
    "Malpighiales": ["Salicaceae", "Violaceae", "Euphorbiaceae", "Hypericaceae"],
    "Cornales": ["Cornaceae", "Hydrangeaceae", "Loasaceae"],
    "Dipsacales": ["Caprifoliaceae", "Adoxaceae"],
    "Geraniales": ["Geraniaceae"],
}

_SYLLABLES = _words(
    "ab ac al am an ar as be ca ce ci co da de di do el er fa fe ga ge la le li lo lu ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi"
)
_EPITHETS = _words(
    "alba americana angustifolia arida borealis californica canadensis cordata densa divaricata "
    "elegans floribunda fremontii glabra glauca gracilis grandiflora hirsuta humilis lanceolata "
    "latifolia longifolia macrophylla minor montana nana nevadensis nuttallii occidentalis ovata "
    "parviflora parvifolia pauciflora pilosa procumbens pubescens pulchella pumila purpurea ramosa "
    "repens rigida rosea rubra rupestris sessilifolia speciosa stricta tenuis texana tomentosa "
    "uniflora utahensis variabilis villosa virginiana viridis"
)
_VARIETY_EPITHETS = _words("microcarpa minor major glabrata pallida robusta alpina typica nivea compacta")
_COMMON_WORDS = _words(
    "Alumroot Aster Beardtongue Bluebell Buckwheat Checkermallow Cinquefoil Coneflower Fleabane "
    "Globemallow Goldenrod Lupine Milkvetch Paintbrush Penstemon Phlox Sage Sandwort Stonecrop "
    "Sunflower Violet Wild-rye Yarrow Currant Ceanothus Manzanita Sumac Willow Oak"
)
_COMMON_PREFIXES = _words(
    "Littleleaf Desert Mountain Prairie Canyon Rocky Scarlet Golden Silver Dwarf Western Meadow "
    "Woolly Showy Sticky Hairy Sand Foothill Alpine Plains"
)
_GARDEN_USES = [
    "Rock garden",
    "Native plant garden",
    "Alpine planting",
    "Xeriscape",
    "Ground cover",
    "Pollinator garden",
    "Rain garden",
    "Woodland garden",
    "Meadow",
    "Container",
    "Hedgerow",
    "Erosion control",
]
_WILDLIFE = [
    "Small native bees",
    "Bumblebees",
    "Butterflies",
    "Hummingbirds",
    "Songbirds",
    "Moths",
    "Small mammals",
]
_SENTENCES = [
    "It grows in rocky places, on ledges and in crevices where water drains away quickly.",
    "Small flowers rise above a low mound of leaves from late spring into summer.",
    "Once established it needs little water and no fertiliser.",
    "Plant it where it gets morning sun and some shelter from the hottest afternoons.",
    "Seed germinates best after a cold, moist winter outdoors.",
    "Bees visit the flowers through the summer; birds take the seed in autumn.",
    "Cut back old flower stems after they fade to keep the plant tidy.",
    "It spreads slowly by short rhizomes and can be divided in early spring.",
    "Avoid heavy clay that stays wet in winter, which rots the crown.",
    "The leaves turn red or bronze in cold weather and stay on through winter.",
]
_SECTION_HEADINGS = [
    ("Description", ""),
    ("Garden uses", ArticleSection.Block.GARDEN_USES),
    ("Growing conditions", ArticleSection.Block.GROWING_CONDITIONS),
    ("Planting and care", ArticleSection.Block.CARE_TIPS),
    ("Wildlife", ArticleSection.Block.WILDLIFE),
]
# Mostly secure ranks, with a rare tail, as in the real flora.
_GLOBAL_RANKS = ["G5"] * 24 + ["G4"] * 6 + ["G4G5", "G3", "G3?", "G2G3", "G2", "G1", "GNR", "GU"]
_STATE_RANKS = ["S5"] * 30 + ["S4"] * 15 + ["S3", "S2", "S1", "S3S4", "SNR", "S2B,S4N", "SU"]
_T_RANKS = ["5"] * 5 + ["4"] * 3 + ["3", "2", "1", "2T3"]
_HABITS = [choice.value for choice in GrowthHabit]
_LIFE_CYCLES = LifeCycle.values
_CARE_CATEGORIES = CareTip.Category.values
_WATER_NEEDS = WaterNeed.values
_SOILS = ["Well-drained, rocky or gravelly soil.", "Sandy loam.", "Moist, rich soil."]
_PUBLISHED, _DRAFT = PublicationStatus.PUBLISHED.value, PublicationStatus.DRAFT.value
_PROFILE_COLUMNS = [
    "id",
    "taxon",
    "family",
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

    def __init__(self, seed: int = 1):
        self.random = random.Random(seed)
        self.taxon_names = set(Taxon.objects.values_list("rank", "scientific_name"))
        self.taxon_slugs = set(Taxon.objects.values_list("slug", flat=True))
        self.symbols = set(PlantProfile.objects.values_list("usda_symbol", flat=True))
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
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return slug

    def _genus_name(self) -> str:
        while True:
            parts = self.random.randint(2, 3)
            name = "".join(self.random.choice(_SYLLABLES) for _ in range(parts)).capitalize()
            name += self.random.choice(["ia", "a", "um", "is", "ella"])
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
        for order_name, family_names in FAMILIES.items():
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
        _insert_taxa(genera)

        species, leaves = [], []  # leaves: (taxon, genus, epithet) for each profile to write
        while len(leaves) < count:
            genus = rnd.choice(genera)
            epithet = rnd.choice(_EPITHETS)
            name = f"{genus.scientific_name} {epithet}"
            if (Rank.SPECIES, name) in self.taxon_names:
                continue
            taxon = self._taxon(
                Rank.SPECIES,
                name,
                genus,
                authority=rnd.choice(["Nutt.", "A. Gray", "Torr.", "(Pursh) DC.", "Greene"]),
            )
            species.append(taxon)
            leaves.append((taxon, genus, epithet))
        _insert_taxa(species)

        varieties = []
        for index, (taxon, genus, epithet) in enumerate(leaves):
            if rnd.random() < 0.15:
                name = f"{taxon.scientific_name} var. {rnd.choice(_VARIETY_EPITHETS)}"
                if (Rank.VARIETY, name) in self.taxon_names:
                    continue
                variety = self._taxon(Rank.VARIETY, name, taxon, authority="Rydb.")
                varieties.append(variety)
                leaves[index] = (variety, genus, epithet)
        _insert_taxa(varieties)

        now = connection.ops.adapt_datetimefield_value(timezone.now())
        profile_ids, profile_rows, parts = [], [], []
        for taxon, genus, epithet in leaves:
            common = f"{rnd.choice(_COMMON_PREFIXES)} {rnd.choice(_COMMON_WORDS)}"
            family = genus.parent
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
            global_rank = rnd.choice(_GLOBAL_RANKS)
            if taxon.rank == Rank.VARIETY:
                global_rank = f"{global_rank}T{rnd.choice(_T_RANKS)}"
            state_rank = rnd.choice(_STATE_RANKS)
            infraspecific = taxon.rank > Rank.SPECIES
            is_rare = any(
                natureserve.decode(code, infraspecific=infraspecific).is_rare
                for code in (global_rank, state_rank)
            )
            title = f"{common}: a native plant for {rnd.choice(['dry', 'rocky', 'sunny', 'shady', 'wild'])} gardens"
            summary = self._paragraph(2)
            symbol = self._symbol(genus.scientific_name, epithet)
            soil = rnd.choice(_SOILS)
            # Built as PlantProfile.refresh_derived() builds them (a test holds them equal).
            lineage = [family, genus] + ([taxon.parent] if taxon.rank == Rank.VARIETY else []) + [taxon]
            search_names = search_names_for(common, taxon, symbol, lineage)
            search_text = search_text_for(
                title,
                summary,
                [(heading, body) for heading, _, body in sections],
                [text for _, text in tips],
                ["" for _ in chosen_uses],  # synthetic garden uses carry no note
                ["", "", soil, ""],
            )
            profile_id = self._new_id(PlantProfile)
            profile = {
                "id": profile_id,
                "taxon": taxon.pk,
                "family": family.pk,
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
                "is_rare": is_rare,
                "search_names": search_names,
                "search_other_names": other_names_for(common, taxon, symbol),
                "search_text": search_text,
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
            parts.append((sections, tips, chosen_uses, chosen_wildlife, states, global_rank, state_rank))
        with fts_indexed_in_bulk():
            _insert(PlantProfile, _PROFILE_COLUMNS, profile_rows)

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
            _insert(model, columns, values)

    def _paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.random.sample(_SENTENCES, k=sentences))


def _insert(model, fields: tuple[str, ...], rows: list[tuple]) -> None:
    meta = model._meta
    columns = ", ".join(connection.ops.quote_name(meta.get_field(name).column) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {meta.db_table} ({columns}) VALUES ({placeholders})", rows)


def _insert_taxa(taxa: list[Taxon]) -> None:
    columns = ("id", "rank", "scientific_name", "authority", "common_name", "slug", "parent")
    _insert(
        Taxon,
        columns,
        [(t.pk, t.rank, t.scientific_name, t.authority, t.common_name, t.slug, t.parent_id) for t in taxa],
    )


def has_real_content() -> bool:
    """True when the database holds any profile that this module did not make."""
    return PlantProfile.objects.exclude(data_source__key=SYNTHETIC_SOURCE_KEY).exists()


def generate(count: int, *, seed: int = 1, chunk_size: int = 5000, progress=None) -> int:
    """Add `count` synthetic profiles; returns how many were written."""
    generator = Generator(seed)
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
        for name in _GARDEN_USES
    ]
    wildlife = [
        Wildlife.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0] for name in _WILDLIFE
    ]
    families = generator.families()
    written = 0
    with _large_page_cache():
        while written < count:
            size = min(chunk_size, count - written)
            with transaction.atomic():
                generator.write_chunk(size, families, source, uses, wildlife)
            written += size
            if progress:
                progress(written)
    if connection.vendor == "postgresql":
        _fill_search_vectors(source)
        # Ids were given out here; move the sequences past them.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Taxon, PlantProfile]):
                cursor.execute(statement)
    with connection.cursor() as cursor:
        # Fresh statistics, or the query planners guess at the new tables (SQLite
        # badly); on PostgreSQL, VACUUM also marks the pages all-visible, which
        # index-only scans need. VACUUM cannot run inside a transaction (a
        # test's, say); ANALYZE alone still can.
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    content_changed()
    return written


@contextmanager
def _large_page_cache():
    """On SQLite, a 256 MB page cache for this connection while generating.

    FTS5 merges its index segments through the page cache; with SQLite's
    default 2 MB the merges reread and rewrite the same pages from the file
    system, which took a third of the run as system time.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute("PRAGMA cache_size = -262144")  # negative: KiB
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def _fill_search_vectors(source: DataSource) -> None:
    # One UPDATE for all rows, from the columns just written, weighted as refresh_derived() does.
    PlantProfile.objects.filter(data_source=source, search_vector__isnull=True).update(
        search_vector=search_vector_expression(models.F("search_names"), models.F("search_text"))
    )
