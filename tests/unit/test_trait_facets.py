"""The finder's trait filters: which options a plant's values put it in, and "no value"."""

from plants import trait_facets
from plants.trait_facets import NO_VALUE, memberships

EMPTY = dict.fromkeys(trait_facets.COLUMNS)  # a plant never imported from USDA PLANTS


def of(**values) -> set:
    return set(memberships(EMPTY | values))


def test_a_plant_without_a_usda_record_has_no_value_for_any_trait_and_no_growing_data():
    assert of() == {
        ("water", NO_VALUE),
        ("bloom", NO_VALUE),
        ("color", NO_VALUE),
        ("height", NO_VALUE),
        ("soil", NO_VALUE),
        ("evergreen", NO_VALUE),
        ("nontoxic", NO_VALUE),
        ("available", NO_VALUE),
        ("growing_data", False),
    }


def test_a_bloom_period_gives_its_season_and_the_part_of_it_usda_names():
    assert {value for group, value in of(bloom_period="Late Spring") if group == "bloom"} == {
        "spring",
        "late-spring",
    }
    assert {value for group, value in of(bloom_period="Summer") if group == "bloom"} == {"summer"}
    assert ("bloom", NO_VALUE) in of(bloom_period="Indeterminate")


def test_heights_fall_in_bands_from_their_lower_edge():
    assert ("height", "under-1-ft") in of(height_feet=0.4)
    assert ("height", "1-3-ft") in of(height_feet=1)
    assert ("height", "over-40-ft") in of(height_feet=120)
    assert ("height", "under-1-ft") in of(height_feet=0)  # zero is a value, not a missing one


def test_each_soil_texture_is_an_option():
    soils = {value for group, value in of(soil_textures="coarse,fine") if group == "soil"}
    assert soils == {"coarse", "fine"}


def test_yes_no_filters_tell_no_from_not_recorded():
    assert ("evergreen", False) in of(evergreen=False)
    assert ("evergreen", True) in of(evergreen=1)  # SQLite's booleans
    assert ("nontoxic", True) in of(toxicity="none")
    assert ("nontoxic", False) in of(toxicity="slight")
    assert ("available", True) in of(availability="routinely_available")
    assert ("available", False) in of(availability="contracting_only")
    assert ("growing_data", True) in of(has_characteristics=True)


def test_every_option_has_a_unique_value_and_a_label():
    for label, options in trait_facets.OPTION_FILTERS.values():
        values = [value for value, _ in options]
        assert label and len(values) == len(set(values))
        assert all(option_label for _, option_label in options)
    bloom = dict(trait_facets.OPTION_FILTERS["bloom"][1])
    assert bloom["early-fall"] == "Early fall" and bloom["winter"] == "Winter"
