"""Tests for plants.article_format, the plain-text article reader (no Django needed)."""

import dataclasses
import datetime

import pytest

from plants.article_format import (
    ArticleFormatError,
    ArticleWarning,
    CareTipItem,
    ConservationItem,
    DataSourceItem,
    GardenUseItem,
    TaxonItem,
    WildlifeItem,
    normalise_text,
    parse_article,
    parse_file,
    parse_light,
)
from tests.support.files import ARTICLES, SEED, SHARED_SEED


@pytest.fixture(scope="module")
def seed():
    return parse_file(SEED)


@pytest.fixture(scope="module")
def seed_text():
    return SEED.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# The reference article


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


# ---------------------------------------------------------------------------
# Other articles


def test_serviceberry_two_habits_half_zones_and_two_ranks():
    article = parse_file(ARTICLES / "saskatoon-serviceberry.txt")
    assert article.common_name == "Saskatoon Serviceberry"
    assert article.scientific_name == "Amelanchier alnifolia"
    assert article.usda_symbol == "AMAL2"
    assert article.life_cycles == ["perennial"]
    assert article.growth_habits == ["shrub", "tree"]
    assert article.native_statuses == [("L48", "N"), ("AK", "N"), ("CAN", "N")]
    assert article.title == "Saskatoon Serviceberry: Spring Blossoms and Summer Berries for the West"
    assert article.summary.split("\n\n")[1].startswith("In fall the foliage turns")
    assert (article.zone_low, article.zone_high) == (4, 13)  # 2b-7a
    assert article.light == ["full_sun", "partial_shade"]
    assert article.water_need == "medium"
    assert [c.rank for c in article.conservation] == ["G5", "N5"]
    assert [(c.scope, c.region) for c in article.conservation] == [("global", ""), ("national", "US")]
    assert [(s.heading, s.shows) for s in article.sections] == [
        ("What Is Saskatoon Serviceberry?", ""),
        ("Native Range", ""),
        ("Where Saskatoon Serviceberry Fits in Your Landscape", "garden_uses"),
        ("Growing Conditions", "growing_conditions"),
        ("Planting and Care Tips", "care_tips"),
        ("Benefits for Wildlife", "wildlife"),
        ("Is Saskatoon Serviceberry Right for You?", ""),
    ]
    assert [use.name for use in article.garden_uses] == [
        "Hedge",
        "Woodland garden",
        "Erosion control",
        "Edible Landscapes",
        "Wildlife Gardens",
    ]
    assert article.garden_uses[3].note == "Edible landscapes with its sweet, blueberry-like fruit"
    assert [tip.category for tip in article.care_tips] == [
        "planting",
        "watering",
        "maintenance",
        "maintenance",
        "propagation",
    ]
    assert article.wildlife == [
        WildlifeItem("Birds", "fruit"),
        WildlifeItem("Native bees", "nectar"),
        WildlifeItem("Butterflies", "nectar"),
        WildlifeItem("Songbirds", "fruit"),
        WildlifeItem("Small mammals", "shelter"),
        WildlifeItem("Caterpillars", "foliage"),
    ]
    assert article.native_states == [
        "AK", "WA", "OR", "CA", "ID", "MT", "WY", "CO", "UT", "MN", "BC", "AB", "SK", "MB", "ON", "YT",
    ]  # fmt: skip
    assert article.classification[-1] == TaxonItem(
        "species", "Amelanchier alnifolia", "(Nutt.) Nutt. ex M. Roem.", "Saskatoon serviceberry"
    )
    assert [t.rank for t in article.classification][:5] == [
        "kingdom",
        "subkingdom",
        "superdivision",
        "division",
        "class",
    ]
    assert article.data_source.accessed == datetime.date(2025, 3, 4)
    assert article.warnings == [
        ArticleWarning(46, "Garden use “Edible Landscapes” is not in the vocabulary."),
        ArticleWarning(47, "Garden use “Wildlife Gardens” is not in the vocabulary."),
    ]


def test_redbud_reordered_header_missing_fields_and_unknown_field():
    article = parse_file(ARTICLES / "eastern-redbud.txt")
    assert article.common_name == "Eastern Redbud"
    assert article.scientific_name == "Cercis canadensis"
    assert article.usda_symbol == "CECA4"
    assert article.growth_habits == ["tree"]
    assert article.life_cycles == []
    assert article.native_statuses == []
    assert article.conservation == []
    assert article.title == "Eastern Redbud: The Pink Herald of Spring"
    assert article.summary.startswith("Few sights say spring like an eastern redbud")
    assert (article.zone_low, article.zone_high) == (8, 17)  # 4b-9a
    assert article.light == ["full_sun", "partial_shade"]
    assert article.light_notes == "Full sun to partial shade"
    assert article.water_need == "medium"
    assert article.native_states == ["NY", "MI", "FL", "TX", "OK", "NE"]
    assert article.usda_group == ""
    assert [t.rank for t in article.classification] == [
        "kingdom",
        "division",
        "class",
        "order",
        "family",
        "genus",
        "species",
    ]
    assert [s.shows for s in article.sections] == [
        "",
        "",
        "garden_uses",
        "growing_conditions",
        "care_tips",
        "wildlife",
    ]
    assert article.garden_uses[-1] == GardenUseItem(
        "Specimen Plantings", "Specimen plantings near a patio or entry"
    )
    assert [tip.category for tip in article.care_tips] == ["planting", "maintenance", "maintenance"]
    assert article.wildlife == [WildlifeItem("Bumblebees", "nectar"), WildlifeItem("Pollinators", "nectar")]
    assert article.data_source.accessed == datetime.date(2025, 3, 1)
    assert article.warnings == [
        ArticleWarning(9, "Unknown header field “Bloom time” is ignored."),
        ArticleWarning(11, "The header has no “Life cycle:” line."),
        ArticleWarning(11, "The header has no “Native status:” line."),
        ArticleWarning(31, "Garden use “Specimen Plantings” is not in the vocabulary."),
        ArticleWarning(55, "The classification has no “Group”."),
    ]


def test_oconee_bells_global_and_state_ranks():
    article = parse_file(ARTICLES / "oconee-bells.txt")
    assert article.usda_symbol == "SHGA"
    assert article.growth_habits == ["forb", "subshrub"]
    assert article.conservation == [
        ConservationItem(
            "global",
            "",
            "G3G4",
            "Vulnerable to apparently secure: At moderate to fairly low risk of extinction due to a "
            "restricted range or recent widespread declines.",
        ),
        ConservationItem(
            "subnational",
            "NC",
            "S3",
            "Vulnerable: At moderate risk of extinction in the state due to a restricted range and "
            "relatively few populations.",
        ),
    ]
    assert (article.zone_low, article.zone_high) == (10, 15)  # "5b to 8a"
    assert article.light == ["partial_shade", "full_shade"]
    assert article.water_need == "medium"
    assert article.native_states == ["NC", "SC", "GA"]
    assert [use.name for use in article.garden_uses] == ["Shade garden", "Woodland garden", "Container"]
    assert [tip.category for tip in article.care_tips] == [
        "planting",
        "maintenance",
        "watering",
        "propagation",
    ]
    assert article.wildlife == [WildlifeItem("Bees", "pollen"), WildlifeItem("Small insects", "shelter")]
    # A species-level profile adds no taxon of its own.
    assert article.classification[-1] == TaxonItem(
        "species", "Shortia galacifolia", "Torr. & A. Gray", "oconee bells"
    )
    assert article.warnings == []


# ---------------------------------------------------------------------------
# Malformed articles


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("malformed-missing-symbol.txt", 11, "The header has no “USDA symbol:” line; it is required."),
        ("malformed-bad-date.txt", 129, "Invalid access date “2/30/2025” in the data source: "),
    ],
)
def test_malformed_articles(name, line, message):
    path = ARTICLES / name
    with pytest.raises(ArticleFormatError) as caught:
        parse_file(path)
    assert caught.value.line == line
    assert caught.value.message.startswith(message)
    assert str(caught.value).startswith(f"{path}:{line}: {message}")


def test_bad_zone_is_an_error_at_its_line():
    path = ARTICLES / "malformed-bad-zone.txt"
    with pytest.raises(ArticleFormatError) as caught:
        parse_file(path)
    assert caught.value.line == 53
    assert str(caught.value).startswith(f"{path}:53: Invalid USDA hardiness zones “15-20”: ")
    with pytest.raises(ArticleFormatError, match=r"^53: Invalid USDA hardiness zones “15-20”: "):
        parse_article(path.read_text(encoding="utf-8"))


def test_error_str_without_path():
    error = ArticleFormatError(7, "Something is wrong.")
    assert isinstance(error, ValueError)
    assert (error.line, error.message, str(error)) == (7, "Something is wrong.", "7: Something is wrong.")


def test_warning_is_a_value_with_its_line():
    warning = ArticleWarning(7, "Something to check: here.")
    assert (warning.line, warning.message, str(warning)) == (
        7,
        "Something to check: here.",
        "7: Something to check: here.",
    )
    assert (
        warning
        == ArticleWarning(7, "Something to check: here.")
        != ArticleWarning(8, "Something to check: here.")
    )
    assert len({warning, ArticleWarning(7, "Something to check: here.")}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        warning.line = 8


@pytest.mark.parametrize("text", ["", "\n\n", "  \u00a0 \n\t\n"])
def test_empty_article(text):
    with pytest.raises(ArticleFormatError) as caught:
        parse_article(text)
    assert str(caught.value) == "1: The article is empty."


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ArticleFormatError, match=r"empty\.txt:1: The article is empty\.$"):
        parse_file(path)


def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("North America Native Plant\n\nCafé\n".encode("latin-1"))
    with pytest.raises(ArticleFormatError, match=r"latin1\.txt:3: The file is not UTF-8 text\.$"):
        parse_file(path)


def test_missing_botanical_name_is_an_error_where_the_header_ends(seed_text):
    text = seed_text.replace("Botanical name: Heuchera parvifolia var. microcarpa\n\n", "")
    with pytest.raises(ArticleFormatError) as caught:
        parse_article(text)
    assert str(caught.value) == "11: The header has no “Botanical name:” line; it is required."


def test_header_with_no_fields_is_an_error_at_line_1():
    with pytest.raises(ArticleFormatError) as caught:
        parse_article(
            "Littleleaf Alumroot\n\nA Title\n\nSome introduction text that goes on for a while here.\n"
        )
    assert str(caught.value) == "1: The header has no “Botanical name:” line; it is required."


def test_empty_and_invalid_symbols(seed_text):
    with pytest.raises(ArticleFormatError, match=r"^7: “USDA symbol:” is empty; it is required\.$"):
        parse_article(seed_text.replace("USDA symbol: HEPAM2", "USDA symbol:"))
    with pytest.raises(ArticleFormatError, match=r"^7: “hepam 2” is not a USDA symbol"):
        parse_article(seed_text.replace("USDA symbol: HEPAM2", "USDA symbol: hepam 2"))


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("25/2/2025", "129: Invalid access date “25/2/2025” in the data source: month must be in 1..12."),
        (
            "Feb-25th-2025",
            "129: Malformed access date “Feb-25th-2025” in the data source (expected M/D/YYYY).",
        ),
        ("", "129: The data source has no access date after the URL (expected M/D/YYYY)."),
    ],
)
def test_bad_access_dates(seed_text, date, message):
    text = seed_text.replace("2/25/2025. ", f"{date}. " if date else "")
    with pytest.raises(ArticleFormatError) as caught:
        parse_article(text)
    assert str(caught.value) == message


def test_article_without_title():
    text = "North America Native Plant\n\nAlumroot\n\nBotanical name: Heuchera\n\nUSDA symbol: HEUCH\n"
    with pytest.raises(ArticleFormatError, match=r"^7: The article has no title line after the header\.$"):
        parse_article(text)


# ---------------------------------------------------------------------------
# Robustness


def test_variants_of_header_values(seed_text):
    text = (
        seed_text.replace("Life cycle: perennial", "Life cycle: Annual, Biennial")
        .replace("Habit: forb", "Habit: Forb/herb, Graminoid, Vine")
        .replace("Native to the lower 48 states\u00a0\u00a0", "L48 (N), CAN (N), HI (I)")
    )
    article = parse_article(text)
    assert article.life_cycles == ["annual", "biennial"]
    assert article.growth_habits == ["forb", "graminoid", "vine"]
    assert article.native_statuses == [("L48", "N"), ("CAN", "N"), ("HI", "I")]
    assert article.warnings == []


def test_native_status_in_prose(seed_text):
    text = seed_text.replace(
        "Native to the lower 48 states\u00a0\u00a0",
        "Native to the lower 48 states, Alaska and Canada; introduced to Hawaii and Puerto Rico",
    )
    article = parse_article(text)
    assert article.native_statuses == [("L48", "N"), ("AK", "N"), ("CAN", "N"), ("HI", "I"), ("PR", "I")]


def test_unknown_header_values_are_warnings(seed_text):
    text = seed_text.replace("Habit: forb", "Habit: Forb, Cactus").replace(
        "Native to the lower 48 states\u00a0\u00a0", "Widespread"
    )
    article = parse_article(text)
    assert article.growth_habits == ["forb"]
    assert article.native_statuses == []
    assert article.warnings == [
        ArticleWarning(11, "Unknown growth habit “cactus” is ignored."),
        ArticleWarning(13, "Could not read a USDA region and status from “Widespread”."),
    ]


def test_subspecies_profile_gets_its_own_taxon(seed_text):
    text = seed_text.replace(
        "Botanical name: Heuchera parvifolia var. microcarpa",
        "Botanical name: Heuchera parvifolia ssp. microcarpa (Rydb.) Rosend.",
    )
    article = parse_article(text)
    assert article.scientific_name == "Heuchera parvifolia ssp. microcarpa (Rydb.) Rosend."
    assert article.classification[-1] == TaxonItem(
        "subspecies", "Heuchera parvifolia ssp. microcarpa", "(Rydb.) Rosend.", "littleleaf alumroot"
    )


def test_state_region_on_a_status(seed_text):
    text = seed_text.replace("Region: Conservation status by state", "Region: Colorado")
    [status] = parse_article(text).conservation
    assert (status.scope, status.region, status.rank) == ("subnational", "CO", "S5T1T3Q")


def test_global_rank_under_a_state_region_uses_the_rank(seed_text):
    text = seed_text.replace("Status: S5T1T3Q:", "Status: G5T1T3Q:")
    article = parse_article(text)
    [status] = article.conservation
    assert (status.scope, status.region) == ("global", "")
    assert article.warnings == [
        ArticleWarning(
            21,
            "Rank G5T1T3Q is a global rank but the region line says subnational; "
            "the rank's global scope is used.",
        )
    ]


def test_status_without_a_rank_is_a_warning(seed_text):
    text = seed_text.replace("Status: S5T1T3Q: Status is uncertain", "Status: Rare: Status is uncertain")
    article = parse_article(text)
    assert article.conservation == []
    assert article.warnings == [
        ArticleWarning(21, "“Rare” is not a NatureServe rank; the status is ignored.")
    ]


def test_bullets_in_a_plain_section_stay_in_its_text(seed_text):
    text = seed_text.replace(
        "home. It’s adapted",
        "home.\n\n  • Colorado foothills\n  • New Mexico mountains\n\nIt’s adapted",
    )
    article = parse_article(text)
    section = article.sections[1]
    assert section.shows == ""
    assert section.body.split("\n\n")[1] == "• Colorado foothills\n• New Mexico mountains"
    assert article.warnings == [
        ArticleWarning(35, "Bullets in section “A True Native with Limited Range” are kept in its text.")
    ]


def test_zone_range_outside_climate_line_is_used_with_a_warning(seed_text):
    text = seed_text.replace("Hardy in USDA zones 4-8, this", "This").replace(
        "in similar climates.", "in similar climates, from zone 4b to zone 8."
    )
    article = parse_article(text)
    assert (article.zone_low, article.zone_high) == (8, 16)
    assert article.warnings == [
        ArticleWarning(53, "No USDA hardiness zones (e.g. “zones 4-8”) in the climate line."),
        ArticleWarning(31, "Hardiness zones taken from the article text, not a “Climate:” line."),
    ]
    assert (
        ArticleWarning(53, "No USDA hardiness zones (e.g. “zones 4-8”) in the climate line.")
        in article.warnings
    )


def test_missing_data_source_and_classification_are_warnings(seed_text):
    text = seed_text.split("\nLittleleaf Alumroot\n\nClassification")[0]
    article = parse_article(text)
    assert article.data_source is None
    assert article.classification == [
        TaxonItem("variety", "Heuchera parvifolia var. microcarpa", "", ""),
    ]
    assert article.sections[-1].heading == "Should You Grow Littleleaf Alumroot?"
    assert article.warnings == [
        ArticleWarning(78, "The article has no “Classification” block."),
        ArticleWarning(78, "The article has no “Plant data source:” line."),
    ]


# ---------------------------------------------------------------------------
# parse_light and normalise_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Full sun", ["full_sun"]),
        ("Shade", ["full_shade"]),
        ("Partial shade", ["partial_shade"]),
        ("Part sun", ["partial_shade"]),
        (
            "Partial shade to full sun, though it appreciates some afternoon shade",
            ["full_sun", "partial_shade"],
        ),
        ("Full sun to full shade", ["full_sun", "partial_shade", "full_shade"]),
        ("Full shade – full sun", ["full_sun", "partial_shade", "full_shade"]),
        ("Full sun or full shade", ["full_sun", "full_shade"]),
        ("Sun to part shade", ["full_sun", "partial_shade"]),
        ("Dappled shade beneath trees", ["partial_shade"]),
        ("Deep shade", ["full_shade"]),
        ("Anywhere at all", []),
        ("", []),
    ],
)
def test_parse_light(text, expected):
    assert parse_light(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Native to the lower 48 states\u00a0\u00a0", "Native to the lower 48 states"),
        ("a\u00a0\u00a0b   c\t d", "a b c d"),
        ("  • Rock gardens  ", " • Rock gardens"),
        ("You’re “here” – ⚘ …", "You’re “here” – ⚘ …"),
        ("one  \r\ntwo \n\nthree", "one\ntwo\n\nthree"),
        ("\ufeffzero\u200bwidth", "zerowidth"),
        ("", ""),
    ],
)
def test_normalise_text(text, expected):
    assert normalise_text(text) == expected
