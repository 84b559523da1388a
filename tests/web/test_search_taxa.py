"""Search reaches every taxon of USDA PLANTS, and taxon pages count native plants, on real USDA rows.

Two thistles of one genus: field thistle (CIDI), native, has a profile; Canada
thistle (CIAR4) and bull thistle (CIVU), introduced, are taxa without one.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from plants import views
from plants.models import PlantProfile
from tests.support.usda import shipped_bytes, write_subset

FINDER = reverse("plants:finder")
THISTLES = ["CIDI", "CIAR4", "CIVU"]
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram search")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the portable SQLite fallback")


def import_symbols(directory, symbols):
    call_command("import_usda", str(write_subset(directory, symbols)), stdout=io.StringIO())


@pytest.fixture
def thistles(tmp_path, db):
    import_symbols(tmp_path, THISTLES)


def finder(client, text):
    response = client.get(FINDER, {"q": text})
    assert response.status_code == 200
    return response


def native_cards(response) -> list[str]:
    return [plant.common_name.lower() for plant in response.context["plants"]]


def other_taxa(response) -> list[str]:
    found = response.context["other_taxa"]
    return [taxon.scientific_name for taxon in found.taxa] if found else []


def other_section(html: str) -> str:
    """The finder's block of other taxa, as the visitor reads it."""
    match = re.search(r'<section class="other-taxa".*?</section>', html, re.S)
    return match.group(0) if match else ""


@pytest.mark.parametrize(
    "text", ["CIAR4", "ciar4", "Cirsium arvense", "cirsium ARVENSE", "Canada thistle", "canada thistle"]
)
def test_an_introduced_plant_is_found_by_symbol_and_names_and_listed_apart(client, thistles, text):
    response = finder(client, text)
    assert "canada thistle" not in native_cards(response)
    assert other_taxa(response)[0] == "Cirsium arvense"
    html = response.content.decode()
    block = other_section(html)
    assert f"Other plants in USDA PLANTS matching “{text}”" in block
    assert 'href="/taxa/cirsium-arvense/"' in block and "introduced" in block and "Species" in block
    # Never a card, nor counted among the plants.
    cards = html[html.index('id="results-heading"') : html.index('<section class="other-taxa"')]
    assert "Canada thistle" not in cards
    assert response.context["page_obj"].paginator.count == len(native_cards(response))


def test_a_symbol_search_counts_no_native_plant_and_no_facet(client, thistles):
    response = finder(client, "CIAR4")
    assert native_cards(response) == []
    assert "0 plants" in response.content.decode()
    assert all(option.count == 0 for facet in response.context["facets"].values() for option in facet.options)


def test_a_native_plant_is_a_card_and_not_listed_again(client, thistles):
    response = finder(client, "field thistle")
    assert native_cards(response) == ["field thistle"]
    assert "Cirsium discolor" not in other_taxa(response)


def test_a_genus_is_found_beside_its_native_plants(client, thistles):
    response = finder(client, "Cirsium")
    assert native_cards(response) == ["field thistle"]
    found = other_taxa(response)
    assert found[0] == "Cirsium"  # the genus itself first
    assert {"Cirsium arvense", "Cirsium vulgare"} <= set(found) and "Cirsium discolor" not in found
    block = other_section(response.content.decode())
    assert 'href="/taxa/cirsium/"' in block and "Genus" in block


def test_a_draft_profiles_taxon_is_listed_apart_without_being_called_introduced(client, thistles):
    PlantProfile.objects.filter(usda_symbol="CIDI").update(status="draft")
    response = finder(client, "field thistle")
    assert native_cards(response) == []
    (discolor,) = [t for t in response.context["other_taxa"].taxa if t.scientific_name == "Cirsium discolor"]
    assert not discolor.introduced


def test_no_query_no_list_and_wildcards_are_plain_text(client, thistles):
    assert finder(client, "").context["other_taxa"] is None
    for text in ["%%%", "___", "a", "ci", "%" * 50]:
        assert other_taxa(finder(client, text)) == [], text


@on_postgresql
@pytest.mark.parametrize("text", ["Cirsium arvens", "canada thistel", "cirsum arvense"])
def test_postgresql_forgives_misspelt_names(client, thistles, text):
    assert other_taxa(finder(client, text))[0] == "Cirsium arvense"


@on_sqlite
def test_sqlite_needs_every_word(client, thistles):
    assert other_taxa(finder(client, "thistle canada")) == ["Cirsium arvense"]
    assert other_taxa(finder(client, "canada thistel")) == []


def test_the_page_of_an_introduced_plant_says_so_and_where(client, thistles):
    html = client.get("/taxa/cirsium-arvense/").content.decode()
    assert "Not native: introduced in" in html
    sentence = html[html.index("Not native: introduced in") :].split("</strong>")[0]
    assert "Colorado" in sentence and "Ontario" in sentence
    assert 'class="card"' not in html and "No native plant profiles for this introduced plant" in html
    assert (
        '<meta name="description" content="Cirsium arvense (Canada thistle): not native, introduced in'
        in html
    )


def test_the_page_of_a_native_does_not_say_introduced(client, thistles):
    html = client.get("/taxa/cirsium-discolor/").content.decode()
    assert "Not native" not in html and 'class="card"' in html


def test_a_genus_lists_its_species_with_counts(client, thistles):
    html = client.get("/taxa/cirsium/").content.decode()
    children = html[html.index('id="children-heading"') : html.index('id="plants-heading"')]
    assert "(3)" in children
    assert re.search(r"<i>Cirsium discolor</i></a>.*?\(1 native plant\)", children)
    assert re.search(r"<i>Cirsium arvense</i></a>.*?\(introduced\)", children)
    assert re.search(r"<i>Cirsium vulgare</i></a>.*?\(introduced\)", children)
    plants = html[html.index('id="plants-heading"') :]
    assert "Native plants" in plants and plants.count('class="card"') == 1 and "Field thistle" in plants


def test_a_family_and_the_kingdom_count_native_plants_per_child(client, thistles):
    family = client.get("/taxa/asteraceae/").content.decode()
    assert re.search(r"<i>Cirsium</i></a>.*?\(1 native plant\)", family)
    kingdom = client.get("/taxa/plantae/").content.decode()
    children = kingdom[kingdom.index('id="children-heading"') : kingdom.index('id="plants-heading"')]
    assert "(1 native plant)" in children


def test_a_long_list_of_children_is_capped_and_says_so(client, thistles, monkeypatch):
    monkeypatch.setattr(views, "CHILDREN_SHOWN", 2)
    html = client.get("/taxa/cirsium/").content.decode()
    assert "The first 2 of 3, by name" in html
    assert "Cirsium arvense" in html and "Cirsium discolor" in html and "Cirsium vulgare" not in html


def cirsium_symbols(count: int) -> list[str]:
    rows = shipped_bytes("checklist").decode().splitlines()
    return [row.split(",")[0] for row in rows if ",Asteraceae,Cirsium," in row][:count]


def queries_for(client, urls, django_assert_max_num_queries) -> list[int]:
    counts = []
    for url in urls:
        with django_assert_max_num_queries(100) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured.captured_queries))
    return counts


def test_queries_do_not_grow_with_taxa(client, tmp_path, db, django_assert_max_num_queries):
    urls = [
        f"{FINDER}?q=thistle",
        f"{FINDER}?q=CIDI",  # the native: a card, and no other taxon
        "/taxa/cirsium/",
        "/taxa/asteraceae/",
        "/taxa/plantae/",
        "/taxa/cirsium-arvense/",
        reverse("plants:taxon_index"),
    ]
    (tmp_path / "few").mkdir()
    import_symbols(tmp_path / "few", THISTLES)
    few = queries_for(client, urls, django_assert_max_num_queries)
    (tmp_path / "many").mkdir()
    import_symbols(tmp_path / "many", THISTLES + cirsium_symbols(60))
    assert PlantProfile.objects.filter(family__scientific_name="Asteraceae").count() > 20
    assert queries_for(client, urls, django_assert_max_num_queries) == few
    assert max(few) <= 14  # the finder's first request: its index, built (after a look at the change log)


def test_a_variety_is_counted_under_its_species_genus_and_family(client, alumroot):
    # The seed's profile is a variety: two and three steps below the genus's and the family's children.
    genus = client.get("/taxa/heuchera/").content.decode()
    assert re.search(r"<i>Heuchera parvifolia</i></a>.*?\(1 native plant\)", genus)
    family = client.get("/taxa/saxifragaceae/").content.decode()
    assert re.search(r"<i>Heuchera</i></a>.*?\(1 native plant\)", family)
    species = client.get("/taxa/heuchera-parvifolia/").content.decode()
    assert re.search(r"microcarpa</i></a>.*?\(1 native plant\)", species)


def test_the_family_index_groups_families_by_division_with_native_counts(client, tmp_path, db):
    # Japanese cedar (CRJA3): a conifer introduced only; ANRO7: a moss, its division not recorded.
    import_symbols(tmp_path, [*THISTLES, "CRJA3", "ANRO7"])
    html = client.get(reverse("plants:taxon_index")).content.decode()
    headings = re.findall(r'<h2 id="division-\d+">(.*?)</h2>', html, re.S)
    assert len(headings) == 3
    assert "Flowering plants" in headings[0] and "(1 family, 1 native plant)" in headings[0]
    assert "Conifers" in headings[1] and "(1 family, 0 native plants)" in headings[1]
    assert "Division not recorded in USDA PLANTS" in headings[2]
    flowering, conifers = (
        html[: html.index(headings[1])],
        html[html.index(headings[1]) : html.index(headings[2])],
    )
    assert re.search(
        r'>Asteraceae</a> <span class="classification__common">Aster family</span> '
        r'<span class="count">\(1 native plant\)',
        flowering,
    )
    assert ">Cupressaceae</a>" in conifers and "(no native plants)" in conifers
