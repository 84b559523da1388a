"""USDA's words for traits mapped to the site's, on every word the shipped files use."""

import pytest

from plants import zones
from plants.models.profile import GrowthHabit, LifeCycle, Light, UsdaGroup, WaterNeed
from plants.usda import files, traits
from plants.usda.traits import TraitError


@pytest.fixture(scope="module")
def characteristics():
    return list(files.read(files.CHARACTERISTICS))


@pytest.fixture(scope="module")
def checklist():
    return list(files.read(files.CHECKLIST))


def distinct(rows, column):
    return sorted({row[column] for row in rows})


def listed(rows, column):
    """The distinct words of a comma-separated column."""
    return sorted({word.strip() for row in rows for word in row[column].split(",") if word.strip()})


# Terms tables: the column each maps, with the words the shipped files use, each word's value.
TERMS = [
    (traits.FLOWER_COLORS, {"Yellow": "yellow", "White": "white", "Blue": "blue", "Orange": "orange"}),
    (traits.GROWTH_RATES, {"Slow": "slow", "Moderate": "moderate", "Rapid": "fast"}),
    (traits.TOXICITY, {"None": "none", "Slight": "slight", "Moderate": "moderate", "Severe": "severe"}),
    (traits.LIFESPANS, {"Short": "short", "Moderate": "moderate", "Long": "long"}),
    (
        traits.AVAILABILITY,
        {
            "Routinely Available": "routinely_available",
            "Contracting Only": "contracting_only",
            "Field Collections Only": "field_collections_only",
            "No Known Source": "no_known_source",
        },
    ),
]


@pytest.mark.parametrize(("terms", "examples"), TERMS, ids=[terms.column for terms, _ in TERMS])
def test_every_word_of_a_characteristics_column_maps(characteristics, terms, examples):
    words = distinct(characteristics, terms.column)
    assert "" in words  # a missing value, which maps to none
    assert terms.value("") is None
    for word in words[1:]:
        assert terms.value(word) in dict(terms.choices), word
    for word, value in examples.items():
        assert terms.value(word) == value


def test_toxicity_none_is_known_not_toxic_unlike_an_empty_cell():
    assert traits.TOXICITY.value("None") == "none"
    assert dict(traits.TOXICITY.choices)["none"] == "Not toxic"
    assert traits.TOXICITY.value("") is None


def test_a_word_a_table_lacks_is_an_error_naming_the_column():
    with pytest.raises(TraitError, match="toxicity “Deadly” is not one of the words this site knows"):
        traits.TOXICITY.value("Deadly")


def test_choices_give_each_value_once_with_a_label():
    assert traits.AVAILABILITY.choices == [
        ("routinely_available", "Routinely available"),
        ("contracting_only", "Grown under contract only"),
        ("field_collections_only", "Only collected from the wild"),
        ("no_known_source", "No known source"),
    ]


def test_light_from_every_shade_tolerance(characteristics):
    assert distinct(characteristics, "shade_tolerance") == ["", "Intermediate", "Intolerant", "Tolerant"]
    assert traits.light("Intolerant") == {"full_sun"}
    assert traits.light("Intermediate") == {"full_sun", "partial_shade"}
    assert traits.light("Tolerant") == {"partial_shade", "full_shade"}
    assert traits.light("") == frozenset()
    with pytest.raises(TraitError):
        traits.light("Shady")


def test_water_need_for_every_pair_the_files_use(characteristics):
    pairs = {(row["moisture_use"], row["drought_tolerance"]) for row in characteristics}
    assert len(pairs) == 17
    for moisture_use, drought_tolerance in pairs:
        need = traits.water_need(moisture_use, drought_tolerance)
        assert need in WaterNeed.values or (moisture_use, drought_tolerance, need) == ("", "", None)
    assert traits.water_need("Low", "High") == "low"  # drought-tolerant once established
    assert traits.water_need("High", "None") == "high"
    assert traits.water_need("Medium", "Low") == "medium"
    assert traits.water_need("High", "Low") == "high"
    assert traits.water_need("Low", "Low") == "medium"  # uses little, yet does not bear drought
    with pytest.raises(TraitError, match="moisture_use “Damp”"):
        traits.water_need("Damp", "Low")


BLOOM = {
    "Early Spring": (("spring", "early"), (3,)),
    "Mid Spring": (("spring", "mid"), (4,)),
    "Late Spring": (("spring", "late"), (5,)),
    "Spring": (("spring", None), (3, 4, 5)),
    "Early Summer": (("summer", "early"), (6,)),
    "Mid Summer": (("summer", "mid"), (7,)),
    "Late Summer": (("summer", "late"), (8,)),
    "Summer": (("summer", None), (6, 7, 8)),
    "Fall": (("fall", None), (9, 10, 11)),
    "Late Winter": (("winter", "late"), (2,)),
    "Winter": (("winter", None), (12, 1, 2)),
    "Indeterminate": (None, ()),  # no fixed period: no season, no month on the calendar
    "": (None, ()),
}


def test_bloom_season_and_months_for_every_period_in_the_files(characteristics):
    assert distinct(characteristics, "bloom_period") == sorted(BLOOM)
    for period, (season, months) in BLOOM.items():
        assert traits.bloom_season(period) == season, period
        assert traits.bloom_months(period) == months, period


@pytest.mark.parametrize("period", ["Mid Monsoon", "Very Late Spring", "Early", "spring time"])
def test_a_bloom_period_that_is_no_season_is_an_error(period):
    with pytest.raises(TraitError, match="bloom_period"):
        traits.bloom_season(period)


def test_bloom_months_cover_the_year_once_per_part():
    months = [
        traits.bloom_months(f"{part.title()} {season.title()}")
        for season in traits.SEASON_MONTHS
        for part in traits.SEASON_PARTS
    ]
    assert sorted(month for (month,) in months) == list(range(1, 13))


@pytest.mark.parametrize(
    ("feet", "band"),
    [(0.1, "under-1-ft"), (0.99, "under-1-ft"), (1, "1-3-ft"), (2.9, "1-3-ft"), (3, "3-6-ft"), (6, "6-15-ft"),
     (14.9, "6-15-ft"), (15, "15-40-ft"), (40, "over-40-ft"), (250, "over-40-ft")],
)  # fmt: skip
def test_height_bands_start_at_their_lower_edge(feet, band):
    assert traits.height_band(feet) == band


def test_every_height_in_the_files_has_a_band(characteristics):
    heights = [row["height_mature_feet"] for row in characteristics if row["height_mature_feet"]]
    bands = {traits.characteristics(row).height_band for row in characteristics if row["height_mature_feet"]}
    assert len(heights) == 2_140
    assert bands == {value for value, _, _ in traits.HEIGHT_BANDS}


def test_cold_limit_is_the_temperature_and_its_half_zone(characteristics):
    assert traits.cold_limit("-33.0") == (-33.0, zones.ordinal(4, "a"))
    assert traits.cold_limit("52.0") == (52.0, zones.ordinal(12, "b"))
    assert traits.cold_limit("") is None
    for word in distinct(characteristics, "temperature_minimum_f")[1:]:
        fahrenheit, zone = traits.cold_limit(word)
        assert zones.band_fahrenheit(zone)[0] >= fahrenheit or zone == zones.MIN_ORDINAL, word
    with pytest.raises(TraitError, match="No hardiness zone is warm enough"):
        traits.cold_limit("70")
    with pytest.raises(TraitError, match="is not a number"):
        traits.cold_limit("cold")


def test_true_false_columns_and_soil_textures(characteristics):
    for column in ("flower_conspicuous", "leaf_retention", *traits.SOIL_TEXTURES):
        assert distinct(characteristics, column) == ["False", "True"], column
    row = {
        "adapted_to_coarse_textured_soils": "True",
        "adapted_to_medium_textured_soils": "False",
        "adapted_to_fine_textured_soils": "True",
    }
    assert traits.soil_textures(row) == {"coarse", "fine"}
    with pytest.raises(TraitError, match="adapted_to_fine_textured_soils “Yes” is neither True nor False"):
        traits.soil_textures({**row, "adapted_to_fine_textured_soils": "Yes"})


def test_checklist_terms_map_to_the_site_choices(checklist):
    assert listed(checklist, "duration") == ["Annual", "Biennial", "Perennial"]
    assert traits.LIFE_CYCLES.values("Annual, Perennial") == {"annual", "perennial"}
    assert set(dict(traits.LIFE_CYCLES.choices)) == set(LifeCycle.values)
    assert listed(checklist, "growth_habit") == sorted(traits.GROWTH_HABITS.words)
    assert traits.GROWTH_HABITS.values("Forb/herb, Subshrub") == {"forb", "subshrub"}
    assert set(dict(traits.GROWTH_HABITS.choices)) == set(GrowthHabit.values)
    for word in distinct(checklist, "group_name"):
        assert traits.GROUPS.value(word) == word
    # The algae are USDA groups the site's UsdaGroup lacks; none of them is native anywhere.
    assert set(dict(traits.GROUPS.choices)) - set(UsdaGroup.values) == {"Green Algae", "Red Algae"}
    assert traits.LIFE_CYCLES.values("") == frozenset()
    with pytest.raises(TraitError, match="duration “Triennial”"):
        traits.LIFE_CYCLES.values("Annual, Triennial")


def test_light_and_water_values_are_the_site_choices():
    assert set().union(*traits.LIGHT_FOR_SHADE_TOLERANCE.values()) == set(Light.values)
    assert {need for need in traits.WATER_NEED.values() if need} == set(WaterNeed.values)


def test_a_whole_characteristics_row(characteristics):
    row = next(row for row in characteristics if row["symbol"] == "ACRU")  # red maple
    assert traits.characteristics(row) == traits.Traits(
        temperature_minimum_f=-47.0,
        zone_min=zones.ordinal(2, "b"),  # -45 to -40 °F; 2a reaches -50 °F
        light=frozenset({"full_sun", "partial_shade"}),
        water_need="medium",
        bloom_period="Early Spring",
        bloom_season=("spring", "early"),
        bloom_months=(3,),
        flower_color="red",
        showy=True,
        height_feet=68.0,
        height_band="over-40-ft",
        growth_rate="fast",
        evergreen=False,
        soil_textures=frozenset({"coarse", "medium", "fine"}),
        ph_minimum=4.7,
        ph_maximum=7.3,
        toxicity="slight",
        lifespan="short",
        availability="routinely_available",
    )


def test_ph_out_of_range_or_upside_down_is_an_error(characteristics):
    row = dict(characteristics[0].values)
    with pytest.raises(TraitError, match="ph_maximum 15 is not between 0 and 14"):
        traits.characteristics({**row, "ph_minimum": "5", "ph_maximum": "15"})
    with pytest.raises(TraitError, match="ph_minimum 8 is above ph_maximum 6"):
        traits.characteristics({**row, "ph_minimum": "8", "ph_maximum": "6"})


def test_every_shipped_characteristics_row_maps(characteristics):
    mapped = [traits.characteristics(row) for row in characteristics]
    assert len(mapped) == 2_162
    assert sum(1 for plant in mapped if plant.zone_min is not None) == 2_155
