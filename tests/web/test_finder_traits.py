"""The finder on real USDA PLANTS plants: filters on growing traits, cold limits, every place."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from tests.support.usda import write_subset

FINDER = reverse("plants:finder")
SYMBOLS = [
    "HEPA11",  # littleleaf alumroot: no characteristics
    "ACRU",  # red maple: early spring, red, 68 ft, slightly toxic, -47 °F
    "ECPU",  # eastern purple coneflower: early summer, purple, 1.2 ft, not toxic, -33 °F
    "ASTU",  # butterfly milkweed: mid summer, orange, 2 ft, not toxic, -33 °F
    "LYCE2",  # native to Guam
    "CRJA3",  # Japanese cedar: introduced only, so never among the natives
]


@pytest.fixture
def flora(tmp_path, db):
    call_command("import_usda", str(write_subset(tmp_path, SYMBOLS)), stdout=io.StringIO())


def names(response) -> list[str]:
    assert response.status_code == 200
    return sorted(plant.common_name for plant in response.context["plants"])


def facet(response, group) -> dict:
    return {option.label: option.count for option in response.context["facets"][group].options}


@override_settings(CACHE_SECONDS=0)
def test_bloom_season_matches_the_season_and_its_parts(client, flora):
    assert names(client.get(FINDER, {"bloom": "summer"})) == [
        "Butterfly milkweed",
        "Eastern purple coneflower",
    ]
    assert names(client.get(FINDER, {"bloom": "early-summer"})) == ["Eastern purple coneflower"]
    response = client.get(FINDER)
    counts = facet(response, "bloom")
    assert (counts["Summer"], counts["Early summer"], counts["Mid summer"], counts["Spring"]) == (2, 1, 1, 1)
    html = response.content.decode()
    # Alumroot and the Guam plant have no bloom period in USDA PLANTS.
    assert "Not recorded for 2 plants; choosing here leaves them out." in html


@override_settings(CACHE_SECONDS=0)
def test_colour_height_and_yes_no_filters(client, flora):
    assert names(client.get(FINDER, {"color": ["red", "orange"]})) == ["Butterfly milkweed", "Red maple"]
    assert names(client.get(FINDER, {"height": "over-40-ft"})) == ["Red maple"]
    assert names(client.get(FINDER, {"nontoxic": "on", "available": "on"})) == [
        "Butterfly milkweed",
        "Eastern purple coneflower",
    ]
    response = client.get(FINDER, {"growing_data": "on"})
    assert names(response) == ["Butterfly milkweed", "Eastern purple coneflower", "Red maple"]
    chips = [(chip.group, chip.label) for chip in response.context["chips"]]
    assert chips == [("Has USDA growing data", "Yes")]


@override_settings(CACHE_SECONDS=0)
def test_zone_matches_plants_with_only_a_cold_limit(client, flora):
    # USDA PLANTS gives a lowest temperature only: -33 °F is zone 4a, -47 °F zone 2b.
    assert names(client.get(FINDER, {"zone": "5a", "light": "full_sun"})) == [
        "Butterfly milkweed",
        "Eastern purple coneflower",
        "Red maple",
    ]
    assert names(client.get(FINDER, {"zone": "3a"})) == ["Red maple"]


@override_settings(CACHE_SECONDS=0)
def test_the_place_filter_covers_territories_and_introduced_plants_are_never_listed(client, flora):
    response = client.get(FINDER, {"state": "GU"})
    assert len(names(response)) == 1
    assert facet(response, "state")["Guam"] == 1
    everything = client.get(FINDER, {"q": "Japanese cedar"})
    assert names(everything) == []
    assert client.get(FINDER).context["page_obj"].paginator.count == 5


@override_settings(CACHE_SECONDS=0)
def test_a_bad_trait_option_is_a_400_next_to_its_filter(client, flora):
    response = client.get(FINDER, {"color": "<b>plaid</b>"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Flower colour: Select a valid choice." in html
    assert "<b>plaid</b>" not in html


@override_settings(CACHE_SECONDS=0)
def test_a_card_gives_the_cold_limit_when_no_warm_limit_is_recorded(client, flora):
    html = client.get(FINDER, {"q": "coneflower"}).content.decode()
    assert '<p class="card__facts">Hardy to zone 4a · Full sun</p>' in html


@override_settings(CACHE_SECONDS=0)
def test_a_plant_page_answers_the_zip_question_from_a_cold_limit_alone(client, flora):
    # Eastern purple coneflower takes -33 °F (zone 4a); Boulder's 6a is milder, Fairbanks' 2a colder.
    html = client.get("/plants/eastern-purple-coneflower/", {"zip": "80302"}).content.decode()
    assert "<dt>Hardiness</dt><dd>Hardy to zone 4a</dd>" in html
    assert "Hardy in your zone, 6a (it is hardy to zone 4a; how much heat it takes is not recorded)." in html
    html = client.get("/plants/eastern-purple-coneflower/", {"zip": "99701"}).content.decode()
    assert "Not hardy in your zone" in html


@override_settings(CACHE_SECONDS=0)
def test_the_home_page_features_plants_with_growing_data_or_an_article_not_bare_stubs(
    client, alumroot, flora
):
    from plants.models import PlantProfile

    html = client.get("/").content.decode()
    featured = html[html.index('id="featured-heading"') : html.index('id="rare-heading"')]
    live = PlantProfile.objects.live()
    stubs = live.awaiting_article().without_growing_data()
    assert stubs.count() == 2  # the species of the alumroot, and the Guam plant
    for plant in live:
        assert (f'href="{plant.get_absolute_url()}"' in featured) == (plant not in stubs), plant
