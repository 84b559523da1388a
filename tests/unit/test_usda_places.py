"""Place codes for USDA PLANTS' 74 places of distribution (plants/regions.py)."""

import re

import pytest

from plants import regions
from plants.usda import files


def test_the_74_usda_places_have_a_code_and_a_name_each():
    assert len(regions.USDA_PLACE_CODES) == 74
    assert len(set(regions.USDA_PLACE_CODES.values())) == 74
    for name, code in regions.USDA_PLACE_CODES.items():
        assert re.fullmatch(r"[A-Z]{2}", code), code  # fits the two-letter state column
        assert regions.PLACES[code] in (name, f"U.S. {name}")
    assert regions.USDA_PLACE_CODES["New Mexico"] == "NM"
    assert regions.USDA_PLACE_CODES["British Columbia"] == "BC"
    assert regions.USDA_PLACE_CODES["Virgin Islands"] == "VI"
    assert regions.USDA_PLACE_CODES["Newfoundland"] == "NF"
    assert regions.USDA_PLACE_CODES["Labrador"] == "LB"
    assert regions.USDA_PLACE_CODES["Navassa Island"] == "BQ"


def test_the_states_and_provinces_stay_as_they_were():
    assert len(regions.STATES_AND_PROVINCES) == 66
    assert not set(regions.OTHER_PLACES) & set(regions.STATES_AND_PROVINCES)
    assert regions.STATES_AND_PROVINCES["NL"] == "Newfoundland and Labrador"
    assert regions.STATES_AND_PROVINCES["VI"] == "U.S. Virgin Islands"
    assert regions.PLACES == {**regions.STATES_AND_PROVINCES, **regions.OTHER_PLACES}


@pytest.mark.slow
def test_every_place_in_the_shipped_distribution_has_a_code():
    names = {row["state"] for row in files.read(files.DISTRIBUTION)}
    assert names == set(regions.USDA_PLACE_CODES)


@pytest.mark.parametrize(
    ("place", "region"),
    [
        ("CO", "L48"),
        ("DC", "L48"),
        ("AK", "AK"),
        ("HI", "HI"),
        ("ON", "CAN"),
        ("NF", "CAN"),
        ("GU", "GU"),
        ("BQ", "NAV"),
        ("MP", "PB"),
    ],
)
def test_each_place_is_in_one_usda_native_status_region(place, region):
    assert regions.usda_region_of(place) == region


def test_every_place_has_a_region_usda_names():
    assert {regions.usda_region_of(place) for place in regions.PLACES} <= regions.USDA_REGIONS.keys()
