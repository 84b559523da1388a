"""The "From USDA PLANTS" block's facts (plants/usda/growing_data.py)."""

from plants.usda import growing_data

NOTHING = {
    "bloom_period": "", "flower_color": "", "showy": None, "height_feet": None, "temperature_minimum_f": None,
    "cold_limit": None, "light": "", "water_need": "", "growth_rate": "", "evergreen": None,
    "soil_textures": "", "ph_minimum": None, "ph_maximum": None, "toxicity": "", "lifespan": "",
    "availability": "",
}  # fmt: skip


def test_every_trait_usda_has_in_a_gardeners_words():
    coneflower = NOTHING | {
        "bloom_period": "Early Summer",
        "flower_color": "purple",
        "showy": True,
        "height_feet": 1.2,
        "temperature_minimum_f": -33.0,
        "cold_limit": 7,
        "light": "full_sun",
        "water_need": "medium",
        "growth_rate": "moderate",
        "evergreen": False,
        "soil_textures": "coarse,medium,fine",
        "ph_minimum": 6.5,
        "ph_maximum": 7.2,
        "toxicity": "none",
        "lifespan": "long",
        "availability": "routinely_available",
    }
    assert growing_data.facts(coneflower) == [
        ("Bloom period", "Early Summer"),
        ("Flower colour", "Purple, showy"),
        ("Mature height", "1.2 ft"),
        ("Cold limit", "Zone 4a (−33 °F)"),
        ("Light", "Full sun"),
        ("Water", "Medium"),
        ("Growth rate", "Moderate"),
        ("Evergreen", "No"),
        ("Soil texture", "Coarse (sandy), Medium (loamy), Fine (clay)"),
        ("Soil pH", "6.5–7.2"),
        ("Toxicity", "Not toxic"),
        ("Lifespan", "Long-lived"),
        ("Availability", "Routinely available"),
    ]


def test_only_the_traits_usda_has():
    assert growing_data.facts(NOTHING) == []
    assert growing_data.facts(NOTHING | {"flower_color": "red", "ph_maximum": 7.0, "evergreen": True}) == [
        ("Flower colour", "Red"),
        ("Evergreen", "Yes"),
        ("Soil pH", "7"),
    ]
    assert growing_data.cold_limit(-8.0, None) == "−8 °F"
