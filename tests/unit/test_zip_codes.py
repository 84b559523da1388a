"""ZIP codes to zone, map and state (plain Python, the shipped tables)."""

import csv
import gzip
import subprocess
import sys

import pytest

from plants import regions, usps_prefixes, zip_codes


def shipped_rows(name):
    with gzip.open(zip_codes.DEFAULT_DIR / name, "rt", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def table():
    return zip_codes.table()


def test_a_zip_of_the_2023_map_gives_its_zone_city_and_state(table):
    place = table.find("80302")
    assert (place.zone_label, place.map_year, place.state, place.place_name) == (
        "6a",
        2023,
        "CO",
        "Boulder, Colorado",
    )
    assert place.zone_span.low == place.zone_span.high == place.zone


@pytest.mark.parametrize(
    ("code", "zone", "name"),
    [
        ("99501", "4b", "Anchorage, Alaska"),
        ("96813", "12b", "Honolulu, Hawaii"),
        ("00601", "11b", "Adjuntas, Puerto Rico"),
    ],
)
def test_alaska_hawaii_and_puerto_rico_come_from_the_2012_map(table, code, zone, name):
    place = table.find(code)
    assert (place.zone_label, place.map_year, place.place_name) == (zone, 2012, name)


def test_the_2023_map_wins_where_both_have_the_zip():
    rows_2012 = {row["zipcode"]: row["zone"] for row in shipped_rows("zones-2012.csv.gz")}
    rows_2023 = {row["zipcode"]: row["zone"] for row in shipped_rows("zones-2023.csv.gz")}
    differing = next(code for code in rows_2023 if code in rows_2012 and rows_2012[code] != rows_2023[code])
    place = zip_codes.table().find(differing)
    assert (place.zone_label, place.map_year) == (rows_2023[differing], 2023)
    only_2012 = [code for code in rows_2012 if code not in rows_2023]
    assert len(only_2012) == 417
    assert {zip_codes.table().find(code).map_year for code in only_2012} == {2012}


def test_a_zip_outside_the_zip_table_takes_its_state_from_its_prefix(table):
    place = table.find("00501")  # Holtsville, New York's IRS ZIP: on the 2023 map only
    assert (place.zone_label, place.state, place.city, place.place_name) == ("7b", "NY", None, "New York")


def test_every_zone_zip_has_a_state_but_one_unassigned_prefix(table):
    with_zone = [table.find(code) for code in table.codes()]
    without_state = [place.code for place in with_zone if place.zone and place.state is None]
    assert without_state == ["88888"]
    assert sum(1 for place in with_zone if place.zone) == 40338


def test_the_prefix_table_agrees_with_every_zip_of_the_zip_table():
    rows = shipped_rows("places.csv.gz")
    assert len(rows) == 29808
    wrong = [row for row in rows if usps_prefixes.state_for(int(row["zipcode"])) != row["state"]]
    assert wrong == []


def test_the_prefix_table_is_in_order_and_names_known_places():
    runs = usps_prefixes.PREFIX_RUNS
    assert all(
        first <= last < next_first
        for (first, last, _), (next_first, _, _) in zip(runs, runs[1:], strict=False)
    )
    assert {state for _, _, state in runs} <= set(regions.PLACES)
    assert usps_prefixes.state_for(88510) == "TX"  # El Paso, in the middle of New Mexico's prefixes
    assert usps_prefixes.state_for(83414) == "WY"
    assert usps_prefixes.state_for(83401) == "ID"
    assert usps_prefixes.state_for(0) is None


def test_places_outside_the_zone_maps_have_no_zone(table):
    place = table.find("96910")
    assert (place.zone, place.map_year, place.place_name) == (None, None, "Hagatna, Guam")


def test_a_well_formed_zip_in_no_table_is_unknown():
    assert zip_codes.look_up("00000") is None
    assert zip_codes.look_up("80399") is None  # Colorado's prefix, but no such ZIP in the tables


@pytest.mark.parametrize(
    "text",
    ["1234x", "123", "123456", "4" * 40, "<b>80302</b>", "80302-1234", "８０３０２", "٨٠٣٠٢", "", "80 302"],
)
def test_anything_but_five_digits_is_an_error(text):
    with pytest.raises(zip_codes.ZipCodeError, match="Enter a ZIP code of five digits, such as 80302."):
        zip_codes.look_up(text)


def test_spaces_around_a_zip_are_dropped():
    assert zip_codes.clean(" 80302 ") == "80302"


def test_city_names_are_written_as_names(table):
    assert table.find("80521").city == "Fort Collins"
    assert zip_codes._city_name("KING'S MOUNTAIN") == "King's Mountain"


def test_a_damaged_table_names_the_file_and_line(tmp_path):
    for name in (*zip_codes.ZONE_FILES.values(), zip_codes.PLACE_FILE):
        (tmp_path / name).write_bytes((zip_codes.DEFAULT_DIR / name).read_bytes())
    with gzip.open(tmp_path / "zones-2023.csv.gz", "wt") as stream:
        stream.write("zipcode,zone\n80302,6a\n80303,6c\n")
    with pytest.raises(zip_codes.ZipDataError, match=r"zones-2023.csv.gz:3: .*6c"):
        zip_codes.ZipTable(tmp_path)


def test_the_look_up_imports_no_django():
    script = "import sys, plants.zip_codes as z; z.look_up('80302'); print(any(m.startswith('django') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("code", "summary"),
    [
        ("80302", "ZIP 80302 (Boulder, Colorado): USDA zone 6a, 2023 map"),
        ("99501", "ZIP 99501 (Anchorage, Alaska): USDA zone 4b, 2012 map"),
        ("00501", "ZIP 00501 (New York): USDA zone 7b, 2023 map"),
        ("88888", "ZIP 88888: USDA zone 8a, 2023 map"),
        ("96910", "ZIP 96910 (Hagatna, Guam): no USDA zone on our maps; choose your zone"),
    ],
)
def test_the_summary_says_the_place_the_zone_and_the_map(table, code, summary):
    assert table.find(code).summary == summary


def test_an_unknown_zip_is_said_plainly():
    assert zip_codes.unknown_message("00000") == "We don't have ZIP 00000; choose your zone and state"
