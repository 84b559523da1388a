"""Other real articles: two habits, half zones, reordered headers, global and state ranks."""

import datetime

from plants.article_format import (
    ArticleWarning,
    ConservationItem,
    GardenUseItem,
    TaxonItem,
    WildlifeItem,
    parse_file,
)
from tests.support.files import ARTICLES


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
