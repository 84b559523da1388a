"""The plant list page (/list/?plants=...) and its downloads: from the address alone, limits, bad input, queries."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plants import content
from plants.models import PlantPage, PublicationStatus

TRAITS = {
    "has_characteristics": True,
    "bloom_period": "Late Spring",
    "flower_color": "yellow",
    "height_feet": 2.0,
    "availability": "routinely_available",
}


def listed(response) -> list[str]:
    return [plant.symbol for plant in response.context["listed"].plants]


def address(*plants, **params) -> str:
    query = "&".join(
        [f"plants={','.join(p.usda_symbol for p in plants)}", *(f"{k}={v}" for k, v in params.items())]
    )
    return f"/list/?{query}"


@pytest.fixture
def three(make_plants):
    spring = make_plants(1, common_name="Spring aster", usda=TRAITS, light_full_sun=True)[0]
    summer = make_plants(
        1,
        common_name="Summer sedge",
        usda={**TRAITS, "bloom_period": "Summer", "flower_color": "purple"},
        light_full_sun=False,
        light_full_shade=True,
        zone_min=11,
        zone_max=14,
        states=("UT",),
    )[0]
    rare = make_plants(1, common_name="Rare lily", rank_code="G2")[0]
    return spring, summer, rare


def test_the_list_page_shows_its_plants_calendar_and_summary_from_the_address(client, three):
    spring, summer, rare = three
    response = client.get(address(summer, spring, rare))
    assert response.status_code == 200
    assert listed(response) == [
        summer.usda_symbol,
        spring.usda_symbol,
        rare.usda_symbol,
    ]  # the address's order
    html = response.content.decode()
    assert "<h1>My plant list</h1>" in html
    assert "3 plants." in html
    # Per plant: names, zones, light, water, height, bloom, colour, nurseries, native states, a link.
    assert '<a href="/plants/test-plant-' in html
    assert "Routinely available" in html and "2 ft" in html and "Utah" in html
    # The calendar, in words as well as colour.
    assert "Late Spring (May), yellow" in html
    assert "Summer (June–August), purple" in html
    assert 'class="is-in-bloom bloom--purple"' in html
    assert "The months are approximate" in html
    # The summary.
    assert "Zones every plant is hardy in: 6–7 (Summer sedge sets the cold end, Summer sedge" not in html
    assert "Zones every plant is hardy in: 6–7 (Summer sedge sets both ends)." in html
    assert "1 needs full sun, 1 needs full shade" not in html  # the rare lily takes full sun too
    assert "2 need full sun, 1 needs full shade: no one spot suits them all; plant them apart." in html
    assert "Nothing is in bloom in September–April. Rare lily: no bloom months recorded." in html
    assert "Rare lily is rare in the wild. Buy it only from nurseries that propagate their own plants" in html
    assert 'Share this list: <a href="http://testserver/list/?plants=' in html


def test_a_state_or_zip_code_names_the_plants_not_native_there(client, three):
    spring, summer, rare = three
    html = client.get(address(spring, summer, rare, state="CO")).content.decode()
    assert "Not native to Colorado: Summer sedge." in html
    response = client.get(address(spring, summer, zip="80302"))
    html = response.content.decode()
    assert "ZIP 80302 (Boulder, Colorado): USDA zone 6a, 2023 map" in html
    assert "Not native to Colorado: Summer sedge." in html
    assert "Your zone, 6a, is inside it." in html
    # Removing a plant keeps the place; the share link never carries it.
    fields = [("plants", f"{spring.usda_symbol},{summer.usda_symbol}"), ("zip", "80302")]
    assert response.context["list_fields"] == fields
    assert (
        f'<button type="submit" class="listed-plant__remove" name="remove" value="{spring.usda_symbol}"'
        in html
    )
    removed = client.get(address(spring, summer, zip="80302", remove=spring.usda_symbol))
    assert listed(removed) == [summer.usda_symbol]
    assert "Not native to Colorado: Summer sedge." in removed.content.decode()
    assert "zip" not in response.context["share_url"]


def test_unknown_repeated_and_junk_symbols_are_dropped_with_a_note(client, three, make_plants):
    spring, _, _ = three
    draft = make_plants(1, status=PublicationStatus.DRAFT)[0]
    query = f"{spring.usda_symbol},{spring.usda_symbol.lower()},NOSUCH1,{draft.usda_symbol},<b>x</b>,9ABC"
    response = client.get(f"/list/?plants={query}")
    assert response.status_code == 200
    assert listed(response) == [spring.usda_symbol]
    html = response.content.decode()
    assert "Left out, not USDA symbols: “&lt;b&gt;x&lt;/b&gt;”, “9ABC”." in html
    assert f"Listed more than once, kept once: {spring.usda_symbol}." in html
    assert f"Left out, no plant on this site has the symbol: NOSUCH1, {draft.usda_symbol}." in html
    assert "<b>x</b>" not in html


def test_a_list_keeps_200_plants_and_an_address_too_long_for_any_list_is_a_400(client, make_plants):
    plants = make_plants(201)
    response = client.get(address(*plants))
    assert response.status_code == 200
    assert len(listed(response)) == 200
    assert "A list holds up to 200 plants: the last 1 plant was left out." in response.content.decode()
    response = client.get("/list/?plants=" + ",".join(f"AB{n}" for n in range(5000)))
    assert response.status_code == 400
    assert "address is too long: a list holds up to 200 plants" in response.content.decode()
    for path in ("/list/plants.csv", "/list/plants.json"):
        response = client.get(path + "?plants=" + "A" * 5000)
        assert response.status_code == 400
        assert "a list holds up to 200 plants" in response.content.decode()


def test_bad_zip_codes_and_states_are_a_400_with_the_error(client, three):
    response = client.get(address(three[0], zip="1234x"))
    assert response.status_code == 400
    assert "Enter a ZIP code of five digits, such as 80302." in response.content.decode()
    response = client.get(address(three[0], state="XX"))
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


def test_an_empty_list_says_how_to_add_plants(client, db):
    for path in ("/list/", "/list/?plants="):
        response = client.get(path)
        assert response.status_code == 200
        assert "No plants yet. Use “Add to my list”" in response.content.decode()


def test_the_csv_download_has_a_header_and_a_row_per_plant(client, three):
    spring, summer, rare = three
    response = client.get(f"/list/plants.csv?plants={spring.usda_symbol},{rare.usda_symbol}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="my-plant-list.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["Common name"] for row in rows] == ["Spring aster", "Rare lily"]
    first = rows[0]
    assert first["USDA symbol"] == spring.usda_symbol
    assert first["Bloom period"] == "Late Spring" and first["Bloom months"] == "5"
    assert first["Flower colour"] == "Yellow" and first["Mature height (ft)"] == "2"
    assert first["Nursery availability"] == "Routinely available"
    assert first["Light"] == "Full sun" and first["Native to"] == "Colorado" and first["Rare"] == "No"
    assert first["Hardiness"] == "Zones 4–8"
    assert first["Page"] == f"http://testserver/plants/{spring.slug}/"
    assert rows[1]["Rare"] == "Yes" and rows[1]["Bloom period"] == ""


def test_the_json_download(client, three):
    spring, summer, _ = three
    response = client.get(f"/list/plants.json?plants={summer.usda_symbol},{spring.usda_symbol},NOPE1")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-plant-list.json"'
    document = json.loads(response.content)
    assert document["url"] == f"http://testserver/list/?plants={summer.usda_symbol},{spring.usda_symbol}"
    assert document["notes"] == ["Left out, no plant on this site has the symbol: NOPE1."]
    first = document["plants"][0]
    assert first["common_name"] == "Summer sedge"
    assert first["bloom_months"] == [6, 7, 8] and first["flower_color"] == "Purple"
    assert first["light"] == ["Full shade"] and first["native_to"] == ["Utah"] and first["rare"] is False
    assert first["height_feet"] == 2.0


def test_a_list_of_200_plants_costs_the_queries_of_a_list_of_3(client, make_plants, settings):
    settings.CACHE_SECONDS = 0
    plants = make_plants(200, usda=TRAITS)
    counts = []
    for size in (3, 200):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address(*plants[:size]))
        assert response.status_code == 200 and len(listed(response)) == size
        counts.append(len(queries))
    assert counts[0] == counts[1] == 1


def test_missing_and_older_documents_are_built_together_on_a_visit(client, make_plants, settings):
    settings.CACHE_SECONDS = 0
    plants = make_plants(6, usda=TRAITS)
    PlantPage.objects.filter(profile__in=plants[:3]).delete()
    PlantPage.objects.filter(profile__in=plants[3:]).update(document={"version": 1})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address(*plants))
    assert len(listed(response)) == 6
    assert len(queries) < 20  # the list read, one page build for all six (its prefetches), two writes
    with CaptureQueriesContext(connection) as queries:
        client.get(address(*plants))
    assert len(queries) == 1


def test_the_list_page_is_cached_per_address_and_follows_content_changes(
    client, three, django_assert_num_queries
):
    spring, summer, _ = three
    first = client.get(address(spring, summer))
    with django_assert_num_queries(0):
        again = client.get(address(spring, summer))
    assert again.content == first.content
    assert not again.cookies
    other = client.get(address(spring))
    assert listed(other) == [spring.usda_symbol]
    with content.change() as change:
        type(spring).objects.filter(pk=spring.pk).update(common_name="Renamed aster")
        change.profiles([spring.pk])
    assert "Renamed aster" in client.get(address(spring, summer)).content.decode()


def test_every_public_page_has_the_header_link_and_plant_pages_and_cards_the_add_button(client, alumroot):
    home = client.get("/").content.decode()
    assert '<a href="/list/" data-my-list>My list<span data-my-list-count></span></a>' in home
    assert 'src="/static/plants/list.' in home
    page = client.get(alumroot.get_absolute_url()).content.decode()
    assert (
        '<a class="add-to-list" href="/list/?plants=HEPAM2" data-add-to-list="HEPAM2" '
        'data-name="Littleleaf Alumroot">Add to my list' in page
    )
    finder = client.get("/plants/").content.decode()
    assert 'data-add-to-list="HEPAM2"' in finder
