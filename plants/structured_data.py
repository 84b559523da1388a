"""JSON-LD for plant pages: the article, and the taxon it is about (Bioschemas Taxon)."""


def plant_json_ld(plant, lineage, page_url: str) -> dict:
    taxon = plant.taxon
    parent = lineage[-2] if len(lineage) > 1 else None
    about = {
        "@type": "Taxon",
        "name": taxon.scientific_name,
        "taxonRank": taxon.rank_label.lower(),
        "alternateName": plant.common_name,
        "identifier": plant.usda_symbol,
        "sameAs": plant.usda_url,
    }
    if parent is not None:
        about["parentTaxon"] = {
            "@type": "Taxon",
            "name": parent.scientific_name,
            "taxonRank": parent.rank_label.lower(),
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": plant.title,
        "name": plant.common_name,
        "description": plant.summary,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "dateModified": plant.updated_at.isoformat(),
        "datePublished": (plant.published_at or plant.created_at).isoformat(),
        "about": about,
    }
    if plant.data_source:
        data["citation"] = plant.data_source.citation
    return data


_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_text(data: dict) -> str:
    """JSON safe to place inside <script type="application/ld+json"> (no tag can close it)."""
    import json

    from django.utils.safestring import mark_safe

    return mark_safe(json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES))
