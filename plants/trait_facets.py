"""The finder's filters on growing traits: their options, and which options a plant's values give it.

Bloom season, flower colour, height, water need and soil texture are lists of
options (a plant may have several soil textures; a bloom period is a season
and, where USDA says, its early, mid or late part). Evergreen, non-toxic,
sold by nurseries and "has growing data" are single yes-or-no options.

A plant without a value for a filter is in no option of it: it is counted
under `NO_VALUE` instead, so the finder can say how many plants it cannot
place, rather than quietly treat "not recorded" as "no". Plain Python: the
finder's index (plants/finder_index.py) calls `memberships()` for every plant.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from plants import vocabulary
from plants.usda import traits

NO_VALUE = None  # the option a plant without a value is counted under


def _bloom_options() -> list[tuple[str, str]]:
    options = []
    for season in traits.SEASON_MONTHS:
        options.append((season, season.capitalize()))
        options += [
            (bloom_value(season, part), f"{part.capitalize()} {season}") for part in traits.SEASON_PARTS
        ]
    return options


def bloom_value(season: str, part: str | None) -> str:
    """The finder's option for a season or a third of one: "spring", "late-spring"."""
    return f"{part}-{season}" if part else season


# Options by filter: (value, label) in the order the finder lists them.
OPTION_FILTERS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "bloom": ("Bloom season", _bloom_options()),
    "color": ("Flower colour", traits.FLOWER_COLORS.choices),
    "height": ("Mature height", [(value, label) for value, label, _ in traits.HEIGHT_BANDS]),
    "water": ("Water needs", list(vocabulary.WATER_NEEDS.items())),
    "soil": ("Soil texture", list(dict(traits.SOIL_TEXTURES.values()).items())),
}

# Yes-or-no filters: the label of the one option. "Sold by nurseries" is USDA's
# "routinely available"; grown under contract or only wild-collected is not.
YES_NO_FILTERS = {
    "evergreen": "Evergreen only",
    "nontoxic": "Not toxic only",
    "available": "Sold by nurseries",
    "growing_data": "Has USDA growing data",
}

# The values a plant's row gives memberships() (None where it has no USDA record).
COLUMNS = (
    "water_need",
    "bloom_period",
    "flower_color",
    "height_feet",
    "soil_textures",
    "evergreen",
    "toxicity",
    "availability",
    "has_characteristics",
)


def memberships(values: Mapping) -> Iterator[tuple[str, object]]:
    """(filter, option) pairs for one plant's values; (filter, NO_VALUE) where it has none.

    Yes-or-no filters give True or False; a plant is matched by one only with True.
    """
    yield "water", values["water_need"] or NO_VALUE
    season = traits.bloom_season(values["bloom_period"] or "")
    if season is None:
        yield "bloom", NO_VALUE
    else:
        yield "bloom", season[0]
        if season[1]:
            yield "bloom", bloom_value(*season)
    yield "color", values["flower_color"] or NO_VALUE
    height = values["height_feet"]
    yield "height", traits.height_band(height) if height is not None else NO_VALUE
    textures = [texture for texture in (values["soil_textures"] or "").split(",") if texture]
    if textures:
        for texture in textures:
            yield "soil", texture
    else:
        yield "soil", NO_VALUE
    evergreen = values["evergreen"]
    yield "evergreen", NO_VALUE if evergreen is None else bool(evergreen)
    toxicity = values["toxicity"]
    yield "nontoxic", toxicity == "none" if toxicity else NO_VALUE
    availability = values["availability"]
    yield "available", availability == "routinely_available" if availability else NO_VALUE
    yield "growing_data", bool(values["has_characteristics"])
