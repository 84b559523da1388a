"""/api/plants/: the finder's filters, counts and order, pagination, drafts hidden, bad input as JSON."""

import pytest
from django.urls import reverse

from tests.support import factories

PLANTS = "/api/plants/"
FINDER = reverse("plants:finder")
TRAITS = {
    "has_characteristics": True,
    "bloom_period": "Late Spring",
    "flower_color": "yellow",
    "height_feet": 2.0,
}


@pytest.fixture
def garden(db):
    """The finder tests' small garden, one plant with USDA traits, and a draft and a scheduled plant."""
    aster = factories.genus_chain("Asteraceae", "Symphyotrichum")
    rose = factories.genus_chain("Rosaceae", "Amelanchier")
    factories.plant(
        genus=aster, common_name="Aster sun", zone_min=5, zone_max=18, uses=("meadow",), states=("CO", "KS")
    )
    factories.plant(genus=aster, common_name="Bee shade", zone_min=9, zone_max=14, light_full_sun=False,
                    light_full_shade=True, uses=("woodland",), states=("NY",))  # fmt: skip
    factories.plant(genus=rose, common_name="Cherry tree", zone_min=3, zone_max=14, habit_forb=False,
                    habit_tree=True, uses=("meadow", "hedge"), states=("CO",), rank_code="G2")  # fmt: skip
    factories.plant(genus=rose, common_name="Daisy annual", zone_min=15, zone_max=20, life_cycle_perennial=False,
                    life_cycle_annual=True, light_partial_shade=True, states=("TX",), usda=TRAITS)  # fmt: skip
    factories.plant(genus=aster, common_name="Draft plant", status="draft", uses=("meadow",))
    factories.plant(genus=aster, common_name="Scheduled plant", published_at="2999-01-01T00:00:00Z")


def names(body):
    return [plant["common_name"] for plant in body["results"]]


def test_lists_live_plants_in_the_finders_order(client, garden):
    response = client.get(PLANTS)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert names(body) == ["Aster sun", "Bee shade", "Cherry tree", "Daisy annual"]
    assert body["count"] == 4 and body["page"] == 1 and body["num_pages"] == 1
    first = body["results"][0]
    assert first["scientific_name"].startswith("Symphyotrichum species")
    assert first["zone_min"] == "3a" and first["light_levels"] == ["Full sun"]
    assert client.get(first["api_url"]).status_code == 200
    assert first["page_url"].startswith("/plants/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zone=5", ["Aster sun", "Bee shade", "Cherry tree"]),
        ("zone=8", ["Aster sun", "Daisy annual"]),
        ("light=full_shade&light=partial_shade", ["Bee shade", "Daisy annual"]),
        ("use=meadow", ["Aster sun", "Cherry tree"]),
        ("habit=tree", ["Cherry tree"]),
        ("life_cycle=annual", ["Daisy annual"]),
        ("state=NY", ["Bee shade"]),
        ("family=rosaceae", ["Cherry tree", "Daisy annual"]),
        ("rare=true", ["Cherry tree"]),
        ("color=yellow", ["Daisy annual"]),
        ("growing_data=true", ["Daisy annual"]),
        ("q=cherry", ["Cherry tree"]),
        ("zip=80302", ["Aster sun", "Cherry tree"]),  # Boulder: zone 6a and Colorado
        ("zone=5&use=meadow&state=CO", ["Aster sun", "Cherry tree"]),
        ("sort=hardiest", ["Cherry tree", "Aster sun", "Bee shade", "Daisy annual"]),
    ],
)
def test_filters_match_the_finders(client, garden, query, expected):
    body = client.get(f"{PLANTS}?{query}").json()
    assert names(body) == expected
    finder = client.get(f"{FINDER}?{query}")
    assert body["count"] == finder.context["paginator"].count
    for group, facet in finder.context["facets"].items():
        assert {o["value"]: o["count"] for o in body["facets"][group]["options"]} == {
            option.value: option.count for option in facet.options
        }, group


def test_facet_counts_say_what_each_option_would_give(client, garden):
    facets = client.get(f"{PLANTS}?light=full_shade").json()["facets"]
    light = {option["value"]: option for option in facets["light"]["options"]}
    assert light["full_shade"]["selected"] and light["full_shade"]["count"] == 1
    assert light["full_sun"]["count"] == 3 and not light["full_sun"]["selected"]
    assert facets["light"]["label"] == "Light"
    assert {option["value"] for option in facets["family"]["options"]} == {"asteraceae"}


def test_pages_with_links_to_the_next_and_previous(client, garden):
    body = client.get(f"{PLANTS}?page_size=3&zone=5").json()
    assert names(body) == ["Aster sun", "Bee shade", "Cherry tree"] and body["next"] is None
    body = client.get(f"{PLANTS}?page_size=3").json()
    assert body["num_pages"] == 2 and body["previous"] is None
    second = client.get(body["next"]).json()
    assert names(second) == ["Daisy annual"] and second["next"] is None
    assert names(client.get(second["previous"]).json()) == names(body)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("zone=14z", "zone"),
        ("zip=8030", "zip"),
        ("light=moonlight", "light"),
        ("family=nosuchfamily", "family"),
        ("sort=random", "sort"),
        ("page=0", "page"),
        ("page=two", "page"),
        ("page_size=101", "page_size"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_field(client, garden, query, field):
    response = client.get(f"{PLANTS}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert [error["field"] for error in body["errors"]] == [field]
    assert body["errors"][0]["message"]


def test_a_page_past_the_last_is_a_404(client, garden):
    response = client.get(f"{PLANTS}?page=9")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no page 9: the last is 1."}


def test_only_reading_is_allowed(client, garden):
    response = client.post(PLANTS, {"common_name": "New"})
    assert response.status_code == 405
    assert "detail" in response.json()
    assert client.head(PLANTS).status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_query_count_is_flat(client, db, django_assert_max_num_queries, count):
    factories.make_plants(count, uses=("meadow",))
    client.get(PLANTS)  # the finder's index is built once per content version
    with django_assert_max_num_queries(4):  # the version token, the page's cards, the garden uses
        response = client.get(f"{PLANTS}?zone=5b&light=full_sun&use=meadow&page_size=100")
    assert response.json()["count"] == count
