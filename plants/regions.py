"""Place codes the site uses: US states and Canadian provinces, and USDA PLANTS regions.

Plain data, so that importers, validators and models share one list.
"""

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "VI": "U.S. Virgin Islands",
}  # fmt: skip

CANADIAN_PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
    "SK": "Saskatchewan", "YT": "Yukon",
}  # fmt: skip

STATES_AND_PROVINCES = {**US_STATES, **CANADIAN_PROVINCES}

STATE_CHOICES = sorted(STATES_AND_PROVINCES.items(), key=lambda item: item[1])

# The other places USDA PLANTS gives a plant's distribution in: U.S. territories
# and the freely associated states of the Pacific, and Newfoundland (the
# island) and Labrador (the mainland) apart. Postal codes where there is one;
# Newfoundland's is the one it had before 2002, which USDA PLANTS still uses with
# Labrador's LB. Navassa Island has none: BQ is its FIPS 10-4 code.
OTHER_PLACES = {
    "GU": "Guam", "MP": "Northern Mariana Islands", "FM": "Federated States of Micronesia",
    "MH": "Marshall Islands", "PW": "Palau", "UM": "U.S. Minor Outlying Islands",
    "BQ": "Navassa Island", "NF": "Newfoundland", "LB": "Labrador",
}  # fmt: skip

PLACES = {**STATES_AND_PROVINCES, **OTHER_PLACES}

# USDA PLANTS distribution's 74 places by the name it gives them: every place
# above but Newfoundland and Labrador together, the Virgin Islands by their short name.
_USDA_NAMES = {"VI": "Virgin Islands"}
USDA_PLACE_CODES = {_USDA_NAMES.get(code, name): code for code, name in PLACES.items() if code != "NL"}

# USDA PLANTS native-status regions.
USDA_REGIONS = {
    "L48": "Lower 48 states",
    "AK": "Alaska",
    "HI": "Hawaii",
    "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
    "NAV": "Navassa Island",
    "GU": "Guam",
    "PB": "Pacific Basin",
    "CAN": "Canada",
    "GL": "Greenland",
    "SPM": "St. Pierre and Miquelon",
}

LOWER_48 = "L48"
# The USDA native-status region of each place outside the lower 48 states.
_REGION_OF_PLACE = {
    "AK": "AK", "HI": "HI", "PR": "PR", "VI": "VI", "GU": "GU", "BQ": "NAV",
    "MP": "PB", "FM": "PB", "MH": "PB", "PW": "PB", "UM": "PB",
    **dict.fromkeys(CANADIAN_PROVINCES, "CAN"), "NF": "CAN", "LB": "CAN",
}  # fmt: skip


def usda_region_of(place: str) -> str:
    """The USDA native-status region (USDA_REGIONS) a place (PLACES) is in: "L48" for the lower 48."""
    return _REGION_OF_PLACE.get(place, LOWER_48)


# Where a plant's native range may be: every place above (Newfoundland and Labrador
# together, as editors write it, or apart, as USDA PLANTS lists them), by name.
PLACE_CHOICES = sorted(PLACES.items(), key=lambda item: item[1])

STATE_NAMES_TO_CODES = {name.lower(): code for code, name in STATES_AND_PROVINCES.items()}
