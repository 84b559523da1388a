"""Where each group of a plant record's facts comes from, and under what licence.

Plain data, so the API, its schema and the README say the same thing.  USDA
PLANTS asks to be cited as fixtures/usda/README.md quotes; the date is that of
the copy the site imported (the page document's `usda.accessed`).
"""

USDA_PUBLIC_DOMAIN = "Public domain (a work of the U.S. government, not copyrighted)"
USDA_PLACE = "National Plant Data Team, Greensboro, NC USA"

EDITORS = {
    "name": "The site's editors",
    "citation": "Native Plants, written by the site's editors.",
    "url": None,
    "accessed": None,
    "licence": None,
    "note": (
        "The site has not set a licence for its editors' text: quote it with a link to the plant's page, "
        "and ask before republishing it."
    ),
}

NATURESERVE = {
    "name": "NatureServe",
    "citation": (
        "NatureServe conservation status ranks, as the site's editors recorded them; definitions after "
        "NatureServe, “Definitions of NatureServe Conservation Status Ranks” (https://explorer.natureserve.org)."
    ),
    "url": "https://explorer.natureserve.org",
    "accessed": None,
    "licence": "NatureServe's terms of use (https://www.natureserve.org/terms-use)",
    "note": "Cite NatureServe with the rank; ranks change as NatureServe reviews them.",
}

USDA_CLASSIFICATION = {
    "name": "USDA PLANTS",
    "citation": (
        "USDA, NRCS. 2025. The PLANTS Database (https://plants.usda.gov, plant profile pages copied "
        f"2025-06-15). {USDA_PLACE}."
    ),
    "url": "https://plants.usda.gov",
    "accessed": None,
    "licence": USDA_PUBLIC_DOMAIN,
    "note": "The classification above the genus; where editors placed a plant, theirs.",
}


def usda(accessed: str, url: str) -> dict:
    """USDA PLANTS as the site's copy of it, read on `accessed` ("20 November 2026")."""
    year = accessed.rsplit(" ", 1)[-1]
    return {
        "name": "USDA PLANTS",
        "citation": f"USDA, NRCS. {year}. The PLANTS Database (https://plants.usda.gov, accessed {accessed}). {USDA_PLACE}.",
        "url": url,
        "accessed": accessed,
        "licence": USDA_PUBLIC_DOMAIN,
        "note": "USDA asks to be cited as above.",
    }


def profile_data(citation: str) -> dict:
    """The source an editor cited for a profile's data (its DataSource), or the editors themselves."""
    if not citation:
        return EDITORS
    return {
        "name": "The profile's data source",
        "citation": citation,
        "url": None,
        "accessed": None,
        "licence": USDA_PUBLIC_DOMAIN if citation.startswith("USDA") else None,
        "note": "As the site's editors recorded the profile, from the source cited.",
    }
