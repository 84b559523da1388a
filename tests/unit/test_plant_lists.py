"""A plant list's address, bloom calendar and summary (plants/plant_lists), from page documents alone."""

import pytest

from plants.plant_lists import bloom_calendar, summary, symbols
from plants.plant_lists.entries import HEADERS, ListedPlant, csv_row, record


def plant(name="Alumroot", *, symbol=None, zones=(7, 16), light=("Full sun",), water="Medium",
          bloom="", color="", rare=False, states=("Colorado",), usda=True) -> ListedPlant:  # fmt: skip
    document = {
        "common_name": name,
        "taxon": {"scientific_name": f"{name}ia vulgaris", "is_italicised": True},
        "zone_min": zones[0],
        "zone_max": zones[1],
        "hardiness": "",
        "light_levels": list(light),
        "water_need": {
            "Low": "Low (drought-tolerant once established)",
            "High": "High (moist to wet soil)",
        }.get(water, water),
        "native_ranges": list(states),
        "is_rare": rare,
        "usda": {"bloom_period": bloom, "flower_color": color, "height_feet": 2.5, "availability": ""}
        if usda
        else None,
    }
    return ListedPlant(symbol or name[:4].upper(), name.lower(), document)


# --- the address ---------------------------------------------------------------------------


def test_symbols_are_read_in_order_upper_cased_each_once_and_junk_is_named():
    requested = symbols.parse(" hepam2, ASTU,HEPAM2;<script>, 1ABC ,,")
    assert requested.symbols == ("HEPAM2", "ASTU")
    assert requested.repeated == ("HEPAM2",)
    assert requested.not_symbols == ("<script>", "1ABC")
    notes = symbols.notes(requested, unknown=["ASTU"])
    assert notes[0].startswith("Left out, not USDA symbols: “<script>”, “1ABC”.")
    assert notes[1] == "Listed more than once, kept once: HEPAM2."
    assert notes[2] == "Left out, no plant on this site has the symbol: ASTU."


def test_a_list_keeps_its_first_200_plants_and_says_how_many_it_left_out():
    requested = symbols.parse(",".join(f"AB{n}" for n in range(250)))
    assert len(requested.symbols) == symbols.MAX_PLANTS
    assert requested.symbols[-1] == "AB199"
    assert symbols.notes(requested) == ["A list holds up to 200 plants: the last 50 plants were left out."]


def test_text_too_long_for_any_list_is_refused_before_it_is_read():
    with pytest.raises(symbols.ListTooLong, match="up to 200 plants"):
        symbols.parse("A," * 3000)


def test_a_note_names_ten_dropped_symbols_then_counts_the_rest_and_shortens_long_junk():
    requested = symbols.parse(",".join(["x" * 50] + [f"{n}x" for n in range(12)]))
    note = symbols.notes(requested)[0]
    assert "“xxxxxxxxxxxxxxxxxxxx…”" in note
    assert "and 3 more." in note


# --- the calendar ------------------------------------------------------------------------


def test_each_row_marks_its_bloom_months_and_says_them_in_words():
    late_spring, summer, winter, unknown, indeterminate = bloom_calendar.rows(
        [
            plant("Aster", bloom="Late Spring", color="yellow"),
            plant("Bee balm", bloom="Summer", color="purple"),
            plant("Witch hazel", bloom="Winter"),
            plant("Sedge"),
            plant("Moss", bloom="Indeterminate"),
        ]
    )
    assert [n for n, on in enumerate(late_spring.in_bloom, 1) if on] == [5]
    assert late_spring.words == "Late Spring (May), yellow"
    assert summer.words == "Summer (June–August), purple"
    assert [n for n, on in enumerate(winter.in_bloom, 1) if on] == [1, 2, 12]
    assert winter.words == "Winter (December–February)"
    assert unknown.words == "Bloom period not recorded" and not unknown.has_months
    assert indeterminate.words == "No fixed bloom period" and not indeterminate.has_months


def test_empty_months_are_those_no_dated_plant_blooms_in():
    calendar = bloom_calendar.rows([plant(bloom="Spring"), plant(bloom="Mid Summer"), plant()])
    assert bloom_calendar.empty_months(calendar) == [1, 2, 6, 8, 9, 10, 11, 12]
    assert bloom_calendar.empty_months(bloom_calendar.rows([plant()])) == []


def test_month_runs_join_neighbours_and_wrap_through_december():
    months = bloom_calendar.MONTHS
    assert bloom_calendar.month_runs([months[0], months[1], months[4], months[11]]) == (
        "May and December–February"
    )
    assert (
        bloom_calendar.month_runs([months[5], months[6], months[7], months[9]]) == "June–August and October"
    )


# --- the summary ---------------------------------------------------------------------------


def test_the_shared_zones_and_the_plants_that_set_their_ends():
    point = summary.shared_zones([plant("Aster", zones=(7, 16)), plant("Sedge", zones=(9, 14))], zone=11)
    assert point.sentence == (
        "Zones every plant is hardy in: 5–7 (Sedge sets both ends). Your zone, 6a, is inside it."
    )
    point = summary.shared_zones([plant("Aster", zones=(9, 16)), plant("Sedge", zones=(5, 14))])
    assert (
        point.sentence
        == "Zones every plant is hardy in: 5–7 (Aster sets the cold end; Sedge sets the warm end)."
    )
    assert not point.warns


def test_a_limit_every_plant_shares_is_no_ones_doing():
    point = summary.shared_zones([plant("Aster"), plant("Sedge"), plant("Lily", zones=(7, 14))])
    assert point.sentence == "Zones every plant is hardy in: 4–7 (Lily sets the warm end)."


def test_no_shared_zone_names_the_two_plants_that_part():
    point = summary.shared_zones([plant("Palm", zones=(17, 22)), plant("Larch", zones=(1, 8))])
    assert (
        point.sentence
        == "No zone suits them all: Palm needs zone 9a or warmer, and Larch grows only to zone 4b."
    )
    assert point.warns


def test_a_cold_limit_alone_leaves_the_warm_end_open():
    point = summary.shared_zones([plant("Aster", zones=(7, None)), plant("Sedge", zones=(None, None))])
    assert point.sentence == (
        "Zones every plant is hardy in: 4a and warmer (no warm limit is recorded). No zones are recorded for Sedge."
    )


def test_light_that_no_one_spot_gives_is_said_in_words():
    plants = [plant(light=("Full sun",))] * 3 + [plant(light=("Full shade",))] * 2
    plants.append(plant(light=("Partial shade", "Full shade")))
    point = summary.light_mismatch(plants)
    assert point.sentence == (
        "3 need full sun, 1 needs partial shade or full shade, 2 need full shade: "
        "no one spot suits them all; plant them apart."
    )
    assert point.warns
    shared = summary.light_mismatch(
        [plant(light=("Full sun", "Partial shade")), plant(light=("Partial shade",))]
    )
    assert shared.sentence == "One spot suits them all: every plant takes partial shade."


def test_water_needs_that_differ_are_counted():
    point = summary.water_mismatch([plant(water="Low"), plant(water="Low"), plant(water="High")])
    assert point.sentence == "2 need low water, 1 needs high water: group them by need, or water them apart."
    assert summary.water_mismatch([plant(water="Medium")]).sentence == "They all need medium water."


def test_months_with_nothing_in_bloom():
    calendar = bloom_calendar.rows(
        [plant("Aster", bloom="Spring"), plant("Aster", bloom="Summer"), plant("Sedge")]
    )
    assert summary.bloom_gaps(calendar).sentence == (
        "Nothing is in bloom in September–February. Sedge: no bloom months recorded."
    )
    year = [plant(bloom=season) for season in ("Spring", "Summer", "Fall", "Winter")]
    assert summary.bloom_gaps(bloom_calendar.rows(year)).sentence == "Something is in bloom every month."


def test_rare_plants_come_with_the_sourcing_note():
    point = summary.rare_plants([plant("Aster", rare=True), plant("Sedge"), plant("Lily", rare=True)])
    assert point.sentence.startswith("Aster and Lily are rare in the wild. Buy them only from nurseries")
    assert summary.rare_plants([plant()]) is None


def test_plants_not_native_to_the_visitors_state():
    plants = [plant("Aster"), plant("Sedge", states=("Utah",)), plant("Moss", states=())]
    point = summary.not_native(plants, "Colorado")
    assert point.sentence == "Not native to Colorado: Sedge. We have no native range for Moss."
    points = summary.summarize(plants, bloom_calendar.rows(plants), summary.Place("Colorado", 11))
    assert [p.topic for p in points] == ["Zones", "Light", "Water", "Bloom", "Native"]


# --- the downloads -------------------------------------------------------------------------


def test_a_record_has_every_header_and_its_csv_row_is_plain_text():
    values = record(plant("Aster", bloom="Late Spring", color="yellow", rare=True), "http://x/plants/aster/")
    assert list(values) == list(HEADERS)
    assert values["bloom_months"] == [5] and values["flower_color"] == "Yellow" and values["rare"] is True
    row = csv_row(values)
    assert row[column("rare")] == "Yes"
    assert row[column("height_feet")] == "2.5"
    assert row[column("native_to")] == "Colorado"


def column(key):
    return list(HEADERS).index(key)


def test_text_a_spreadsheet_would_run_as_a_formula_stays_text():
    values = record(plant('=HYPERLINK("http://x","y")', states=("@SUM(A1)",)), "http://x/")
    row = csv_row(values)
    assert row[column("common_name")] == '\'=HYPERLINK("http://x","y")'
    assert row[column("native_to")] == "'@SUM(A1)"
