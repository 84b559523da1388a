"""The reference article, the littleleaf alumroot, as plants.article_format reads it."""

import datetime

import pytest

from plants.article_format import (
    ArticleWarning,
    CareTipItem,
    DataSourceItem,
    GardenUseItem,
    TaxonItem,
    WildlifeItem,
    parse_article,
    parse_file,
)
from tests.support.files import SEED, SHARED_SEED


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="the shared seed folder is not next to the repository")
def test_copy_matches_the_shared_seed():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()
    assert parse_file(SHARED_SEED) == parse_file(SEED)


def test_seed_header(seed):
    assert seed.common_name == "Littleleaf Alumroot"
    assert seed.scientific_name == "Heuchera parvifolia var. microcarpa"
    assert seed.usda_symbol == "HEPAM2"
    assert seed.life_cycles == ["perennial"]
    assert seed.growth_habits == ["forb"]
    assert seed.native_statuses == [("L48", "N")]


def test_seed_parses_without_warnings(seed):
    assert seed.warnings == []


def test_seed_title_and_summary(seed):
    assert seed.title == "Littleleaf Alumroot: A Rare Gem for Rocky Mountain Gardens"
    assert seed.summary.startswith("If you’re looking for a truly special native plant")
    assert seed.summary.endswith("while supporting local ecosystems.")
    assert "\n" not in seed.summary
    assert "..." not in seed.summary


def test_seed_sections(seed):
    assert [(s.heading, s.shows, s.line) for s in seed.sections] == [
        ("What Makes Littleleaf Alumroot Special?", "", 27),
        ("A True Native with Limited Range", "", 31),
        ("Important Conservation Note", "", 35),
        ("Where Littleleaf Alumroot Shines in Your Garden", "garden_uses", 39),
        ("Growing Conditions and Care", "growing_conditions", 49),
        ("Planting and Care Tips", "care_tips", 61),
        ("Supporting Pollinators and Wildlife", "wildlife", 70),
        ("Should You Grow Littleleaf Alumroot?", "", 74),
    ]


def test_seed_section_bodies_leave_out_structured_lines(seed):
    bodies = {s.heading: s.body for s in seed.sections}
    assert bodies["Where Littleleaf Alumroot Shines in Your Garden"] == "This little charmer is perfect for:"
    assert bodies["Growing Conditions and Care"] == (
        "Littleleaf alumroot is surprisingly adaptable for such a specialized native. "
        "Here’s what it needs to thrive:"
    )
    assert bodies["Planting and Care Tips"] == ""
    assert bodies["What Makes Littleleaf Alumroot Special?"].endswith(
        "supporting native pollinators like small native bees."
    )
    last = bodies["Should You Grow Littleleaf Alumroot?"].split("\n\n")
    assert len(last) == 2
    assert last[0].startswith("If you garden in Colorado, New Mexico")
    assert last[1].startswith("This isn’t a plant for every garden")
    for body in bodies.values():
        assert "•" not in body
        assert "Climate:" not in body and "Light:" not in body


def test_seed_garden_uses(seed):
    assert seed.garden_uses == [
        GardenUseItem("Rock garden", "Rock gardens where its delicate form can nestle between stones"),
        GardenUseItem("Native plant garden", "Native plant gardens celebrating regional flora"),
        GardenUseItem("Alpine planting", "Alpine-style plantings that mimic high-elevation environments"),
        GardenUseItem("Xeriscape", "Xeriscape designs focused on water conservation"),
        GardenUseItem("Ground cover", "Ground cover in partially shaded areas"),
    ]


def test_seed_growing_conditions(seed):
    assert (seed.zone_low, seed.zone_high) == (7, 16)
    assert seed.climate_notes == (
        "Hardy in USDA zones 4-8, this plant can handle both cold winters and warm summers."
    )
    assert seed.light == ["full_sun", "partial_shade"]
    assert seed.light_notes == (
        "Partial shade to full sun, though it appreciates some afternoon shade in hotter climates."
    )
    assert seed.soil_notes == (
        "Well-draining soil is absolutely essential. This mountain native won’t tolerate soggy conditions, "
        "so ensure good drainage to prevent root rot."
    )
    assert seed.water_need == "low"
    assert seed.water_notes == (
        "Once established, littleleaf alumroot is quite drought-tolerant, reflecting its high-elevation "
        "origins where water can be scarce."
    )


def test_seed_care_tips(seed):
    assert seed.care_tips == [
        CareTipItem("planting", "Plant in spring after the last frost when soil is workable"),
        CareTipItem(
            "planting", "Choose a location with excellent drainage – amend heavy soils with gravel or sand"
        ),
        CareTipItem("watering", "Water regularly during the first growing season to help establish roots"),
        CareTipItem("watering", "Once established, water sparingly and only during extended dry periods"),
        CareTipItem("maintenance", "Deadhead spent flowers to encourage continued blooming"),
        CareTipItem("propagation", "Divide clumps every 3-4 years in early spring if desired"),
    ]


def test_seed_wildlife(seed):
    assert seed.wildlife == [
        WildlifeItem("Small native bees", "nectar"),
        WildlifeItem("Tiny pollinators", "nectar"),
    ]


def test_seed_conservation(seed):
    [status] = seed.conservation
    assert (status.scope, status.region, status.rank) == ("subnational", "", "S5T1T3Q")
    assert status.explanation.startswith(
        "Status is uncertain but is somewhere between the following rankings: Uncertain taxonomy: ⚘ "
        "Subspecies or variety is critically Imperiled:"
    )
    assert status.explanation.endswith(
        "⚘ Secure: At very low or no risk of extinction in the jurisdiction due to a very extensive range, "
        "abundant populations or occurrences, with little to no concern from declines or threats. ⚘"
    )
    assert "  " not in status.explanation and "\u00a0" not in status.explanation


def test_seed_native_states_and_group(seed):
    assert seed.native_states == ["CO", "NM"]
    assert seed.usda_group == "Dicot"


def test_seed_classification(seed):
    assert seed.classification == [
        TaxonItem("kingdom", "Plantae", "", "Plants"),
        TaxonItem("subkingdom", "Tracheobionta", "", "Vascular plants"),
        TaxonItem("superdivision", "Spermatophyta", "", "Seed plants"),
        TaxonItem("division", "Magnoliophyta", "", "Flowering plants"),
        TaxonItem("class", "Magnoliopsida", "", "Dicotyledons"),
        TaxonItem("subclass", "Rosidae", "", ""),
        TaxonItem("order", "Rosales", "", ""),
        TaxonItem("family", "Saxifragaceae", "Juss.", "Saxifrage family"),
        TaxonItem("genus", "Heuchera", "L.", "alumroot"),
        TaxonItem("species", "Heuchera parvifolia", "Nutt. ex Torr. & A. Gray", "littleleaf alumroot"),
        TaxonItem("variety", "Heuchera parvifolia var. microcarpa", "", "littleleaf alumroot"),
    ]
    assert "subdivision" not in [taxon.rank for taxon in seed.classification]


def test_seed_data_source(seed):
    assert seed.data_source == DataSourceItem(
        publisher="USDA, NRCS",
        year=2025,
        title="The PLANTS Database",
        url="https://plants.usda.gov",
        accessed=datetime.date(2025, 2, 25),
        publisher_place="National Plant Data Team, Greensboro, NC USA",
        citation="USDA, NRCS 2025. The PLANTS Database. https://plants.usda.gov,. 2/25/2025. "
        "National Plant Data Team, Greensboro, NC USA",
    )


def test_seed_text_and_file_agree(seed, seed_text):
    assert parse_article(seed_text) == seed


def test_windows_line_endings_and_bom_change_nothing(seed, seed_text):
    assert parse_article("\ufeff" + seed_text.replace("\n", "\r\n")) == seed


def test_site_header_is_optional(seed_text):
    article = parse_article(seed_text.replace("North America Native Plant\n\n", "", 1))
    assert article.common_name == "Littleleaf Alumroot"
    assert article.usda_symbol == "HEPAM2"
    assert [s.heading for s in article.sections][0] == "What Makes Littleleaf Alumroot Special?"
    assert article.sections[0].line == 25


def test_teaser_without_ellipsis_and_block_without_heading(seed, seed_text):
    text = seed_text.replace(" brings a ...", " brings a").replace("Classification\n\n", "")
    article = parse_article(text)
    assert article.title == seed.title
    assert article.summary == seed.summary
    assert article.sections == seed.sections
    assert article.classification == seed.classification
    assert article.warnings == [
        ArticleWarning(15, "A long line before the title is taken as the teaser, though it lacks “...”."),
        ArticleWarning(82, "The classification has no “Classification” heading."),
    ]
