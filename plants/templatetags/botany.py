"""Display helpers for botanical names."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

# Rank connectors are written upright inside an italic name: Heuchera parvifolia var. microcarpa.
CONNECTORS = {"var.", "subsp.", "ssp.", "f.", "×"}


@register.filter
def italic_name(taxon):
    """The taxon's scientific name, italic from genus down, with rank connectors upright."""
    if not taxon.is_italicised:
        return taxon.scientific_name
    runs: list[tuple[bool, list[str]]] = []
    for word in taxon.scientific_name.split():
        italic = word not in CONNECTORS
        if runs and runs[-1][0] == italic:
            runs[-1][1].append(word)
        else:
            runs.append((italic, [word]))
    return format_html_join(
        " ",
        "{}",
        ((format_html("<i>{}</i>", " ".join(w)) if italic else " ".join(w),) for italic, w in runs),
    )
