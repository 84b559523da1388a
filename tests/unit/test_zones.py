"""Zone arithmetic (plain Python)."""

import pytest

from plants import zones


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("4-8", 7, 16), ("4b-9a", 8, 17), ("7", 13, 14), ("1a-13b", 1, 26), ("5 to 9", 9, 18), ("4–8", 7, 16)],
)
def test_parse_range(text, low, high):
    assert zones.parse_range(text) == zones.ZoneSpan(low, high)


@pytest.mark.parametrize("text", ["", "abc", "0", "14", "99", "5c", "8-4", "4-", "-4"])
def test_parse_range_rejects(text):
    with pytest.raises(zones.ZoneError):
        zones.parse_range(text)


@pytest.mark.parametrize(
    ("text", "span"), [("5", (9, 10)), ("5b", (10, 10)), (" 5A ", (9, 9)), ("13", (25, 26))]
)
def test_parse_gardener_zone(text, span):
    assert zones.parse_zone(text) == zones.ZoneSpan(*span)


def test_zone_error_message_speaks_to_gardeners():
    with pytest.raises(zones.ZoneError, match="Enter a zone from 1 to 13, such as 5 or 5b"):
        zones.parse_zone("abc")
    with pytest.raises(zones.ZoneError, match="zones run from 1 to 13"):
        zones.parse_zone("99")


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [(7, 16, "4–8"), (8, 17, "4b–9a"), (13, 14, "7"), (8, 8, "4b"), (11, 11, "6a"), (7, 15, "4–8a")],
)
def test_format_range(low, high, text):
    assert zones.format_range(low, high) == text


def test_covers_requires_the_whole_gardener_zone():
    assert zones.covers(7, 16, zones.parse_zone("5"))
    assert zones.covers(7, 16, zones.parse_zone("8b"))
    assert not zones.covers(10, 16, zones.parse_zone("5"))  # hardy only from 5b: a 5a winter may kill it
    assert zones.covers(10, 16, zones.parse_zone("5b"))
    assert not zones.covers(7, 16, zones.parse_zone("9"))


def test_labels_and_scale():
    assert [zones.label(v) for v in (1, 2, 9, 26)] == ["1a", "1b", "5a", "13b"]
    cells = zones.scale(8, 16)
    assert [c.number for c in cells if c.in_range] == [4, 5, 6, 7, 8]
    assert [c.number for c in cells if c.partial] == [4]


@pytest.mark.parametrize(
    ("fahrenheit", "zone"),
    [
        (-30, "4a"),  # 4a's colder edge: the whole band -30 to -25 °F is at or above it
        (-30.5, "4a"),
        (-33, "4a"),  # 3b (-35 to -30 °F) reaches below -33 °F
        (-35, "3b"),
        (-29.9, "4b"),  # 4a's coldest winters (-30 °F) are below it
        (-25, "4b"),
        (-60, "1a"),
        (-59.9, "1b"),
        (-79, "1a"),  # colder than any zone: the coldest zone still suits it
        (0, "7a"),
        (52, "12b"),
        (65, "13b"),
    ],
)
def test_zone_for_temperature_is_the_coldest_half_zone_wholly_at_or_above_it(fahrenheit, zone):
    assert zones.label(zones.zone_for_temperature(fahrenheit)) == zone


def test_no_zone_is_warm_enough_above_13b():
    with pytest.raises(zones.ZoneError, match="No hardiness zone is warm enough"):
        zones.zone_for_temperature(65.5)


def test_temperature_bands_tile_the_scale_from_minus_60():
    assert zones.band_fahrenheit(zones.ordinal(4, "a")) == (-30, -25)
    assert zones.band_fahrenheit(zones.MIN_ORDINAL) == (-60, -55)
    assert zones.band_fahrenheit(zones.MAX_ORDINAL) == (65, 70)
    for value in range(zones.MIN_ORDINAL, zones.MAX_ORDINAL):
        assert zones.band_fahrenheit(value)[1] == zones.band_fahrenheit(value + 1)[0]
        assert zones.zone_for_temperature(zones.band_fahrenheit(value)[0]) == value
    with pytest.raises(zones.ZoneError):
        zones.band_fahrenheit(27)
