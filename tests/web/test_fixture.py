"""The alumroot fixture holds every fact of the seed article."""

import pytest
from django.core.management import call_command

from plants.models import (
    ArticleSection,
    CareTip,
    ConservationStatus,
    FinderChange,
    PlantProfile,
    Rank,
    Taxon,
)
from tests.support.files import SEED

SEED_LINES = [line.replace("\xa0", " ").strip() for line in SEED.read_text(encoding="utf-8").splitlines()]


def seed_field(name: str) -> str:
    prefix = f"{name}: "
    return next(line[len(prefix) :] for line in SEED_LINES if line.startswith(prefix))


def seed_classification() -> list[tuple[str, str]]:
    """(rank, value) pairs from the seed's Classification block; empty ranks skipped."""
    start = SEED_LINES.index("Classification") + 1
    end = next(i for i, line in enumerate(SEED_LINES) if line.startswith("Plant data source:"))
    block = [line for line in SEED_LINES[start:end] if line]
    rank_names = {rank.label for rank in Rank} | {"Group"}
    pairs = []
    for i, line in enumerate(block):
        if line in rank_names and i + 1 < len(block) and block[i + 1] not in rank_names:
            pairs.append((line, block[i + 1]))
    return pairs


@pytest.fixture
def profile(alumroot):
    return alumroot


def test_header_fields(profile):
    assert profile.common_name == SEED_LINES[2] == "Littleleaf Alumroot"
    assert profile.taxon.scientific_name == seed_field("Botanical name")
    assert profile.usda_symbol == seed_field("USDA symbol")
    assert [c.lower() for c in profile.life_cycles] == [seed_field("Life cycle")]
    assert profile.growth_habits == ["Forb/herb"] and seed_field("Habit") == "forb"
    assert [str(s) for s in profile.native_statuses.all()] == [seed_field("Native status")]
    assert profile.native_statuses.get().code == "L48 N"


def test_classification_chain(profile):
    lineage = list(profile.taxon.lineage())
    by_rank = {taxon.rank_label: taxon for taxon in lineage}
    pairs = seed_classification()
    assert ("Group", "Dicot") in pairs and profile.usda_group == "Dicot"
    for rank, value in pairs:
        if rank == "Group":
            continue
        name, _, common = value.partition(" - ")
        taxon = by_rank[rank]
        assert f"{taxon.scientific_name} {taxon.authority}".strip() == name
        assert taxon.common_name == common
    assert "Subdivision" not in by_rank  # empty in the seed: the rank is skipped
    assert lineage[-1] == profile.taxon and profile.taxon.rank == Rank.VARIETY
    assert by_rank["Species"].authority == "Nutt. ex Torr. & A. Gray"


def test_article_sections_and_lists(profile):
    headings = list(profile.sections.values_list("heading", flat=True))
    assert headings == [
        "What Makes Littleleaf Alumroot Special?",
        "A True Native with Limited Range",
        "Important Conservation Note",
        "Where Littleleaf Alumroot Shines in Your Garden",
        "Growing Conditions and Care",
        "Planting and Care Tips",
        "Supporting Pollinators and Wildlife",
        "Should You Grow Littleleaf Alumroot?",
    ]
    assert all(heading in SEED_LINES for heading in headings)
    for section in profile.sections.all():
        for paragraph in filter(None, section.body.split("\n\n")):
            assert paragraph in SEED_LINES
    bullets = [line.lstrip("• ").strip() for line in SEED_LINES if line.startswith("•")]
    uses = [use.note for use in profile.garden_uses.all()]
    tips = list(profile.care_tips.values_list("text", flat=True))
    assert uses + tips == bullets
    assert [u.garden_use.name for u in profile.garden_uses.all()] == [
        "Rock garden", "Native plant garden", "Alpine planting", "Xeriscape", "Ground cover",
    ]  # fmt: skip
    assert list(profile.care_tips.values_list("category", flat=True)) == [
        "planting", "planting", "watering", "watering", "maintenance", "propagation",
    ]  # fmt: skip
    assert profile.title in SEED_LINES and profile.summary in SEED_LINES


def test_growing_conditions(profile):
    assert profile.zone_range == "4–8"
    assert profile.climate_notes == seed_field("Climate")
    assert profile.light_levels == ["Full sun", "Partial shade"]
    assert profile.light_notes == seed_field("Light")
    assert profile.soil_notes == seed_field("Soil")
    assert profile.water_need == "low" and profile.water_notes == seed_field("Water")


def test_conservation_range_wildlife_and_source(profile):
    status = ConservationStatus.objects.get(profile=profile)
    code, explanation = seed_field("Status").split(": ", 1)
    assert status.rank == code == "S5T1T3Q"
    assert status.explanation == " ".join(explanation.split())
    assert status.scope == "subnational" and status.region == ""
    assert "Rare plant alert!" in SEED_LINES and profile.is_rare
    assert [str(r) for r in profile.native_ranges.all()] == ["Colorado", "New Mexico"]
    assert [str(w.wildlife) for w in profile.wildlife_supported.all()] == [
        "Small native bees",
        "Tiny pollinators",
    ]
    source = profile.data_source
    assert seed_field("Plant data source").startswith(f"{source.publisher} {source.year}. {source.title}.")
    assert source.url == "https://plants.usda.gov" and source.accessed.isoformat() == "2025-02-25"
    assert source.publisher_place in seed_field("Plant data source")


def test_loading_twice_changes_nothing(alumroot):
    from django.apps import apps

    def counts():
        models = set(apps.get_app_config("plants").get_models()) - {FinderChange}  # a log: one entry a change
        return {m.__name__: m.objects.count() for m in models}

    before = counts()
    call_command("loaddata", "alumroot", verbosity=0)
    assert counts() == before
    assert PlantProfile.objects.count() == 1 and Taxon.objects.count() == 11
    assert ArticleSection.objects.count() == 8 and CareTip.objects.count() == 6
