"""The finder by ZIP code: the zone and state it sets, their chips and counts, bad ZIP codes."""

import hashlib

import pytest
from django.core.cache import cache
from django.urls import reverse

from plants import caching
from tests.support import factories

FINDER = reverse("plants:finder")


def names(response):
    return [plant.common_name for plant in response.context["plants"]]


def chips(response):
    return {(chip.group, chip.label): chip.remove_url for chip in response.context["chips"]}


def facet(response, group):
    return {option.value: option.count for option in response.context["facets"][group].options}


@pytest.fixture
def garden(db):
    """Boulder, Colorado (80302) is zone 6a: ordinal 11."""
    genus = factories.genus_chain("Asteraceae", "Symphyotrichum")
    factories.plant(genus=genus, common_name="Aster", zone_min=5, zone_max=18, states=("CO", "KS"))
    factories.plant(genus=genus, common_name="Bee balm", zone_min=9, zone_max=14, states=("NY",))
    factories.plant(genus=genus, common_name="Cherry", zone_min=3, zone_max=14, states=("CO",), light_full_sun=False, light_full_shade=True)  # fmt: skip
    factories.plant(genus=genus, common_name="Tender", zone_min=13, zone_max=20, states=("CO",))


def test_a_zip_says_its_place_zone_and_map_and_filters_by_them(client, garden):
    response = client.get(FINDER, {"zip": "80302"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ZIP 80302 (Boulder, Colorado): USDA zone 6a, 2023 map" in html
    assert names(response) == ["Aster", "Cherry"]
    assert chips(response) == {
        ("Your USDA hardiness zone", "6a"): "?state=CO",
        ("Native to", "Colorado"): "?zone=6a",
    }
    assert 'value="80302"' in html  # the field keeps what the visitor typed


def test_counts_reflect_the_zips_zone_and_state(client, garden):
    response = client.get(FINDER, {"zip": "80302"})
    # States counted with the zone (6a) only: Tender is not hardy there.
    assert facet(response, "state") == {"CO": 2, "KS": 1, "NY": 1}
    # Light counted with both: Aster in sun, Cherry in shade.
    assert facet(response, "light") == {"full_sun": 1, "partial_shade": 0, "full_shade": 1}
    html = response.content.decode()
    # The ZIP code's state is shown chosen, and not sent again as a state chosen by hand.
    assert 'value="CO" checked disabled' in html
    assert 'value="KS">' in html  # the other states can still be chosen
    assert html.count("from your ZIP code") == 1


def test_the_same_filters_chosen_by_hand_give_the_same_plants(client, garden):
    by_zip = client.get(FINDER, {"zip": "80302", "light": "full_sun"})
    by_hand = client.get(FINDER, {"zone": "6a", "state": "CO", "light": "full_sun"})
    assert names(by_zip) == names(by_hand) == ["Aster"]
    assert facet(by_zip, "use") == facet(by_hand, "use")


def test_a_zone_chosen_by_hand_wins_over_the_zips(client, garden):
    response = client.get(FINDER, {"zip": "80302", "zone": "8"})
    assert names(response) == ["Aster", "Tender"]
    assert chips(response) == {
        ("Your USDA hardiness zone", "8"): "?zip=80302",
        ("Native to", "Colorado"): "?zone=8",
    }


def test_a_state_chosen_by_hand_wins_over_the_zips(client, garden):
    response = client.get(FINDER, {"zip": "80302", "state": "NY"})
    assert names(response) == ["Bee balm"]
    assert ("Native to", "New York") in chips(response)
    assert 'value="NY" checked>' in response.content.decode()


def test_an_empty_zone_field_does_not_hide_the_zips_zone(client, garden):
    # What the finder's form sends with the zone field left empty.
    response = client.get(FINDER, {"q": "", "zone": "", "zip": "80302", "sort": ""})
    assert names(response) == ["Aster", "Cherry"]
    assert chips(response)[("Native to", "Colorado")] == "?q=&sort=&zone=6a"


def test_a_zip_without_a_zone_sets_only_its_state(client, garden):
    response = client.get(FINDER, {"zip": "00802"})  # St Thomas, U.S. Virgin Islands: on neither map
    assert "ZIP 00802 (St Thomas, U.S. Virgin Islands): no USDA zone on our maps" in response.content.decode()
    assert list(chips(response)) == [("Native to", "U.S. Virgin Islands")]


def test_a_well_formed_zip_in_no_table_sets_no_filter(client, garden):
    response = client.get(FINDER, {"zip": "00000"})
    assert response.status_code == 200
    assert "We don&#39;t have ZIP 00000; choose your zone and state" in response.content.decode()
    assert names(response) == ["Aster", "Bee balm", "Cherry", "Tender"]
    assert chips(response) == {}


@pytest.mark.parametrize("text", ["1234x", "123", "4" * 40, "<b>80302</b>", "٨٠٣٠٢", "80302\x00"])
def test_a_zip_that_is_not_five_digits_is_a_400_with_the_error_next_to_the_field(client, garden, text):
    response = client.get(FINDER, {"zip": text})
    assert response.status_code == 400
    html = response.content.decode()
    message = "Enter a ZIP code of five digits, such as 80302."
    assert f'<p class="field-error" id="zip-error">{message}</p>' in html
    assert f'<a href="#id_zip">ZIP code: {message}</a>' in html
    assert "<b>80302" not in html


def page_key(path):
    return f"page:{caching.content_token()}:{hashlib.sha256(path.encode()).hexdigest()}"


def test_a_bad_zip_is_not_cached_and_a_good_one_is(client, garden):
    assert client.get(f"{FINDER}?zip=1234x").status_code == 400
    assert cache.get(page_key(f"{FINDER}?zip=1234x")) is None
    assert client.get(f"{FINDER}?zip=80302").status_code == 200
    assert cache.get(page_key(f"{FINDER}?zip=80302")) is not None


def test_the_home_pages_form_with_any_light_and_any_use_filters_by_zip_only(client, garden):
    # What the home page's form sends with only the ZIP code filled in.
    response = client.get(FINDER, {"q": "", "zone": "", "zip": "80302", "light": "", "use": ""})
    assert response.status_code == 200
    assert names(response) == ["Aster", "Cherry"]
    assert client.get(FINDER, {"light": "", "use": ""}).status_code == 200


def test_the_home_page_has_a_zip_field_for_the_finder(client, garden):
    html = client.get("/").content.decode()
    assert '<label for="home-zip">ZIP code</label>' in html
    assert 'name="zip"' in html
