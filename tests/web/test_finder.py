"""The plant finder: every filter, combinations, facet counts, chips, bad input, query counts."""

import pytest
from django.urls import reverse

from plants.models import PlantProfile, Rank
from tests.support import factories

FINDER = reverse("plants:finder")


def names(response):
    return [plant.common_name for plant in response.context["plants"]]


def facet(response, group):
    return {option.value: option.count for option in response.context["facets"][group].options}


@pytest.fixture
def garden(db):
    """A small, varied set of published plants, plus a draft that must never show."""
    aster = factories.genus_chain("Asteraceae", "Symphyotrichum")
    rose = factories.genus_chain("Rosaceae", "Amelanchier")
    return {
        "sun": factories.plant(genus=aster, common_name="Aster sun", zone_min=5, zone_max=18, uses=("meadow",), states=("CO", "KS")),
        "shade": factories.plant(
            genus=aster, common_name="Bee shade", zone_min=9, zone_max=14, light_full_sun=False, light_full_shade=True,
            uses=("woodland",), states=("NY",),
        ),
        "tree": factories.plant(
            genus=rose, common_name="Cherry tree", zone_min=3, zone_max=14, habit_forb=False, habit_tree=True,
            habit_shrub=True, uses=("meadow", "hedge"), states=("CO",), rank_code="G2",
        ),
        "annual": factories.plant(
            genus=rose, common_name="Daisy annual", zone_min=15, zone_max=20, life_cycle_perennial=False,
            life_cycle_annual=True, light_partial_shade=True, states=("TX",),
        ),
        "draft": factories.plant(genus=aster, common_name="Draft plant", status="draft", uses=("meadow",)),
    }  # fmt: skip


def test_unfiltered_lists_published_plants_in_name_order(client, garden):
    response = client.get(FINDER)
    assert response.status_code == 200
    assert names(response) == ["Aster sun", "Bee shade", "Cherry tree", "Daisy annual"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"zone": "5"}, ["Aster sun", "Bee shade", "Cherry tree"]),
        ({"zone": "5a"}, ["Aster sun", "Bee shade", "Cherry tree"]),
        ({"zone": "3"}, ["Aster sun", "Cherry tree"]),  # 3a-3b: Aster from 3a (5), Cherry from 2a (3)
        ({"zone": "8"}, ["Aster sun", "Daisy annual"]),
        ({"light": "full_shade"}, ["Bee shade"]),
        ({"light": ["full_shade", "partial_shade"]}, ["Bee shade", "Daisy annual"]),
        ({"use": "meadow"}, ["Aster sun", "Cherry tree"]),
        ({"use": ["woodland", "hedge"]}, ["Bee shade", "Cherry tree"]),
        ({"habit": "tree"}, ["Cherry tree"]),
        ({"habit": ["tree", "forb"]}, ["Aster sun", "Bee shade", "Cherry tree", "Daisy annual"]),
        ({"life_cycle": "annual"}, ["Daisy annual"]),
        ({"state": "CO"}, ["Aster sun", "Cherry tree"]),
        ({"state": ["NY", "TX"]}, ["Bee shade", "Daisy annual"]),
        ({"family": "rosaceae"}, ["Cherry tree", "Daisy annual"]),
        ({"rare": "true"}, ["Cherry tree"]),
        ({"zone": "5", "light": "full_sun", "use": "meadow"}, ["Aster sun", "Cherry tree"]),
        ({"zone": "5", "state": "CO", "habit": "tree"}, ["Cherry tree"]),
        ({"family": "asteraceae", "rare": "true"}, []),
    ],
)
def test_filters_and_combinations(client, garden, query, expected):
    response = client.get(FINDER, query)
    assert response.status_code == 200
    assert names(response) == expected


def test_facet_counts_apply_the_other_filters(client, garden):
    response = client.get(FINDER, {"light": "full_sun", "state": "CO"})
    assert names(response) == ["Aster sun", "Cherry tree"]
    # Light counts ignore the light filter but keep the state filter (CO: Aster, Cherry).
    assert facet(response, "light") == {"full_sun": 2, "partial_shade": 0, "full_shade": 0}
    # State counts ignore the state filter but keep light=full_sun (Aster, Cherry, Daisy).
    assert facet(response, "state") == {"CO": 2, "KS": 1, "TX": 1}
    assert facet(response, "habit")["tree"] == 1 and facet(response, "habit")["forb"] == 1
    assert facet(response, "use") == {"hedge": 1, "meadow": 2}
    assert facet(response, "family") == {"asteraceae": 1, "rosaceae": 1}
    assert facet(response, "rare") == {"true": 1}
    html = response.content.decode()
    assert 'value="full_sun" checked' in html


def test_chips_remove_one_value_each(client, garden):
    response = client.get(FINDER, {"light": ["full_sun", "full_shade"], "zone": "5", "page": "1"})
    chips = {(chip.group, chip.label): chip.remove_url for chip in response.context["chips"]}
    assert chips[("Light", "Full sun")] == "?light=full_shade&zone=5"
    assert chips[("Your USDA hardiness zone", "5")] == "?light=full_sun&light=full_shade"
    assert "Clear all" in response.content.decode()


def test_empty_state_says_which_filter_to_loosen(client, garden):
    response = client.get(FINDER, {"family": "asteraceae", "rare": "true"})
    html = response.content.decode()
    assert "No plants match all of these filters." in html
    assert "Remove <strong>Rare plants only</strong> to see 2 plants." in html
    assert "Remove <strong>Family</strong> to see 1 plant." in html


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"zone": "99"}, "zone", "Zone 99 is not a USDA hardiness zone"),
        ({"zone": "abc"}, "zone", "“abc” is not a hardiness zone"),
        ({"zone": "5c"}, "zone", "is not a hardiness zone"),
        ({"light": "purple"}, "light", "Select a valid choice. purple is not one of the available choices."),
        (
            {"use": "moon-garden"},
            "use",
            "Select a valid choice. moon-garden is not one of the available choices.",
        ),
        ({"state": "ZZ"}, "state", "Select a valid choice. ZZ is not one of the available choices."),
        ({"sort": "random"}, "sort", "Select a valid choice."),
        ({"q": "x" * 5000}, "q", "Ensure this value has at most 200 characters"),
        ({"zone": "9" * 5000}, "zone", "Ensure this value has at most 3 characters"),
    ],
)
def test_bad_input_is_a_400_with_the_error_next_to_the_field(client, garden, query, field, message):
    response = client.get(FINDER, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'href="#id_{field}"' in html  # the error summary links to the field
    assert message in " ".join(response.context["filter"].form.errors[field])


@pytest.mark.parametrize("page", ["99", "abc", "0", "-1"])
def test_page_that_does_not_exist_is_404(client, garden, page):
    response = client.get(FINDER, {"page": page})
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_pagination_keeps_the_filters(client, db):
    factories.make_plants(30)
    response = client.get(FINDER, {"light": "full_sun"})
    assert len(response.context["plants"]) == 24
    assert "?light=full_sun&amp;page=2" in response.content.decode()
    second = client.get(FINDER, {"light": "full_sun", "page": "2"})
    assert len(second.context["plants"]) == 6


@pytest.mark.parametrize(("sort", "first"), [("name", "Aster sun"), ("hardiest", "Cherry tree")])
def test_sort_choice(client, garden, sort, first):
    assert names(client.get(FINDER, {"sort": sort}))[0] == first


def test_stable_order_by_common_then_botanical_name(client, db):
    genus = factories.genus_chain()
    b = factories.plant(genus=genus, common_name="Same name")
    a = factories.plant(genus=genus, common_name="Same name")
    ordered = list(client.get(FINDER).context["plants"])
    assert ordered == sorted([a, b], key=lambda p: p.taxon.scientific_name)


def test_zone_uses_the_whole_gardeners_zone(client, db):
    factories.plant(common_name="From 5b", zone_min=10, zone_max=16)
    assert names(client.get(FINDER, {"zone": "5"})) == []
    assert names(client.get(FINDER, {"zone": "5b"})) == ["From 5b"]


def query_count(client, django_assert_max_num_queries, params):
    with django_assert_max_num_queries(100) as captured:
        assert client.get(FINDER, params).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"zone": "5", "light": "full_sun", "use": "rock-garden"},
        {"q": "test", "state": "CO", "rare": "true"},
        {"zip": "80302", "light": "full_sun", "use": "rock-garden"},
        {"zone": "5b", "light": "full_sun", "bloom": "summer", "color": "yellow", "nontoxic": "on"},
    ],
)
def test_finder_queries_do_not_grow_with_plants(client, db, django_assert_max_num_queries, params):
    usda = {
        "has_characteristics": True,
        "bloom_period": "Summer",
        "flower_color": "yellow",
        "toxicity": "none",
    }
    factories.make_plants(5, uses=("rock-garden",), rank_code="G2", usda=usda)
    small = query_count(client, django_assert_max_num_queries, params)
    factories.make_plants(195, uses=("rock-garden", "meadow"), rank_code="G2", usda=usda)
    assert PlantProfile.objects.count() == 200
    assert query_count(client, django_assert_max_num_queries, params) == small
    # A text search also looks among the taxa without a profile; an index from an older
    # version reads the change log once before it rebuilds (plants/finder_index.py).
    assert small <= 13 + ("q" in params)


def test_family_filter_reaches_varieties(client, alumroot):
    response = client.get(FINDER, {"family": "saxifragaceae"})
    assert names(response) == ["Littleleaf Alumroot"]
    assert alumroot.family.rank == Rank.FAMILY


def test_too_many_parameters_is_a_400_not_a_500(client, garden):
    query = "&".join(f"light=full_sun&x{i}=1" for i in range(1500))
    response = client.get(f"{FINDER}?{query}")
    assert response.status_code == 400
