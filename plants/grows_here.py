"""Does it grow where I live? A plant page's answer for a visitor's ZIP code, in words.

Worked out from the plant's page document (plants/plant_pages.py): its native
range by state name, its USDA native statuses by region ("L48 I") and its
hardiness range as the page writes it ("4–8"), and from what the ZIP tables
say of the visitor's ZIP code (plants/zip_codes.py). Plain Python, no query.

The plant is hardy where its cold limit is at or below the visitor's zone's
coldest winters: the zone is within the plant's range. A zone warmer than the
range is said apart: the plant survives the winter there but may not thrive.
"""

from __future__ import annotations

from dataclasses import dataclass

from plants import regions, vocabulary, zones
from plants.zip_codes import ZipPlace

NATIVE = "native"
INTRODUCED = "introduced"
NOT_RECORDED = "not recorded"
HARDY = "hardy"
TOO_COLD = "too cold"
TOO_WARM = "too warm"
NOT_ENOUGH_DATA = "not enough data"


@dataclass(frozen=True)
class Verdict:
    """One half of the answer: what (NATIVE, HARDY...) and the sentence that says it."""

    kind: str
    sentence: str


@dataclass(frozen=True)
class Answer:
    place: ZipPlace
    native: Verdict
    hardy: Verdict


def answer(document: dict, place: ZipPlace) -> Answer:
    """Whether the plant of a page document is native, and hardy, where a ZIP code is."""
    return Answer(place, _native(document, place), _hardy(document, place))


def _native(document: dict, place: ZipPlace) -> Verdict:
    if place.state is None:
        return Verdict(NOT_ENOUGH_DATA, f"Not enough data: we don't know the state of ZIP {place.code}.")
    state = place.state_name
    if state in document["native_ranges"]:
        return Verdict(NATIVE, f"Native to {state}.")
    region = regions.usda_region_of(place.state)
    for status in document["native_statuses"]:
        status_region, _, code = status["code"].partition(" ")
        if status_region == region and code in vocabulary.INTRODUCED_STATUSES:
            where = "the lower 48 states" if region == regions.LOWER_48 else regions.USDA_REGIONS[region]
            return Verdict(INTRODUCED, f"Not native to {state}: it was introduced to {where}.")
    if not document["native_ranges"]:
        return Verdict(
            NOT_ENOUGH_DATA, "Not enough data: we have no record of the states where it is native."
        )
    return Verdict(NOT_RECORDED, f"Not recorded as native to {state}.")


def _hardy(document: dict, place: ZipPlace) -> Verdict:
    if place.zone is None:
        return Verdict(NOT_ENOUGH_DATA, f"Not enough data: we have no USDA zone for ZIP {place.code}.")
    low, high = document["zone_min"], document["zone_max"]
    if low is None:
        return Verdict(NOT_ENOUGH_DATA, "Not enough data: we have no hardiness range for this plant.")
    yours, your_winters = place.zone_label, zones.band_fahrenheit(place.zone)[0]
    if place.zone < low:
        return _too_cold(yours, your_winters, low)
    if high is None:
        # A cold limit alone (as USDA PLANTS gives it): hardiness is answered, heat is not.
        return Verdict(
            HARDY,
            f"Hardy in your zone, {yours} (it is hardy to zone {zones.label(low)}; "
            "how much heat it takes is not recorded).",
        )
    if place.zone > high:
        return Verdict(
            TOO_WARM,
            f"Your zone, {yours}, is warmer than its range (zones {document['zone_range']}): "
            "it survives the winter but may not thrive.",
        )
    return Verdict(HARDY, f"Hardy in your zone, {yours} (it grows in zones {document['zone_range']}).")


def _too_cold(yours: str, your_winters: int, low: int) -> Verdict:
    limit = zones.band_fahrenheit(low)[0]
    return Verdict(
        TOO_COLD,
        f"Not hardy in your zone, {yours}: winters there reach {your_winters} °F, "
        f"and it is hardy to {limit} °F (zone {zones.label(low)}).",
    )
