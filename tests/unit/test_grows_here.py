"""Does it grow where I live? The answer from a page document and a ZIP code (plain Python)."""

import pytest

from plants import grows_here, zones
from plants.zip_codes import ZipPlace

BOULDER = ZipPlace("80302", 11, 2023, "CO", "Boulder")  # zone 6a: winters to -10 °F
ANCHORAGE = ZipPlace("99501", 8, 2012, "AK", "Anchorage")  # 4b
NO_ZONE = ZipPlace("00802", None, None, "VI", "St Thomas")
NO_STATE = ZipPlace("88888", 15, 2023, None, None)


def document(native_ranges=("Colorado",), statuses=("L48 N",), zone_range="4–8", hardy_to=""):
    """A page document's fields the answer reads; `hardy_to` a cold limit alone ("4a")."""
    span = zones.parse_range(zone_range or hardy_to) if zone_range or hardy_to else None
    return {
        "native_ranges": list(native_ranges),
        "native_statuses": [{"label": "", "code": code} for code in statuses],
        "zone_range": zone_range,
        "zone_min": span.low if span else None,
        "zone_max": span.high if zone_range else None,
    }


@pytest.mark.parametrize(
    ("page", "place", "kind", "sentence"),
    [
        (document(), BOULDER, grows_here.NATIVE, "Native to Colorado."),
        (
            document(native_ranges=["Kansas"], statuses=["L48 I"]),
            BOULDER,
            grows_here.INTRODUCED,
            "Not native to Colorado: it was introduced to the lower 48 states.",
        ),
        (
            document(native_ranges=["Kansas"], statuses=["L48 N", "AK I"]),
            ANCHORAGE,
            grows_here.INTRODUCED,
            "Not native to Alaska: it was introduced to Alaska.",
        ),
        (
            document(native_ranges=["Kansas"]),
            BOULDER,
            grows_here.NOT_RECORDED,
            "Not recorded as native to Colorado.",
        ),
        (
            document(native_ranges=[], statuses=[]),
            BOULDER,
            grows_here.NOT_ENOUGH_DATA,
            "Not enough data: we have no record of the states where it is native.",
        ),
        (
            document(),
            NO_STATE,
            grows_here.NOT_ENOUGH_DATA,
            "Not enough data: we don't know the state of ZIP 88888.",
        ),
    ],
)
def test_native_where_the_visitor_lives(page, place, kind, sentence):
    verdict = grows_here.answer(page, place).native
    assert (verdict.kind, verdict.sentence) == (kind, sentence)


@pytest.mark.parametrize(
    ("zone_range", "place", "kind", "sentence"),
    [
        ("4–8", BOULDER, grows_here.HARDY, "Hardy in your zone, 6a (it grows in zones 4–8)."),
        ("6a", BOULDER, grows_here.HARDY, "Hardy in your zone, 6a (it grows in zones 6a)."),
        (
            "6b–9",
            BOULDER,
            grows_here.TOO_COLD,
            "Not hardy in your zone, 6a: winters there reach -10 °F, and it is hardy to -5 °F (zone 6b).",
        ),
        (
            "3–5",
            BOULDER,
            grows_here.TOO_WARM,
            "Your zone, 6a, is warmer than its range (zones 3–5): it survives the winter but may not thrive.",
        ),
        (
            "",
            BOULDER,
            grows_here.NOT_ENOUGH_DATA,
            "Not enough data: we have no hardiness range for this plant.",
        ),
        ("4–8", NO_ZONE, grows_here.NOT_ENOUGH_DATA, "Not enough data: we have no USDA zone for ZIP 00802."),
    ],
)
def test_hardy_where_the_visitor_lives(zone_range, place, kind, sentence):
    verdict = grows_here.answer(document(zone_range=zone_range), place).hardy
    assert (verdict.kind, verdict.sentence) == (kind, sentence)


@pytest.mark.parametrize(
    ("hardy_to", "place", "kind", "sentence"),
    [
        (
            "4a",
            BOULDER,
            grows_here.HARDY,
            "Hardy in your zone, 6a (it is hardy to zone 4a; how much heat it takes is not recorded).",
        ),
        (
            "6b",
            BOULDER,
            grows_here.TOO_COLD,
            "Not hardy in your zone, 6a: winters there reach -10 °F, and it is hardy to -5 °F (zone 6b).",
        ),
    ],
)
def test_a_cold_limit_alone_answers_hardiness(hardy_to, place, kind, sentence):
    verdict = grows_here.answer(document(zone_range="", hardy_to=hardy_to), place).hardy
    assert (verdict.kind, verdict.sentence) == (kind, sentence)
