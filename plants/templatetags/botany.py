"""Display helpers for botanical names."""

import functools
from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# Rank connectors are written upright inside an italic name: Heuchera parvifolia var. microcarpa.
CONNECTORS = {"var.", "subsp.", "ssp.", "f.", "×"}


@register.filter
def italic_name(taxon):
    """The taxon's scientific name, italic from genus down, with rank connectors upright.

    `taxon` is a Taxon or a mapping with the same two keys (a plant page document's).
    """
    if isinstance(taxon, dict):
        return _italic_name(taxon["scientific_name"], taxon["is_italicised"])
    return _italic_name(taxon.scientific_name, taxon.is_italicised)


# A plant page shows a dozen names, each of them on many pages; working one out
# is pure string work, so each process remembers the names it has shown.
@functools.lru_cache(maxsize=8192)
def _italic_name(name: str, italicised: bool) -> str:
    if not italicised:
        return name
    runs: list[tuple[bool, list[str]]] = []
    for word in name.split():
        italic = word not in CONNECTORS
        if runs and runs[-1][0] == italic:
            runs[-1][1].append(word)
        else:
            runs.append((italic, [word]))
    # Plain escape() and one mark_safe(): format_html per run cost more than the rest of the name.
    return mark_safe(
        " ".join(f"<i>{escape(' '.join(w))}</i>" if italic else escape(" ".join(w)) for italic, w in runs)
    )
