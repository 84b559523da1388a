"""Synthetic USDA PLANTS records: each synthetic plant's UsdaRecord and places.

A record's traits are drawn as USDA writes them (the words of
plants/usda/traits.py: "Late Spring", "Rapid", "Routinely Available"...) and
read through the import's own mapping (`traits.characteristics`, then
`usda_import.records.trait_values`), so a synthetic record holds only what a
real one could. They agree with the profile they sit beside where both say
something (light, water need, cold limit, life cycles, habits); a few traits
are left out, as USDA leaves them, and about 30 % of the plants have no
characteristics at all, so every "no value" the finder counts exists.

The plant is native in the places of its native range and introduced in a few
others. Draws come from a generator of their own, so a seed's profiles are the
same as they were before records were added.
"""

from __future__ import annotations

from plants import regions, zones
from plants.models import FLAG_COLUMNS, UsdaPlace, UsdaRecord
from plants.usda import traits
from plants.usda_import.records import TRAIT_FIELDS, trait_values

from .bulk import insert_rows

WITH_CHARACTERISTICS = 0.7
# Each trait of a record with characteristics is left out this often.
LEFT_OUT = 0.1
INTRODUCED = 0.2

RECORD_COLUMNS = (
    "id", "taxon", "symbol", "common_name", "group", "duration", "growth_habit", "accessed", *TRAIT_FIELDS,
)  # fmt: skip
PLACE_COLUMNS = ("record", "place", "status")


def _words_for(terms: traits.Terms) -> dict[str, str]:
    """USDA's word for each of the site's values: "perennial" -> "Perennial"."""
    return {value: word for word, (value, _) in terms.words.items()}


_DURATION_WORDS = _words_for(traits.LIFE_CYCLES)
_HABIT_WORDS = _words_for(traits.GROWTH_HABITS)
_SHADE_FOR_LIGHT = {light: word for word, light in traits.LIGHT_FOR_SHADE_TOLERANCE.items()}
# The (moisture use, drought tolerance) pairs that give each water need.
_WATER_WORDS: dict[str, list[tuple[str, str]]] = {}
for _pair, _need in traits.WATER_NEED.items():
    if _need is not None:
        _WATER_WORDS.setdefault(_need, []).append(_pair)
# Most natives bloom in spring or summer: those periods are drawn three times as often.
_BLOOM_PERIODS = [
    f"{part.capitalize()} {season.capitalize()}" if part else season.capitalize()
    for season in traits.SEASON_MONTHS
    for part in (*traits.SEASON_PARTS, None)
    for _ in range(3 if season in ("spring", "summer") else 1)
] + [traits.INDETERMINATE]
# White and yellow flowers are the commonest.
_FLOWER_COLORS = [
    word for word in traits.FLOWER_COLORS.words for _ in range(3 if word in ("White", "Yellow") else 1)
]
# Mature heights (feet) by habit, the tallest habit first: a shrub that is also a forb is a shrub.
_HEIGHTS = {"tree": (15, 120), "vine": (3, 40), "shrub": (2, 15), "subshrub": (0.5, 3)}
_OTHER_HEIGHT = (0.2, 6)
_SOIL_COLUMNS = tuple(traits.SOIL_TEXTURES)
_PLACES = sorted(regions.PLACES)
_TRUE_FALSE = ("True", "False")


class RecordMaker:
    """Draws records and places for profiles, from a generator of its own."""

    def __init__(self, random, accessed):
        self.random = random
        self.accessed = accessed
        self.record_rows: list[tuple] = []
        self.place_rows: list[tuple] = []

    def add(self, record_id: int, profile: dict, states: list[str]) -> None:
        """A record (and its places) for one profile's row of columns, native in `states`."""
        rnd = self.random
        flags = {FLAG_COLUMNS[column] for column, on in profile.items() if column in FLAG_COLUMNS and on}
        cycles = [value for group, value in flags if group == "life_cycle"]
        habits = [value for group, value in flags if group == "habit"]
        light = frozenset(value for group, value in flags if group == "light")
        found = None
        if rnd.random() < WITH_CHARACTERISTICS:
            found = traits.characteristics(self._characteristics(profile, habits, light))
        values = {
            "id": record_id,
            "taxon": profile["taxon"],
            "symbol": profile["usda_symbol"],
            "common_name": profile["common_name"].lower(),
            "group": profile["usda_group"],
            "duration": ", ".join(_DURATION_WORDS[cycle] for cycle in sorted(cycles)),
            "growth_habit": ", ".join(_HABIT_WORDS[habit] for habit in sorted(habits)),
            "accessed": self.accessed,
            **trait_values(found),
        }
        self.record_rows.append(tuple(values[column] for column in RECORD_COLUMNS))
        native = set(states)
        self.place_rows += [(record_id, place, UsdaPlace.Status.NATIVE.value) for place in sorted(native)]
        if rnd.random() < INTRODUCED:
            elsewhere = [place for place in _PLACES if place not in native]
            for place in rnd.sample(elsewhere, k=rnd.randint(1, 3)):
                self.place_rows.append((record_id, place, UsdaPlace.Status.INTRODUCED.value))

    def _characteristics(self, profile: dict, habits: list[str], light: frozenset) -> dict[str, str]:
        """One characteristics row in USDA's words, agreeing with the profile."""
        rnd = self.random
        low, high = next((_HEIGHTS[habit] for habit in _HEIGHTS if habit in habits), _OTHER_HEIGHT)
        ph_minimum = rnd.randint(40, 65) / 10
        moisture_use, drought_tolerance = rnd.choice(_WATER_WORDS[profile["water_need"]])
        row = {
            # The colder edge of the profile's coldest zone, or up to 4 °F below it: the same zone.
            "temperature_minimum_f": str(zones.band_fahrenheit(profile["zone_min"])[0] - rnd.randint(0, 4)),
            "shade_tolerance": _SHADE_FOR_LIGHT.get(light, ""),
            "moisture_use": moisture_use,
            "drought_tolerance": drought_tolerance,
            "bloom_period": rnd.choice(_BLOOM_PERIODS),
            "flower_color": rnd.choice(_FLOWER_COLORS),
            "flower_conspicuous": rnd.choice(_TRUE_FALSE),
            "height_mature_feet": str(round(rnd.uniform(low, high), 1)),
            "growth_rate": rnd.choice(list(traits.GROWTH_RATES.words)),
            "leaf_retention": "True" if rnd.random() < 0.25 else "False",
            **{column: rnd.choice(_TRUE_FALSE) for column in _SOIL_COLUMNS},
            "ph_minimum": str(ph_minimum),
            "ph_maximum": str(min(8.5, ph_minimum + rnd.randint(10, 30) / 10)),
            "toxicity": rnd.choice(list(traits.TOXICITY.words)),
            "lifespan": rnd.choice(list(traits.LIFESPANS.words)),
            "commercial_availability": rnd.choice(list(traits.AVAILABILITY.words)),
        }
        # Water need is kept whole (the profile has one); any other trait may be missing.
        for column in row:
            if column not in ("moisture_use", "drought_tolerance") and rnd.random() < LEFT_OUT:
                row[column] = ""
        return row

    def write(self) -> None:
        insert_rows(UsdaRecord, RECORD_COLUMNS, self.record_rows)
        insert_rows(UsdaPlace, PLACE_COLUMNS, self.place_rows)
        self.record_rows, self.place_rows = [], []
