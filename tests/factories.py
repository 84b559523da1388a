"""Small factories for building plants and taxa in tests."""

import itertools

from plants.models import (
    ArticleSection,
    CareTip,
    ConservationStatus,
    GardenUse,
    NativeRange,
    NativeStatus,
    PlantGardenUse,
    PlantProfile,
    PublicationStatus,
    Rank,
    Taxon,
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


def plant(
    *,
    genus: Taxon | None = None,
    common_name: str | None = None,
    status=PublicationStatus.PUBLISHED,
    zone_min=7,
    zone_max=16,
    states=("CO",),
    uses=(),
    rank_code="",
    **fields,
) -> PlantProfile:
    n = next(_counter)
    genus = genus or genus_chain()
    species = taxon(Rank.SPECIES, f"{genus.scientific_name} species{n}", genus)
    profile = PlantProfile.objects.create(
        taxon=species,
        common_name=common_name or f"Test plant {n:05d}",
        slug=f"test-plant-{n}",
        usda_symbol=f"TP{n}",
        usda_group="Dicot",
        title=f"Test plant {n}",
        summary="A test plant.",
        zone_min=zone_min,
        zone_max=zone_max,
        status=status,
        **{"life_cycle_perennial": True, "habit_forb": True, "light_full_sun": True, **fields},
    )
    ArticleSection.objects.create(profile=profile, order=1, heading="About", body="Text.")
    CareTip.objects.create(profile=profile, order=1, category="planting", text="Plant it.")
    NativeStatus.objects.create(profile=profile, region="L48", status="N")
    for state in states:
        NativeRange.objects.create(profile=profile, state=state)
    for order, use in enumerate(uses):
        garden_use, _ = GardenUse.objects.get_or_create(
            slug=use, defaults={"name": use.replace("-", " ").title()}
        )
        PlantGardenUse.objects.create(profile=profile, garden_use=garden_use, order=order)
    if rank_code:
        ConservationStatus.objects.create(profile=profile, scope="global", rank=rank_code)
    return profile


def make_plants(count: int, **fields) -> list[PlantProfile]:
    return [plant(**fields) for _ in range(count)]
