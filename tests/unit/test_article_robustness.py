"""Articles written loosely: header variants, prose statuses, unknown values; light and text normalising."""

import pytest

from plants.article_format import (
    ArticleWarning,
    TaxonItem,
    normalise_text,
    parse_article,
    parse_light,
)


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
