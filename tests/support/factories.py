"""Small factories for building plants and taxa in tests.

Each factory is one change on the write path (plants/content.py): its rows
are saved, then each plant's derived columns and page are built once.
"""

import datetime
import itertools

from plants import content
from plants.models import (
    ArticleSection,
    CareTip,
    ConservationStatus,
    DataSource,
    GardenUse,
    NativeRange,
    NativeStatus,
    PlantGardenUse,
    PlantImage,
    PlantProfile,
    PublicationStatus,
    Rank,
    Taxon,
    UsdaRecord,
    Wildlife,
    WildlifeSupport,
)

_counter = itertools.count(1)


def taxon(rank: Rank, name: str, parent: Taxon | None = None, **fields) -> Taxon:
    slug = fields.pop("slug", name.lower().replace(" ", "-").replace(".", ""))
    obj, _ = Taxon.objects.get_or_create(
        rank=rank, scientific_name=name, defaults={"parent": parent, "slug": slug, **fields}
    )
    return obj


def genus_chain(family="Testaceae", genus="Testia") -> Taxon:
    """Kingdom to genus, reusing ranks already made."""
    kingdom = taxon(Rank.KINGDOM, "Plantae", common_name="Plants")
    fam = taxon(Rank.FAMILY, family, kingdom)
    return taxon(Rank.GENUS, genus, fam)


def plant(**fields) -> PlantProfile:
    """One published test plant (a species of `genus`) with a section, a tip, a status and its states."""
    return make_plants(1, **fields)[0]


def make_plants(
    count: int,
    *,
    genus: Taxon | None = None,
    common_name: str | None = None,
    status=PublicationStatus.PUBLISHED,
    zone_min=7,
    zone_max=16,
    states=("CO",),
    uses=(),
    rank_code="",
    usda=None,
    **fields,
) -> list[PlantProfile]:
    """`count` such plants, written in bulk: a few inserts per kind of row, one refresh for them all.

    `usda`, a dict of UsdaRecord fields (traits in the site's words), gives each a USDA PLANTS record.
    """
    genus = genus or genus_chain()
    numbers = [next(_counter) for _ in range(count)]
    garden_uses = [
        GardenUse.objects.get_or_create(slug=use, defaults={"name": use.replace("-", " ").title()})[0]
        for use in uses
    ]
    flags = {"life_cycle_perennial": True, "habit_forb": True, "light_full_sun": True, **fields}
    with content.change() as change:
        species = Taxon.objects.bulk_create(
            Taxon(
                rank=Rank.SPECIES,
                scientific_name=f"{genus.scientific_name} species{n}",
                slug=f"{genus.slug}-species{n}",
                parent=genus,
            )
            for n in numbers
        )
        profiles = PlantProfile.objects.bulk_create(
            PlantProfile(
                taxon=taxon,
                common_name=common_name or f"Test plant {n:05d}",
                slug=f"test-plant-{n}",
                usda_symbol=f"TP{n}",
                usda_group="Dicot",
                title=f"Test plant {n}",
                summary="A test plant.",
                zone_min=zone_min,
                zone_max=zone_max,
                status=status,
                **flags,
            )
            for n, taxon in zip(numbers, species, strict=True)
        )
        ArticleSection.objects.bulk_create(
            ArticleSection(profile=profile, order=1, heading="About", body="Text.") for profile in profiles
        )
        CareTip.objects.bulk_create(
            CareTip(profile=profile, order=1, category="planting", text="Plant it.") for profile in profiles
        )
        NativeStatus.objects.bulk_create(
            NativeStatus(profile=profile, region="L48", status="N") for profile in profiles
        )
        NativeRange.objects.bulk_create(
            NativeRange(profile=profile, state=state) for profile in profiles for state in states
        )
        PlantGardenUse.objects.bulk_create(
            PlantGardenUse(profile=profile, garden_use=garden_use, order=order)
            for profile in profiles
            for order, garden_use in enumerate(garden_uses)
        )
        if rank_code:
            ConservationStatus.objects.bulk_create(
                ConservationStatus(profile=profile, scope="global", rank=rank_code) for profile in profiles
            )
        if usda is not None:
            UsdaRecord.objects.bulk_create(
                UsdaRecord(taxon=taxon, symbol=f"TP{n}", accessed=datetime.date(2026, 11, 20), **usda)
                for n, taxon in zip(numbers, species, strict=True)
            )
        change.profiles(profile.pk for profile in profiles)  # bulk inserts send no signals
    return profiles


# Script that would run if any text reached the page as markup: it sets a sentinel
# the browser tests look for, and opens a dialog.
XSS_CALL = "window.__xss=1;alert(1)"
XSS_PAYLOADS = [
    f"<script>{XSS_CALL}</script>",
    f"<img src=x onerror={XSS_CALL}>",
    f"<iframe src=javascript:{XSS_CALL}></iframe>",
    f'"><svg onload={XSS_CALL}>',
    f"'><svg onload={XSS_CALL}>",
    f"</script><script>{XSS_CALL}</script>",
]
XSS_URL = f"javascript:{XSS_CALL}"
ALL_PAYLOADS = " ".join(XSS_PAYLOADS)


def payload(n: int, label: str = "") -> str:
    """One payload (they are all under 60 characters), for fields with a short max_length."""
    return f"{label} {XSS_PAYLOADS[n % len(XSS_PAYLOADS)]}".strip()


@content.change()
def hostile_plant() -> PlantProfile:
    """A published profile whose every editor-written text is a script-injection attempt.

    Rows are created directly, as a fixture or import could, so form validation
    (URL schemes, rank codes) does not stand in the way.  Slugs and the USDA
    symbol stay valid: they are part of URLs, which the URL patterns check.
    """
    kingdom = taxon(Rank.KINGDOM, "Plantae", common_name="Plants")
    family = taxon(Rank.FAMILY, payload(3, "Hostileaceae"), kingdom, slug="hostileaceae",
                   common_name=payload(1, "family"), authority=payload(0))  # fmt: skip
    genus = taxon(Rank.GENUS, payload(0, "Hostilia"), family, slug="hostilia", common_name=payload(2))
    species = taxon(Rank.SPECIES, payload(4, "Hostilia var."), genus, slug="hostilia-xss",
                    authority=payload(5), common_name=payload(1))  # fmt: skip
    source = DataSource.objects.create(
        key="xss-source", publisher=payload(0, "Publisher"), year=2025, title=payload(3, "Title"),
        url=XSS_URL, accessed=datetime.date(2025, 2, 25), publisher_place=payload(1),
    )  # fmt: skip
    profile = PlantProfile.objects.create(
        taxon=species, common_name=payload(3, "Hostile"), slug="hostile-plant", usda_symbol="XSS1",
        usda_group="Dicot", title=payload(5, "Title"), summary=ALL_PAYLOADS + "\n\n" + ALL_PAYLOADS,
        zone_min=7, zone_max=16, status=PublicationStatus.PUBLISHED, life_cycle_perennial=True,
        habit_forb=True, light_full_sun=True, climate_notes=ALL_PAYLOADS, light_notes=ALL_PAYLOADS,
        soil_notes=ALL_PAYLOADS, water_notes=ALL_PAYLOADS, data_source=source,
    )  # fmt: skip
    blocks = ["", "garden_uses", "growing_conditions", "care_tips", "wildlife"]
    for order, block in enumerate(blocks, start=1):
        ArticleSection.objects.create(
            profile=profile, order=order, heading=payload(order, "Section"), body=ALL_PAYLOADS, shows=block
        )
    for order, text in enumerate(XSS_PAYLOADS + [XSS_URL], start=1):
        CareTip.objects.create(profile=profile, order=order, category="planting", text=text)
    use = GardenUse.objects.create(name=payload(2, "Use"), slug="hostile-use", description=ALL_PAYLOADS)
    PlantGardenUse.objects.create(profile=profile, garden_use=use, order=1, note=payload(1, "Note"))
    wildlife = Wildlife.objects.create(name=payload(0, "Bees"), slug="hostile-bees")
    WildlifeSupport.objects.create(profile=profile, wildlife=wildlife, resource="nectar")
    NativeStatus.objects.create(profile=profile, region="L48", status="N")
    NativeRange.objects.create(profile=profile, state="CO")
    ConservationStatus.objects.create(profile=profile, scope="global", rank="G2", explanation=ALL_PAYLOADS)
    ConservationStatus.objects.create(
        profile=profile, scope="national", region="US", rank=XSS_PAYLOADS[3][:40]
    )
    for order in (1, 2):
        PlantImage.objects.create(
            profile=profile, order=order, image=f"plants/XSS1/photo{order}.jpg", alt_text=payload(order, "Alt"),
            credit=payload(order + 2, "Credit"), licence="CC-BY-4.0", source_url=XSS_URL,
        )  # fmt: skip
    return profile
