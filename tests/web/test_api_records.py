"""/api/plants/{symbol}/, /api/taxa/ and /api/zip/: every fact with its source, hostile text as data."""

import json

import pytest

from tests.support import factories
from tests.support.factories import ALL_PAYLOADS, XSS_PAYLOADS, XSS_URL

TRAITS = {
    "has_characteristics": True,
    "bloom_period": "Late Spring",
    "flower_color": "yellow",
    "height_feet": 2.0,
}


def test_a_plant_record_has_every_group_with_its_source(client, alumroot):
    response = client.get("/api/plants/HEPAM2/")
    assert response.status_code == 200
    record = response.json()
    assert record["symbol"] == "HEPAM2" and record["common_name"] == "Littleleaf Alumroot"
    assert record["page_url"] == alumroot.get_absolute_url()
    assert record["article"]["source"]["name"] == "The site's editors"
    assert record["article"]["source"]["licence"] is None
    assert record["article"]["summary"] == alumroot.summary.replace("\r\n", "\n")
    assert [s["heading"] for s in record["article"]["sections"]] == [
        s.heading for s in alumroot.sections.order_by("order")
    ]
    assert record["conservation"]["source"]["name"] == "NatureServe"
    assert record["conservation"]["statuses"][0]["rank"] == alumroot.conservation_statuses.first().rank
    assert record["classification"]["taxon"]["scientific_name"] == alumroot.taxon.scientific_name
    assert [t["rank"] for t in record["classification"]["lineage"]][0] == "Kingdom"
    assert record["profile"]["source"]["citation"] == alumroot.data_source.citation
    assert client.get(record["classification"]["taxon"]["api_url"]).status_code == 200


def test_symbols_are_read_in_any_case(client, alumroot):
    assert client.get("/api/plants/hepam2/").json()["symbol"] == "HEPAM2"


def test_usda_facts_cite_usda_with_the_copys_date(client, db):
    plant = factories.make_plants(1, usda=TRAITS)[0]
    usda = client.get(f"/api/plants/{plant.usda_symbol}/").json()["usda"]
    assert usda["source"]["accessed"] == "20 November 2026"
    assert usda["source"]["citation"] == (
        "USDA, NRCS. 2026. The PLANTS Database (https://plants.usda.gov, accessed 20 November 2026). "
        "National Plant Data Team, Greensboro, NC USA."
    )
    assert usda["source"]["licence"].startswith("Public domain")
    assert usda["facts"] == [
        {"label": "Bloom period", "value": "Late Spring"},
        {"label": "Flower colour", "value": "Yellow"},
        {"label": "Mature height", "value": "2 ft"},
    ]


@pytest.mark.parametrize("status", ["draft", "scheduled"])
def test_drafts_and_scheduled_plants_are_not_found(client, db, status):
    fields = {"status": "draft"} if status == "draft" else {"published_at": "2999-01-01T00:00:00Z"}
    plant = factories.make_plants(1, **fields)[0]
    response = client.get(f"/api/plants/{plant.usda_symbol}/")
    assert response.status_code == 404
    assert response.json() == {"detail": f"No published plant has the USDA symbol {plant.usda_symbol}."}
    assert client.get("/api/plants/").json()["count"] == 0


def test_hostile_text_comes_back_as_the_data_it_is(client, db):
    hostile = factories.hostile_plant()
    response = client.get("/api/plants/XSS1/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    record = json.loads(response.content)
    article = record["article"]
    assert article["summary"] == ALL_PAYLOADS + "\n\n" + ALL_PAYLOADS
    assert [section["body"] for section in article["sections"]] == [ALL_PAYLOADS] * 5
    assert "<script>" not in article["summary_html"] and "&lt;script&gt;" in article["summary_html"]
    assert [tip["text"] for tip in article["care_tips"]] == [*XSS_PAYLOADS, XSS_URL]
    assert article["notes"]["soil"] == ALL_PAYLOADS
    assert record["common_name"] == hostile.common_name
    assert record["conservation"]["statuses"][0]["editors_explanation"] == ALL_PAYLOADS
    assert record["images"][0]["credit"] == hostile.images.order_by("order").first().credit
    assert record["profile"]["source"]["citation"] == hostile.data_source.citation
    listed = client.get("/api/plants/?q=hostile").json()["results"]
    assert [plant["common_name"] for plant in listed] == [hostile.common_name]


def test_unknown_symbol_and_address_are_json_404s(client, db):
    assert client.get("/api/plants/NOPE/").status_code == 404
    response = client.get("/api/nowhere/")
    assert response.status_code == 404 and "detail" in response.json()
    assert client.get("/api/").json()["plants"] == "/api/plants/"


def test_plant_record_is_one_query(client, alumroot, django_assert_max_num_queries):
    client.get("/api/plants/HEPAM2/")
    with django_assert_max_num_queries(2):  # the version token, then the document
        client.get("/api/plants/HEPAM2/?fresh=1")


# -- taxa --------------------------------------------------------------------


def test_taxa_list_the_classification_with_parents(client, alumroot):
    body = client.get("/api/taxa/?page_size=100").json()
    by_slug = {taxon["slug"]: taxon for taxon in body["results"]}
    assert body["count"] == len(by_slug)
    kingdom = body["results"][0]
    assert kingdom["rank"] == "Kingdom" and kingdom["parent"] is None
    family = by_slug["saxifragaceae"]
    assert family["parent"]["api_url"].startswith("/api/taxa/")
    children = client.get(f"/api/taxa/?parent={family['slug']}").json()["results"]
    assert all(child["parent"]["slug"] == "saxifragaceae" for child in children) and children
    families = client.get("/api/taxa/?rank=family").json()["results"]
    assert {taxon["rank"] for taxon in families} == {"Family"}


def test_a_taxon_has_ancestors_children_and_counts(client, alumroot):
    taxon = client.get("/api/taxa/saxifragaceae/").json()
    assert taxon["scientific_name"] == "Saxifragaceae"
    assert taxon["ancestors"][0]["rank"] == "Kingdom"
    assert [child["plant_count"] for child in taxon["children"]] == [1]
    assert taxon["child_count"] == 1
    assert client.get(taxon["children_url"]).json()["count"] == 1
    assert taxon["source"]["name"] == "USDA PLANTS"


def test_taxa_bad_input(client, db):
    assert client.get("/api/taxa/nosuch/").status_code == 404
    response = client.get("/api/taxa/?rank=clade")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "rank"


@pytest.mark.parametrize("count", [5, 50])
def test_taxa_query_count_is_flat(client, db, django_assert_max_num_queries, count):
    factories.make_plants(count)
    with django_assert_max_num_queries(3):
        response = client.get("/api/taxa/?page_size=100")
    assert response.json()["count"] == count + 3


# -- ZIP codes --------------------------------------------------------------------


def test_a_zip_codes_zone_map_year_and_state(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):  # the content version, for the page cache; the tables are in memory
        response = client.get("/api/zip/80302/")
    assert response.json() == {
        "code": "80302",
        "zone": "6a",
        "map_year": 2023,
        "state": "CO",
        "state_name": "Colorado",
        "city": "Boulder",
        "summary": response.json()["summary"],
    }
    assert "6a" in response.json()["summary"]


def test_unknown_zip_is_404_and_malformed_400(client, db):
    unknown = client.get("/api/zip/00000/")
    assert unknown.status_code == 404 and "00000" in unknown.json()["detail"]
    malformed = client.get("/api/zip/8030x/")
    assert malformed.status_code == 400
    assert malformed.json()["errors"] == [
        {"field": "code", "message": "Enter a ZIP code of five digits, such as 80302."}
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/api/plants/%00/",
        "/api/plants/?q=%00",
        "/api/plants/?use=%00",
        "/api/plants/?family=a%00b",
        "/api/plants/?zone=%00",
        "/api/taxa/?parent=a%00",
        "/api/taxa/%00/",
        "/api/zip/%00/",
        "/api/plants/" + "A" * 5000 + "/",
    ],
)
def test_hostile_addresses_are_4xx_not_5xx(client, alumroot, path):
    response = client.get(path)
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()
