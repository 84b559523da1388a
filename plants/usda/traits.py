"""USDA PLANTS' words for a plant's traits, and the site's.

Each mapping is written once, here, as a table or a small function: from the
checklist, the life cycles (`duration`), growth habits and group; from the
characteristics, the cold limit, light, water need, bloom, flower colour and
showiness, height, growth rate, evergreen, soil textures, pH, toxicity,
lifespan and commercial availability. `characteristics()` reads one row of
them into `Traits`.

An empty cell is a missing value: None, or an empty set. A word a table does
not have raises `TraitError`, so that a new USDA word is added here rather than
slipping through. The site's values are plain strings: those of the site's
choices (plants.models.profile's LifeCycle, GrowthHabit, Light, WaterNeed,
UsdaGroup) where it has them, and for the rest the `Terms.choices` below.
"""

from __future__ import annotations

from dataclasses import dataclass

from plants import zones


class TraitError(ValueError):
    """A value of a column that this module cannot map: "toxicity “Deadly” is not…"."""


@dataclass(frozen=True)
class Terms:
    """USDA's words for one column, each with the site's value and its label for gardeners."""

    column: str
    words: dict[str, tuple[str, str]]

    def value(self, word: str) -> str | None:
        """The site's value for a word; None for an empty cell."""
        if not word:
            return None
        try:
            return self.words[word][0]
        except KeyError:
            known = ", ".join(f"“{known}”" for known in self.words)
            raise TraitError(
                f"{self.column} “{word}” is not one of the words this site knows ({known})"
            ) from None

    def values(self, words: str) -> frozenset[str]:
        """The values of a comma-separated list of words: "Annual, Perennial"."""
        return frozenset(self.value(word.strip()) for word in words.split(",") if word.strip())

    @property
    def choices(self) -> list[tuple[str, str]]:
        """(value, label) pairs in the table's order: a model field's choices."""
        return list(dict(self.words.values()).items())


def _same(*words: str) -> dict[str, tuple[str, str]]:
    return {word: (word, word) for word in words}


# --- The checklist -------------------------------------------------------------------------

LIFE_CYCLES = Terms(
    "duration",
    {
        "Annual": ("annual", "Annual"),
        "Biennial": ("biennial", "Biennial"),
        "Perennial": ("perennial", "Perennial"),
    },
)

GROWTH_HABITS = Terms(
    "growth_habit",
    {
        "Forb/herb": ("forb", "Forb/herb"),
        "Graminoid": ("graminoid", "Graminoid"),
        "Lichenous": ("lichenous", "Lichenous"),
        "Nonvascular": ("nonvascular", "Nonvascular"),
        "Shrub": ("shrub", "Shrub"),
        "Subshrub": ("subshrub", "Subshrub"),
        "Tree": ("tree", "Tree"),
        "Vine": ("vine", "Vine"),
    },
)

# USDA's groups, kept as USDA spells them. The algae are introduced only: no profile needs them.
GROUPS = Terms(
    "group_name",
    _same(
        "Dicot",
        "Monocot",
        "Gymnosperm",
        "Fern",
        "Horsetail",
        "Lycopod",
        "Quillwort",
        "Whisk-fern",
        "Hornwort",
        "Liverwort",
        "Moss",
        "Lichen",
        "Green Algae",
        "Red Algae",
    ),
)

# --- Characteristics -----------------------------------------------------------------------

_BOOLEANS = {"True": True, "False": False}


def _boolean(column: str, word: str) -> bool | None:
    if not word:
        return None
    if word not in _BOOLEANS:
        raise TraitError(f"{column} “{word}” is neither True nor False")
    return _BOOLEANS[word]


def _number(column: str, word: str, low: float, high: float) -> float | None:
    if not word:
        return None
    try:
        number = float(word)
    except ValueError:
        raise TraitError(f"{column} “{word}” is not a number") from None
    if not low <= number <= high:
        raise TraitError(f"{column} {word} is not between {low:g} and {high:g}")
    return number


def cold_limit(temperature_minimum_f: str) -> tuple[float, int] | None:
    """The lowest temperature a plant takes (°F) and its cold limit as a half-zone ordinal."""
    fahrenheit = _number("temperature_minimum_f", temperature_minimum_f, -100, 100)
    if fahrenheit is None:
        return None
    try:
        return fahrenheit, zones.zone_for_temperature(fahrenheit)
    except zones.ZoneError as error:
        raise TraitError(f"temperature_minimum_f {temperature_minimum_f}: {error}") from None


# USDA rates how much shade a plant bears, not how much sun: an intolerant
# plant wants full sun, an intermediate one takes some shade, a tolerant one is
# offered for shade (it may take sun too, which USDA does not say).
LIGHT_FOR_SHADE_TOLERANCE = {
    "Intolerant": frozenset({"full_sun"}),
    "Intermediate": frozenset({"full_sun", "partial_shade"}),
    "Tolerant": frozenset({"partial_shade", "full_shade"}),
}


def light(shade_tolerance: str) -> frozenset[str]:
    """The site's light levels (Light values) for USDA's shade tolerance."""
    if not shade_tolerance:
        return frozenset()
    if shade_tolerance not in LIGHT_FOR_SHADE_TOLERANCE:
        raise TraitError(f"shade_tolerance “{shade_tolerance}” is not Intolerant, Intermediate or Tolerant")
    return LIGHT_FOR_SHADE_TOLERANCE[shade_tolerance]


# Water need (WaterNeed values) by moisture use (how much water the plant
# uses, beside plants of its habit) and drought tolerance; "" is not given.
# High drought tolerance is what the site's "low" promises ("drought-tolerant
# once established"); no drought tolerance ("None") means soil kept moist.
#
#   moisture use \ drought tolerance:  High     Medium   Low      None     ""
#   Low                                low      low      medium   medium   low
#   Medium                             low      medium   medium   high     medium
#   High                               medium   medium   high     high     high
#   ""                                 low      medium   medium   high     (none)
_DROUGHT_TOLERANCES = ("High", "Medium", "Low", "None", "")
WATER_NEED = {
    (use, drought): need
    for use, needs in {
        "Low": ("low", "low", "medium", "medium", "low"),
        "Medium": ("low", "medium", "medium", "high", "medium"),
        "High": ("medium", "medium", "high", "high", "high"),
        "": ("low", "medium", "medium", "high", None),
    }.items()
    for drought, need in zip(_DROUGHT_TOLERANCES, needs, strict=True)
}


def water_need(moisture_use: str, drought_tolerance: str) -> str | None:
    """The site's water need for USDA's moisture use and drought tolerance (the table above)."""
    if (moisture_use, drought_tolerance) not in WATER_NEED:
        raise TraitError(
            f"moisture_use “{moisture_use}” with drought_tolerance “{drought_tolerance}” is not in the table"
        )
    return WATER_NEED[(moisture_use, drought_tolerance)]


# Bloom: USDA's period is a season ("Summer") or a third of one ("Late Spring").
# On the bloom calendar a season is its three months, meteorologically, in the
# north (approximate: bloom comes later to the north and the mountains), and
# early, mid and late are the first, second and third of them.
SEASON_MONTHS = {"spring": (3, 4, 5), "summer": (6, 7, 8), "fall": (9, 10, 11), "winter": (12, 1, 2)}
SEASON_PARTS = ("early", "mid", "late")
# "Indeterminate": USDA gives no season (the plant blooms over no fixed period).
INDETERMINATE = "Indeterminate"


def bloom_season(bloom_period: str) -> tuple[str, str | None] | None:
    """(season, part) for USDA's bloom period: "Late Spring" -> ("spring", "late"), "Fall" -> ("fall", None)."""
    if not bloom_period or bloom_period == INDETERMINATE:
        return None
    *part, season = bloom_period.lower().split()
    if season not in SEASON_MONTHS or part and (len(part) > 1 or part[0] not in SEASON_PARTS):
        raise TraitError(
            f"bloom_period “{bloom_period}” is not a season, early, mid or late in it, nor {INDETERMINATE}"
        )
    return season, part[0] if part else None


def bloom_months(bloom_period: str) -> tuple[int, ...]:
    """The months (1-12) a bloom period covers, roughly: "Late Spring" -> (5,), "Winter" -> (12, 1, 2)."""
    found = bloom_season(bloom_period)
    if found is None:
        return ()
    season, part = found
    months = SEASON_MONTHS[season]
    return months if part is None else (months[SEASON_PARTS.index(part)],)


FLOWER_COLORS = Terms(
    "flower_color",
    {
        color: (color.lower(), color)
        for color in ("White", "Yellow", "Orange", "Red", "Purple", "Blue", "Green", "Brown")
    },
)

# Height bands for the finder: each from its lower edge (feet) up to, not including, the next one's.
HEIGHT_BANDS = (
    ("under-1-ft", "Under 1 ft", 0),
    ("1-3-ft", "1–3 ft", 1),
    ("3-6-ft", "3–6 ft", 3),
    ("6-15-ft", "6–15 ft", 6),
    ("15-40-ft", "15–40 ft", 15),
    ("over-40-ft", "40 ft and taller", 40),
)


def height_band(feet: float) -> str:
    """The height band of a mature height in feet."""
    return next(value for value, _, lower in reversed(HEIGHT_BANDS) if feet >= lower)


GROWTH_RATES = Terms(
    "growth_rate", {"Slow": ("slow", "Slow"), "Moderate": ("moderate", "Moderate"), "Rapid": ("fast", "Fast")}
)

# USDA's soil texture groups: coarse is sand and loamy sand, medium loam and
# silt, fine clay.
SOIL_TEXTURES = {
    "adapted_to_coarse_textured_soils": ("coarse", "Coarse (sandy)"),
    "adapted_to_medium_textured_soils": ("medium", "Medium (loamy)"),
    "adapted_to_fine_textured_soils": ("fine", "Fine (clay)"),
}


def soil_textures(row) -> frozenset[str]:
    """The soil textures a plant is adapted to, from USDA's three True/False columns."""
    return frozenset(value for column, (value, _) in SOIL_TEXTURES.items() if _boolean(column, row[column]))


# "None" is USDA's own word: known not to be toxic, unlike an empty cell.
TOXICITY = Terms(
    "toxicity",
    {
        "None": ("none", "Not toxic"),
        "Slight": ("slight", "Slightly toxic"),
        "Moderate": ("moderate", "Moderately toxic"),
        "Severe": ("severe", "Severely toxic"),
    },
)

# Beside other plants of the same growth habit.
LIFESPANS = Terms(
    "lifespan",
    {"Short": ("short", "Short-lived"), "Moderate": ("moderate", "Moderate"), "Long": ("long", "Long-lived")},
)

AVAILABILITY = Terms(
    "commercial_availability",
    {
        "Routinely Available": ("routinely_available", "Routinely available"),
        "Contracting Only": ("contracting_only", "Grown under contract only"),
        "Field Collections Only": ("field_collections_only", "Only collected from the wild"),
        "No Known Source": ("no_known_source", "No known source"),
    },
)


@dataclass(frozen=True)
class Traits:
    """A plant's USDA characteristics in the site's words."""

    temperature_minimum_f: float | None
    zone_min: int | None  # the cold limit, a half-zone ordinal (plants.zones)
    light: frozenset[str]
    water_need: str | None
    bloom_period: str  # USDA's words, "" when not given
    bloom_season: tuple[str, str | None] | None
    bloom_months: tuple[int, ...]
    flower_color: str | None
    showy: bool | None
    height_feet: float | None
    height_band: str | None
    growth_rate: str | None
    evergreen: bool | None
    soil_textures: frozenset[str]
    ph_minimum: float | None
    ph_maximum: float | None
    toxicity: str | None
    lifespan: str | None
    availability: str | None


def characteristics(row) -> Traits:
    """One characteristics row (values by column) in the site's words; TraitError for a word it lacks."""
    cold = cold_limit(row["temperature_minimum_f"])
    height = _number("height_mature_feet", row["height_mature_feet"], 0, 500)
    ph_minimum = _number("ph_minimum", row["ph_minimum"], 0, 14)
    ph_maximum = _number("ph_maximum", row["ph_maximum"], 0, 14)
    if ph_minimum is not None and ph_maximum is not None and ph_minimum > ph_maximum:
        raise TraitError(f"ph_minimum {row['ph_minimum']} is above ph_maximum {row['ph_maximum']}")
    return Traits(
        temperature_minimum_f=cold[0] if cold else None,
        zone_min=cold[1] if cold else None,
        light=light(row["shade_tolerance"]),
        water_need=water_need(row["moisture_use"], row["drought_tolerance"]),
        bloom_period=row["bloom_period"],
        bloom_season=bloom_season(row["bloom_period"]),
        bloom_months=bloom_months(row["bloom_period"]),
        flower_color=FLOWER_COLORS.value(row["flower_color"]),
        showy=_boolean("flower_conspicuous", row["flower_conspicuous"]),
        height_feet=height,
        height_band=height_band(height) if height is not None else None,
        growth_rate=GROWTH_RATES.value(row["growth_rate"]),
        evergreen=_boolean("leaf_retention", row["leaf_retention"]),
        soil_textures=soil_textures(row),
        ph_minimum=ph_minimum,
        ph_maximum=ph_maximum,
        toxicity=TOXICITY.value(row["toxicity"]),
        lifespan=LIFESPANS.value(row["lifespan"]),
        availability=AVAILABILITY.value(row["commercial_availability"]),
    )
