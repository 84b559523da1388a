"""The finder's CSV and JSON Lines downloads: exactly the finder's plants, streamed, safe in a spreadsheet."""

import csv
import datetime
import io
import json

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plants import open_data
from plants.models import PlantProfile, PublicationStatus
from tests.support.factories import genus_chain

FINDER = reverse("plants:finder")
CSV = reverse("plants:finder_download", kwargs={"fmt": "csv"})
JSONL = reverse("plants:finder_download", kwargs={"fmt": "jsonl"})
USDA = {"bloom_period": "Late Spring", "flower_color": "yellow", "height_feet": 2.5, "evergreen": False}

pytestmark = pytest.mark.usefixtures("no_page_cache")


@pytest.fixture
def no_page_cache():
    with override_settings(CACHE_SECONDS=0):
        yield


def body(response) -> str:
    assert response.status_code == 200, response
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response))))


def finder_symbols(client, query) -> list[str]:
    """The finder's plants for `query`, every page of them, and its count."""
    paginator = client.get(FINDER, query).context["page_obj"].paginator
    symbols = [plant.usda_symbol for plant in paginator.object_list[0 : paginator.count]]
    assert len(symbols) == paginator.count
    return symbols


@pytest.fixture
def garden(alumroot, make_plants):
    make_plants(4, zone_min=5, zone_max=14, states=("CO", "NM"), usda=USDA)
    make_plants(3, zone_min=11, zone_max=20, states=("TX",), light_full_sun=False, light_full_shade=True)
    make_plants(2, genus=genus_chain("Otheraceae", "Otheria"), rank_code="G2", states=("ME",))
    make_plants(2, status=PublicationStatus.DRAFT, common_name="Draft plant")


QUERIES = [
    {},
    {"zone": "5b"},
    {"light": "full_shade"},
    {"state": ["CO", "ME"], "sort": "botanical"},
    {"rare": "on"},
    {"q": "test plant", "zone": "6"},
    {"bloom": "spring", "color": "yellow"},
    {"zip": "80302"},
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda query: "&".join(query) or "all")
def test_the_csv_has_exactly_the_plants_the_finder_counts_in_its_order(client, garden, query):
    expected = finder_symbols(client, query)
    rows = csv_rows(client.get(CSV, query))
    assert [row["USDA symbol"] for row in rows] == expected
    lines = body(client.get(JSONL, query)).splitlines()
    assert [json.loads(line)["symbol"] for line in lines] == expected


def test_several_filters_give_different_plants(client, garden):
    # So the comparisons above compare something: the filters do narrow the rows.
    counts = {len(finder_symbols(client, query)) for query in QUERIES}
    assert len(counts) >= 4 and 0 not in counts


def test_the_csv_has_a_header_utf8_text_and_every_column(client, garden, make_plants):
    make_plants(1, common_name="Ñandú’s sötbär 蓮", usda=USDA, states=("CO", "AK"))
    response = client.get(CSV, {"q": "sötbär"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="native-plants.csv"'
    text = body(response)
    header, *rows = list(csv.reader(io.StringIO(text)))
    assert header == open_data.HEADERS
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Common name"] == "Ñandú’s sötbär 蓮"
    assert row["Coldest zone"] == "4a" and row["Warmest zone"] == "8b"
    assert row["Native places"] == "AK; CO"
    assert (row["Bloom period"], row["Flower colour"], row["Mature height (ft)"]) == (
        "Late Spring",
        "Yellow",
        "2.5",
    )
    assert (row["Evergreen"], row["Rare"], row["Light"]) == ("No", "No", "Full sun")
    assert row["Page"].startswith("http://testserver/plants/test-plant-")


def test_the_alumroot_row_cites_usda_and_its_page(client, alumroot):
    (row,) = csv_rows(client.get(CSV, {"q": "alumroot"}))
    assert row["USDA symbol"] == "HEPAM2"
    assert row["Source"].startswith("USDA, NRCS")
    assert row["Page"] == f"http://testserver{alumroot.get_absolute_url()}"


def test_text_a_spreadsheet_would_run_is_kept_as_text(client, make_plants):
    for name in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"):
        make_plants(1, common_name=name)
    names = sorted(row["Common name"] for row in csv_rows(client.get(CSV)))
    assert names == ["'+1", "'-2", '\'=HYPERLINK("http://x")', "'@SUM(A1)"]
    # The JSON is data, not a spreadsheet: the names as written.
    lines = body(client.get(JSONL)).splitlines()
    assert sorted(json.loads(line)["common_name"] for line in lines) == [
        "+1",
        "-2",
        '=HYPERLINK("http://x")',
        "@SUM(A1)",
    ]


def test_drafts_and_scheduled_plants_are_never_downloaded(client, garden, make_plants):
    make_plants(1, common_name="Scheduled plant", published_at=timezone.now() + datetime.timedelta(days=1))
    assert PlantProfile.objects.scheduled().get().common_name == "Scheduled plant"
    for url in (CSV, JSONL):
        text = body(client.get(url))
        assert "Draft plant" not in text and "Scheduled plant" not in text
    assert len(csv_rows(client.get(CSV))) == 10  # the alumroot and 9 published test plants


def test_json_lines_give_one_record_per_plant_with_its_types(client, garden):
    response = client.get(JSONL, {"zone": "5b"})
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="native-plants.jsonl"'
    records = [json.loads(line) for line in body(response).splitlines()]
    assert records and all(
        list(record) == [column.name for column in open_data.COLUMNS] for record in records
    )
    test_plant = next(record for record in records if record["symbol"].startswith("TP"))
    assert test_plant["native_places"] == ["CO", "NM"] and test_plant["height_ft"] == 2.5
    assert test_plant["rare"] is False and test_plant["evergreen"] is False


@pytest.mark.parametrize("url", [CSV, JSONL])
@pytest.mark.parametrize("query", [{"zone": "99"}, {"light": "moonlight"}, {"zip": "abc"}, {"q": "x" * 201}])
def test_a_bad_filter_is_the_finders_400(client, garden, url, query):
    assert client.get(FINDER, query).status_code == 400
    response = client.get(url, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().strip()


def test_an_unknown_format_is_a_404(client):
    assert client.get("/plants/download.xlsx").status_code == 404


def _queries_for_download(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        body(client.get(url))
    return len(queries)


@pytest.mark.parametrize("url", [CSV, JSONL])
def test_queries_do_not_grow_with_the_plants_in_a_chunk(client, make_plants, url):
    make_plants(5)
    client.get(url)  # the finder's index, built once per content version
    few = _queries_for_download(client, url)
    make_plants(45)
    client.get(url)
    assert _queries_for_download(client, url) == few <= 4


def test_more_plants_than_a_chunk_come_in_order(client, make_plants, monkeypatch):
    from plants import downloads

    monkeypatch.setattr(downloads, "CHUNK", 7)
    make_plants(20)
    expected = finder_symbols(client, {"sort": "hardiest"})
    assert [row["USDA symbol"] for row in csv_rows(client.get(CSV, {"sort": "hardiest"}))] == expected


def test_the_finder_links_to_its_downloads_with_its_filters(client, garden):
    html = client.get(FINDER, {"zone": "5b", "light": "full_sun"}).content.decode()
    count = len(finder_symbols(client, {"zone": "5b", "light": "full_sun"}))
    assert f"Download these {count} plants as CSV" in html
    assert f'href="{CSV}?zone=5b&amp;light=full_sun"' in html
    assert f'href="{JSONL}?zone=5b&amp;light=full_sun"' in html
    assert "Download these" not in client.get(FINDER, {"zone": "1a"}).content.decode()
    assert "Download this plant as CSV" in client.get(FINDER, {"q": "alumroot"}).content.decode()


def test_robots_keep_out_of_the_downloads(client):
    assert "Disallow: /plants/download." in client.get("/robots.txt").content.decode()
