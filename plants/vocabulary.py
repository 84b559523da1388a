"""The site's fixed vocabularies: each term's stored value and the label a reader sees.

Defined once here, in plain Python, because two sides read them: the models
build their choices from these (plants/models/choices.py), and the article
parser (plants/article_format) files what it reads under the same values
without importing Django.  Each mapping keeps its terms in the order forms and
pages list them.  A value is stored in the database: changing one needs a data
migration; changing a label needs a migration of the field's choices only.
"""

LIFE_CYCLES = {
    "annual": "Annual",
    "biennial": "Biennial",
    "perennial": "Perennial",
}

# USDA PLANTS growth habits.
GROWTH_HABITS = {
    "forb": "Forb/herb",
    "graminoid": "Graminoid",
    "lichenous": "Lichenous",
    "nonvascular": "Nonvascular",
    "shrub": "Shrub",
    "subshrub": "Subshrub",
    "tree": "Tree",
    "vine": "Vine",
}

# From the most light to the least: the article parser reads "full sun to full shade" as
# everything between the two ends.
LIGHT_LEVELS = {
    "full_sun": "Full sun",
    "partial_shade": "Partial shade",
    "full_shade": "Full shade",
}

WATER_NEEDS = {
    "low": "Low (drought-tolerant once established)",
    "medium": "Medium",
    "high": "High (moist to wet soil)",
}

# USDA PLANTS groups; the values are written as USDA writes them.
USDA_GROUPS = {
    "Dicot": "Dicot",
    "Monocot": "Monocot",
    "Gymnosperm": "Gymnosperm",
    "Fern": "Fern",
    "Horsetail": "Horsetail",
    "Lycopod": "Lycopod",
    "Quillwort": "Quillwort",
    "Whisk-fern": "Whisk-fern",
    "Hornwort": "Hornwort",
    "Liverwort": "Liverwort",
    "Moss": "Moss",
    "Lichen": "Lichen",
}

CARE_TIP_CATEGORIES = {
    "planting": "Planting",
    "watering": "Watering",
    "maintenance": "Maintenance",
    "propagation": "Propagation",
}

# What a plant offers the wildlife it supports.
WILDLIFE_RESOURCES = {
    "nectar": "Nectar",
    "pollen": "Pollen",
    "seeds": "Seeds",
    "fruit": "Fruit",
    "foliage": "Foliage (larval host)",
    "shelter": "Shelter",
}

# What an article section draws after its text, from the profile's own rows ("": its text only).
SECTION_BLOCKS = {
    "": "Text only",
    "garden_uses": "Garden uses",
    "growing_conditions": "Growing conditions",
    "care_tips": "Planting and care tips",
    "wildlife": "Wildlife supported",
}

# USDA PLANTS native status in one of its regions, as USDA writes it ("L48 N").
NATIVE, INTRODUCED, NATIVE_AND_INTRODUCED = "N", "I", "NI"
NATIVE_STATUSES = {
    NATIVE: "Native",
    INTRODUCED: "Introduced",
    NATIVE_AND_INTRODUCED: "Native and introduced",
    "W": "Waif",
    "N?": "Probably native",
    "I?": "Probably introduced",
}
# The statuses that say the plant came from elsewhere (a waif: an escape that does not persist).
INTRODUCED_STATUSES = frozenset({INTRODUCED, "I?", "W"})

# Where a NatureServe conservation rank applies.
CONSERVATION_SCOPES = {
    "global": "Global",
    "national": "National",
    "subnational": "State or province",
}
# A rank's level letter (plants.natureserve.Level) says its scope; a T rank leaves it to the region.
SCOPE_OF_RANK_LEVEL = {"G": "global", "N": "national", "S": "subnational"}

# USDA PLANTS ranks the site stores, from the top of the tree down: name -> (number, label).
# The numbers are stored and order the ranks, so a rank added later takes a free number
# between its neighbours.
RANKS = {
    "kingdom": (10, "Kingdom"),
    "subkingdom": (20, "Subkingdom"),
    "superdivision": (30, "Superdivision"),
    "division": (40, "Division"),
    "subdivision": (50, "Subdivision"),
    "class": (60, "Class"),
    "subclass": (70, "Subclass"),
    "order": (80, "Order"),
    "family": (90, "Family"),
    "genus": (100, "Genus"),
    "species": (110, "Species"),
    "subspecies": (120, "Subspecies"),
    "variety": (130, "Variety"),
    "forma": (140, "Forma"),
}
