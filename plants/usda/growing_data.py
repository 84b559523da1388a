"""The "From USDA PLANTS" block of a plant page: USDA's traits of a plant as a gardener reads them.

`facts(values)` takes a UsdaRecord's trait columns (the site's words, as
plants.usda.traits maps them) and gives (label, text) pairs in the page's
order, only for the traits USDA has: "Cold limit", "Zone 4a (−33 °F)". Plain
Python, so the page document is built from it without a query of its own.
"""

from __future__ import annotations

from collections.abc import Mapping

from plants import vocabulary, zones

from . import traits

_SOIL_LABELS = dict(traits.SOIL_TEXTURES.values())


def _number(value: float) -> str:
    return f"{value:g}".replace("-", "−")


def _label(terms: traits.Terms, value: str) -> str:
    return dict(terms.choices).get(value, value)


def _listed(values: str, labels: Mapping[str, str]) -> str:
    return ", ".join(labels.get(value, value) for value in values.split(",") if value)


def cold_limit(temperature_f: float | None, zone: int | None) -> str:
    """ "Zone 4a (−33 °F)": the half zone and the lowest temperature USDA gives."""
    parts = []
    if zone is not None:
        parts.append(f"Zone {zones.label(zone)}")
    if temperature_f is not None:
        parts.append(f"({_number(temperature_f)} °F)" if parts else f"{_number(temperature_f)} °F")
    return " ".join(parts)


def facts(values: Mapping) -> list[tuple[str, str]]:
    """The traits USDA has for a plant, as (label, text), in the page's order."""
    found = []

    def add(label: str, text: str) -> None:
        if text:
            found.append((label, text))

    add("Bloom period", values["bloom_period"])
    color = _label(traits.FLOWER_COLORS, values["flower_color"]) if values["flower_color"] else ""
    if color and values["showy"] is not None:
        color += ", showy" if values["showy"] else ", not showy"
    add("Flower colour", color)
    add("Mature height", f"{_number(values['height_feet'])} ft" if values["height_feet"] is not None else "")
    add("Cold limit", cold_limit(values["temperature_minimum_f"], values["cold_limit"]))
    add("Light", _listed(values["light"], vocabulary.LIGHT_LEVELS))
    add("Water", vocabulary.WATER_NEEDS.get(values["water_need"], ""))
    add("Growth rate", _label(traits.GROWTH_RATES, values["growth_rate"]) if values["growth_rate"] else "")
    if values["evergreen"] is not None:
        add("Evergreen", "Yes" if values["evergreen"] else "No")
    add("Soil texture", _listed(values["soil_textures"], _SOIL_LABELS))
    low, high = values["ph_minimum"], values["ph_maximum"]
    if low is not None or high is not None:
        add("Soil pH", "–".join(_number(value) for value in (low, high) if value is not None))
    add("Toxicity", _label(traits.TOXICITY, values["toxicity"]) if values["toxicity"] else "")
    add("Lifespan", _label(traits.LIFESPANS, values["lifespan"]) if values["lifespan"] else "")
    add("Availability", _label(traits.AVAILABILITY, values["availability"]) if values["availability"] else "")
    return found
