"""The open data's columns, records and CSV cells (plants/open_data.py), without a database."""

import csv
import dataclasses
import io
import json

import pytest

from plants import open_data

PLANT = open_data.PlantRow(
    symbol="HEPAM2",
    common_name="Alumroot",
    scientific_name="Heuchera parvifolia var. microphylla",
    family="Saxifragaceae",
    zone_min=7,
    zone_max=None,
    light=(True, True, False),
    water_need="low",
    native_places=("NM", "CO"),
    is_rare=1,  # SQLite gives 0/1
    bloom_period="Late Spring",
    flower_color="white",
    height_feet=1.0,
    availability="routinely_available",
    evergreen=None,
    toxicity="none",
    source="USDA, NRCS 2026. The PLANTS Database",
    url="https://example.org/plants/alumroot/",
)


def test_a_record_gives_labels_lists_numbers_and_true_false():
    record = open_data.record(PLANT)
    assert list(record) == [column.name for column in open_data.COLUMNS]
    assert record["zone_min"] == "4a" and record["zone_max"] == ""
    assert record["light"] == ["Full sun", "Partial shade"]
    assert record["water"] == "Low (drought-tolerant once established)"
    assert record["native_places"] == ["CO", "NM"]
    assert record["rare"] is True and record["evergreen"] is None
    assert (record["flower_color"], record["availability"], record["toxicity"]) == (
        "White",
        "Routinely available",
        "Not toxic",
    )


def test_a_plant_without_usda_data_has_empty_cells_not_none():
    bare = dataclasses.replace(
        PLANT, family=None, zone_min=None, bloom_period=None, flower_color=None, height_feet=None,
        availability=None, toxicity=None, water_need="", light=(False, False, False),
    )  # fmt: skip
    row = dict(zip(open_data.HEADERS, open_data.csv_row(open_data.record(bare)), strict=True))
    assert row["Family"] == row["Coldest zone"] == row["Bloom period"] == row["Mature height (ft)"] == ""
    assert row["Light"] == row["Water"] == row["Toxicity"] == row["Evergreen"] == ""


def test_a_csv_row_follows_the_headers():
    row = open_data.csv_row(open_data.record(PLANT))
    assert len(row) == len(open_data.HEADERS)
    assert row[open_data.HEADERS.index("Native places")] == "CO; NM"
    assert row[open_data.HEADERS.index("Rare")] == "Yes"
    assert row[open_data.HEADERS.index("Mature height (ft)")] == "1"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert open_data.spreadsheet_text(text) == "'" + text
    assert open_data.csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Alumroot", "", "5 = five", "'quoted", "Ñandú"])
def test_other_text_is_left_alone(text):
    assert open_data.spreadsheet_text(text) == text


def test_a_list_whose_first_item_is_a_formula_is_escaped_too():
    assert open_data.csv_cell(["=cmd", "b"]) == "'=cmd; b"


def test_a_json_line_is_one_line_of_utf8_text():
    line = open_data.json_line({"name": "Ñandú\n<b>"})
    assert line.endswith("\n") and line.count("\n") == 1
    assert json.loads(line) == {"name": "Ñandú\n<b>"}
    assert "Ñandú" in line


def test_every_column_has_a_header_meaning_and_source():
    names = [column.name for column in open_data.COLUMNS]
    assert len(set(names)) == len(names) and len(set(open_data.HEADERS)) == len(names)
    assert all(column.meaning and column.source for column in open_data.COLUMNS)


def test_the_data_dictionary_lists_every_column_and_the_citations():
    text = open_data.data_dictionary(["USDA, NRCS 2026. The PLANTS Database."], "3 plants.")
    for column in open_data.COLUMNS:
        assert f"| `{column.name}` | {column.header} |" in text
    assert "- USDA, NRCS 2026. The PLANTS Database." in text and "3 plants." in text
    assert "NatureServe" in text


def test_the_rows_read_back_through_csv():
    out = io.StringIO()
    csv.writer(out).writerows([open_data.HEADERS, open_data.csv_row(open_data.record(PLANT))])
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert header == open_data.HEADERS and row[0] == "HEPAM2"
