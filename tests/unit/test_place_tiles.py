"""The plant page's tile map of USDA PLANTS' 74 places (plants/place_tiles.py)."""

from plants import place_tiles, regions
from plants.place_tiles import BOTH, INTRODUCED, NATIVE, NO_RECORD, TILES


def test_every_usda_place_has_exactly_one_tile_and_no_other_place_has_one():
    assert len(regions.USDA_PLACE_CODES) == 74
    assert set(TILES) == set(regions.USDA_PLACE_CODES.values())
    assert set(TILES) <= set(regions.PLACES)


def test_no_two_tiles_overlap_and_all_are_on_the_grid():
    assert len(set(TILES.values())) == len(TILES)
    for column, row in TILES.values():
        assert 0 <= column < place_tiles.COLUMNS and 0 <= row < place_tiles.ROWS


def test_the_insets_have_the_last_row_to_themselves_after_an_empty_one():
    last = place_tiles.ROWS - 1
    inset_codes = {code for _, codes in place_tiles.INSETS for code in codes}
    assert inset_codes == {code for code, (_, row) in TILES.items() if row == last}
    assert inset_codes == {"PW", "GU", "MP", "FM", "MH", "UM", "BQ", "PR", "VI"}
    assert not [code for code, (_, row) in TILES.items() if row == last - 1]


def test_the_layout_is_roughly_geographic():
    column, row = {code: TILES[code][0] for code in TILES}, {code: TILES[code][1] for code in TILES}
    assert column["WA"] < column["MT"] < column["MN"] < column["OH"] < column["NY"] < column["ME"]
    assert row["ND"] < row["SD"] < row["NE"] < row["KS"] < row["OK"] < row["TX"]
    # Canada is north of the lower 48, and its provinces run west to east as they do.
    assert max(row[code] for code in regions.CANADIAN_PROVINCES if code in TILES) <= row["WA"]
    assert (
        column["BC"] < column["AB"] < column["SK"] < column["MB"] < column["ON"] < column["QC"] < column["NB"]
    )
    assert column["AK"] < column["YT"] and row["HI"] > row["CA"]


def test_each_tile_says_what_usda_records_there():
    tiles = {tile.code: tile for tile in place_tiles.place_map({"CO", "NM", "AZ"}, {"AZ", "HI"}).tiles}
    assert len(tiles) == 74
    assert (tiles["CO"].status, tiles["AZ"].status, tiles["HI"].status, tiles["ME"].status) == (
        NATIVE,
        BOTH,
        INTRODUCED,
        NO_RECORD,
    )
    assert tiles["CO"].label == "Colorado: native"
    assert tiles["AZ"].label == "Arizona: native and introduced"
    assert tiles["ME"].label == "Maine: no record"
    assert (tiles["NF"].name, tiles["VI"].name) == ("Newfoundland", "U.S. Virgin Islands")


def test_the_lists_and_the_legend_follow_the_tiles():
    mapped = place_tiles.place_map({"NM", "CO", "AZ"}, {"AZ", "HI"})
    assert mapped.lists == [
        ("Native in", ["Colorado", "New Mexico"]),
        ("Introduced in", ["Hawaii"]),
        ("Native and introduced in", ["Arizona"]),
    ]
    assert [status for status, _ in mapped.legend] == [NATIVE, INTRODUCED, BOTH, NO_RECORD]
    # "Both" joins the legend only when a tile shows it; the others are always there.
    native_only = place_tiles.place_map({"CO"}, set())
    assert native_only.lists == [("Native in", ["Colorado"])]
    assert native_only.legend == [(NATIVE, "Native"), (INTRODUCED, "Introduced"), (NO_RECORD, "No record")]


def test_the_maps_name_says_what_it_shows():
    assert place_tiles.place_map({"CO", "NM"}, set()).description("Littleleaf alumroot") == (
        "Tile map of the U.S. states, territories and Canadian provinces where USDA PLANTS records "
        "Littleleaf alumroot: native in 2. The lists follow the map."
    )
    assert place_tiles.place_map({"CO", "AZ"}, {"AZ", "HI"}).description("X") == (
        "Tile map of the U.S. states, territories and Canadian provinces where USDA PLANTS records "
        "X: native in 1, introduced in 1, native and introduced in 1. The lists follow the map."
    )


def test_the_insets_are_labelled_over_their_first_tile_on_the_empty_row():
    mapped = place_tiles.place_map(set(), set())
    assert mapped.insets == [("Pacific islands", 0, 96.5), ("Caribbean", 88, 96.5)]
    assert (mapped.width, mapped.height) == (142, 109)  # 13 columns and 10 rows of 10, 1 apart
    tiles = {tile.code: tile for tile in mapped.tiles}
    assert tiles["AK"].transform == "translate(0 0)"
    assert tiles["VI"].transform == "translate(110 99)"


def test_each_tile_is_drawn_with_its_tooltip_and_a_corner_only_where_listed_both_ways():
    tiles = {tile.code: tile for tile in place_tiles.place_map({"AZ", "CO"}, {"AZ"}).tiles}
    assert tiles["AZ"].svg == (
        '<g class="place-map__tile place-map__tile--both" transform="translate(11 55)">'
        "<title>Arizona: native and introduced</title>"
        '<rect width="10" height="10" rx="1.2"/><path class="place-map__corner" d="M6.2 10H8.8A1.2 1.2 0 0 0 10 8.8V6.2Z"/>'
        '<text x="5" y="6.6">AZ</text></g>'
    )
    assert "place-map__corner" not in tiles["CO"].svg
    assert "<title>Colorado: native</title>" in tiles["CO"].svg
    drawn = place_tiles.place_map({"AZ", "CO"}, {"AZ"}).tiles_svg
    assert drawn.count("<g class=") == 74 and drawn.startswith("\n    <g ")
