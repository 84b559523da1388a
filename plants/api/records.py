"""The API's JSON for plants, taxa and ZIP codes, as plain dicts (serializers.py describes their shapes).

A plant's record is its stored page document (plants/plant_pages.py) regrouped
by source: every group of facts carries the source it comes from and its
licence (plants/api/sources.py).  Editors' prose is given as plain text, and
beside it as the escaped HTML the site shows (fields named `*_html`), so a
client never has to treat text as markup to get it.
"""

from django.urls import resolve, reverse

from plants import zones
from plants.api import sources
from plants.api.text import from_linebreaks


def _zone(ordinal) -> str | None:
    return zones.label(ordinal) if ordinal else None


def api_url(name: str, **kwargs) -> str:
    return reverse(f"api:{name}", kwargs=kwargs)


def plant_summary(profile) -> dict:
    """A plant as a list of plants shows it (a profile from `for_cards()`)."""
    return {
        "symbol": profile.usda_symbol,
        "common_name": profile.common_name,
        "scientific_name": profile.taxon.scientific_name,
        "zone_min": _zone(profile.zone_min),
        "zone_max": _zone(profile.zone_max),
        "hardiness": profile.hardiness,
        "light_levels": profile.light_levels,
        "life_cycles": profile.life_cycles,
        "growth_habits": profile.growth_habits,
        "is_rare": profile.is_rare,
        "page_url": profile.get_absolute_url(),
        "api_url": api_url("plant", symbol=profile.usda_symbol),
    }


def _taxon(link: dict) -> dict:
    """A taxon as the page document links it, with its slug and API address."""
    slug = resolve(link["url"]).kwargs["slug"]
    return {
        "slug": slug,
        "scientific_name": link["scientific_name"],
        "authority": link["authority"],
        "common_name": link["common_name"],
        "rank": link["rank_label"],
        "page_url": link["url"],
        "api_url": api_url("taxon", slug=slug),
    }


def plant_record(symbol: str, slug: str, page: dict) -> dict:
    """Every fact of a plant's page, grouped by where it comes from."""
    usda = page["usda"]
    return {
        "symbol": symbol,
        "common_name": page["common_name"],
        "scientific_name": page["taxon"]["scientific_name"],
        "page_url": reverse("plants:plant_detail", kwargs={"slug": slug}),
        "api_url": api_url("plant", symbol=symbol),
        "profile": {
            "source": sources.profile_data(page["source_citation"]),
            "usda_group": page["usda_group"],
            "native_statuses": page["native_statuses"],
            "native_ranges": page["native_ranges"],
            "life_cycles": page["life_cycles"],
            "growth_habits": page["growth_habits"],
            "light_levels": page["light_levels"],
            "water_need": page["water_need"],
            "zone_min": _zone(page["zone_min"]),
            "zone_max": _zone(page["zone_max"]),
            "hardiness": page["hardiness"],
            "is_rare": page["is_rare"],
        },
        "article": _article(page),
        "conservation": {
            "source": sources.NATURESERVE,
            "statuses": [
                {
                    "rank": status["rank"],
                    "place": status["place"],
                    "summary": status["summary"],
                    "explanations": [
                        {"code": code, "meaning": meaning} for code, meaning in status["explanations"]
                    ],
                    "notes": status["notes"],
                    "editors_explanation": status["explanation"],
                }
                for status in page["conservation_statuses"]
            ],
        },
        "usda": _usda(usda, page["usda_url"]) if usda else None,
        "classification": {
            "source": sources.USDA_CLASSIFICATION,
            "taxon": _taxon(page["taxon"]),
            "lineage": [_taxon(node) for node in page["lineage"]],
        },
        "images": [
            {
                key: image[key]
                for key in (
                    "src",
                    "width",
                    "height",
                    "alt_text",
                    "credit",
                    "licence",
                    "licence_url",
                    "source_url",
                )
            }
            for image in page["images"]
        ],
    }


def _article(page: dict) -> dict:
    return {
        "source": sources.EDITORS,
        "title": page["title"],
        "summary": from_linebreaks(page["summary_html"]),
        "summary_html": page["summary_html"],
        "sections": [
            {
                "heading": section["heading"],
                "body": from_linebreaks(section["body_html"]),
                "body_html": section["body_html"],
            }
            for section in page["sections"]
        ],
        "garden_uses": [use["label"] for use in page["garden_uses"]],
        "care_tips": [{"category": tip["label"], "text": tip["text"]} for tip in page["care_tips"]],
        "wildlife": page["wildlife"],
        "notes": {key: page[f"{key}_notes"] for key in ("climate", "light", "soil", "water")},
    }


def _usda(usda: dict, url: str) -> dict:
    return {
        "source": sources.usda(usda["accessed"], url),
        "facts": [{"label": label, "value": value} for label, value in usda["facts"]],
        "native_in": usda["native_in"],
        "introduced_in": usda["introduced_in"],
        "native_codes": usda["native_codes"],
        "introduced_codes": usda["introduced_codes"],
    }


def taxon_summary(taxon) -> dict:
    """A taxon with a link to its parent (a Taxon with `parent` selected)."""
    parent = taxon.parent
    return {
        "slug": taxon.slug,
        "scientific_name": taxon.scientific_name,
        "authority": taxon.authority,
        "common_name": taxon.common_name,
        "rank": taxon.rank_label,
        "page_url": taxon.get_absolute_url(),
        "api_url": api_url("taxon", slug=taxon.slug),
        "parent": _link(parent) if parent else None,
    }


def _link(taxon) -> dict:
    return {
        "slug": taxon.slug,
        "scientific_name": taxon.scientific_name,
        "rank": taxon.rank_label,
        "api_url": api_url("taxon", slug=taxon.slug),
    }


def taxon_detail(taxon, ancestors, children, plant_counts: dict[int, int], child_count: int) -> dict:
    return {
        **taxon_summary(taxon),
        "source": sources.USDA_CLASSIFICATION,
        "ancestors": [_link(node) for node in ancestors],
        "child_count": child_count,
        "children": [{**_link(child), "plant_count": plant_counts.get(child.pk, 0)} for child in children],
        "children_url": api_url("taxa") + f"?parent={taxon.slug}",
    }


def zip_place(place) -> dict:
    return {
        "code": place.code,
        "zone": place.zone_label,
        "map_year": place.map_year,
        "state": place.state,
        "state_name": place.state_name,
        "city": place.city,
        "summary": place.summary,
    }
