"""What the article's prose says: garden uses, care tips, wildlife, water, light and places.

The parser hands this module a bullet, a line or a section's text; these
functions pick out the terms the site files them under.  The keyword
patterns (which words mean "full sun") are the parser's own; the terms they
stand for are the values of plants/vocabulary.py.
"""

from __future__ import annotations

import re

from plants import vocabulary
from plants.regions import STATES_AND_PROVINCES

from .types import Section, WildlifeItem


def keyword_patterns(terms) -> list[tuple[str, re.Pattern]]:
    """(term, pattern) pairs with each pattern compiled to match whole words, in any case."""
    return [(term, re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE)) for term, pattern in terms]


_PLACE_ALIASES = {
    "Hawai‘i": "HI", "Hawai'i": "HI", "Washington, D.C.": "DC", "Washington D.C.": "DC",
    "Virgin Islands": "VI", "US Virgin Islands": "VI", "Newfoundland": "NL", "Labrador": "NL",
    "Québec": "QC", "Yukon Territory": "YT", "the Yukon": "YT",
}  # fmt: skip
PLACE_CODES = {name: code for code, name in STATES_AND_PROVINCES.items()} | _PLACE_ALIASES
# Longest names first so "West Virginia" wins over "Virginia" and "Arkansas" is not "Kansas".
_PLACE_RE = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(name) for name in sorted(PLACE_CODES, key=len, reverse=True))
    + r")(?!\w)"
)

GARDEN_USES = [
    ("Native plant garden", r"native(?:\s+plant)?\s+gardens?|native\s+plantings?"),
    (
        "Pollinator garden",
        r"pollinator\s+gardens?|butterfly\s+gardens?|pollinator\s+(?:plantings?|habitats?)",
    ),
    ("Rain garden", r"rain\s+gardens?|bioswales?"),
    ("Woodland garden", r"woodland\s+(?:gardens?|plantings?|edges?|settings?)|woodland"),
    ("Shade garden", r"shade\s+gardens?|shady\s+(?:gardens?|borders?|spots?)"),
    ("Rock garden", r"rock\s+gardens?|rockery|rockeries|rocky\s+slopes"),
    ("Alpine planting", r"alpine|troughs?"),
    ("Xeriscape", r"xeriscap\w*|water[- ]wise|dry\s+gardens?"),
    ("Ground cover", r"ground\s*-?\s*covers?"),
    ("Meadow", r"meadows?|prairies?"),
    ("Erosion control", r"erosion|slope\s+stabili[sz]ation|stabili[sz]ing\s+slopes"),
    ("Hedge", r"hedges?|hedgerows?|privacy\s+screens?|screening"),
    ("Border", r"borders?|edging"),
    ("Container", r"containers?|pots?|planters?"),
    ("Cut flowers", r"cut\s+flowers?|cutting\s+gardens?|bouquets?|flower\s+arrangements?"),
]
_GARDEN_USE_RES = keyword_patterns(GARDEN_USES)
# Words that end the name of a garden use nobody has put in the vocabulary yet.
_USE_STOP_WORDS = {
    "where", "that", "which", "for", "in", "focused", "celebrating", "with", "to", "and", "or", "of",
    "on", "as", "near", "along", "under", "around", "at", "by", "like", "when", "if", "mimicking",
    "featuring", "designed", "needing", "requiring", "because", "so", "from", "seeking", "looking",
}  # fmt: skip
_GARDEN_LEAD_IN_RE = re.compile(
    r"\b(?:perfect|ideal|great|excellent|wonderful|good|well[- ]suited|suited|suitable|works?\s+well)"
    r"\s+(?:choice\s+)?(?:for|in|as)\b|\bshines\s+in\b|\buse\s+it\s+(?:in|for|as)\b|\bconsider\s+it\s+for\b",
    re.IGNORECASE,
)
_GARDEN_HEADING_RE = re.compile(
    r"\b(?:garden|landscape)\s+uses?\b|\bshines\b|\buses\b|\bwhere\b.*\b(?:garden|landscape)\b", re.IGNORECASE
)

CARE_TIP_KEYWORDS = {
    "planting": r"plant(?:ing|ed)?|buy|purchas\w*|source|choose|choosing|select|site|siting|locat(?:e|ion)"
    r"|space|spacing|amend\w*|dig|transplant\w*|position|place",
    "watering": r"(?:over|under)?water\w*|irrigat\w*|drought|moist\w*|soak\w*|drench\w*",
    "maintenance": r"deadhead\w*|prun\w*|trim\w*|cut\s+back|cutting\s+back|mulch\w*|fertili[sz]\w*|feed\w*"
    r"|weed\w*|remove|removing|clean\w*|stak\w*|shear\w*|pinch\w*|monitor\w*|watch|protect\w*|leave",
    "propagation": r"divid\w*|division|propagat\w*|cuttings?|seeds?|sow\w*|self-sow\w*|layering|offsets?",
}
_CARE_TIP_RES = keyword_patterns(CARE_TIP_KEYWORDS.items())

# Wildlife: head nouns (plural, as articles write them); generic ones count only beside a resource.
WILDLIFE_HEADS = {
    "bees": False, "bumblebees": False, "honeybees": False, "butterflies": False, "moths": False,
    "hummingbirds": False, "songbirds": False, "birds": False, "caterpillars": False, "beetles": False,
    "flies": False, "hoverflies": False, "wasps": False, "bats": False, "finches": False,
    "goldfinches": False, "chickadees": False, "sparrows": False, "warblers": False, "quail": False,
    "mammals": False, "pollinators": True, "insects": True,
}  # fmt: skip
_WILDLIFE_MODIFIERS = {
    "small", "tiny", "large", "native", "wild", "solitary", "specialist", "beneficial", "bumble", "honey",
    "mason", "sweat", "carpenter", "leafcutter", "ground-nesting", "long-tongued", "short-tongued",
    "monarch", "swallowtail", "migrating", "migratory", "night-flying", "hawk", "sphinx", "hover",
    "syrphid", "seed-eating", "fruit-eating", "insect-eating", "ground-feeding", "checkerspot", "fritillary",
}  # fmt: skip
_WILDLIFE_RE = re.compile(
    r"\b(" + "|".join(sorted(WILDLIFE_HEADS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
WILDLIFE_RESOURCE_KEYWORDS = [
    ("nectar", r"nectar"),
    ("pollen", r"pollen"),
    ("seeds", r"seeds?|seedheads?|seed\s+heads?"),
    ("fruit", r"berr(?:y|ies)|fruits?|drupes?"),
    ("foliage", r"foliage|leaves|host(?:\s+plants?)?|larval"),
    ("shelter", r"shelter|nesting|nest\s+sites?|overwinter\w*"),
]
_RESOURCE_RES = keyword_patterns(WILDLIFE_RESOURCE_KEYWORDS)

WATER_KEYWORDS = [
    ("medium", r"dry\s+out|average|moderate|regular\w*|evenly|moist"),
    ("high", r"wet|boggy|bog|standing\s+water|saturated|waterlogged|consistently\s+moist|constantly\s+moist"),
    ("low", r"drought[- ]tolerant|drought|sparingly|dry|arid|low\s+water|minimal\s+water|xeric"),
]
_WATER_RES = keyword_patterns(WATER_KEYWORDS)

# Light terms, most specific first; each names one of the vocabulary's levels.
LIGHT_TERMS = [
    ("full_sun", r"full\s+sun(?:light)?|direct\s+sun(?:light)?|bright\s+sun|all[- ]day\s+sun"),
    ("full_shade", r"full\s+shade|deep\s+shade|dense\s+shade|heavy\s+shade|total\s+shade"),
    (
        "partial_shade",
        r"part(?:ial)?\s+(?:shade|sun)|part[- ]shade|semi[- ]?shade|half[- ]shade|light\s+shade"
        r"|dappled\s+(?:shade|sun\w*|light)|filtered\s+(?:sun\w*|light|shade)|afternoon\s+shade"
        r"|morning\s+sun|part(?:ial)?ly\s+shaded",
    ),
    ("full_sun", r"sunny|sun"),
    ("full_shade", r"shady|shaded|shade"),
]
_LIGHT_RE = re.compile(
    "|".join(f"(?P<l{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(LIGHT_TERMS)), re.IGNORECASE
)
# The vocabulary lists the levels from the most light to the least, so a range fills in between.
_LIGHT_ORDER = list(vocabulary.LIGHT_LEVELS)
_RANGE_JOIN_RE = re.compile(r"^\s*(?:to|through|-|–|—)\s*$", re.IGNORECASE)

_CARE_TIPS_HEADING_RE = re.compile(r"\b(?:tips|care|planting)\b", re.IGNORECASE)
_WILDLIFE_HEADING_RE = re.compile(r"\b(?:wildlife|pollinators?)\b", re.IGNORECASE)
_RANGE_HEADING_RE = re.compile(r"\b(?:range|distribution)\b", re.IGNORECASE)
_NATIVE_HEADING_RE = re.compile(r"\bnative\b", re.IGNORECASE)
_LIST_JOIN_RE = re.compile(r"\s*(?:,|and|or|&|,\s*and)\s*")
# Sections whose text is about something else than where the plant grows.
_STRUCTURED_BLOCKS = tuple(block for block in vocabulary.SECTION_BLOCKS if block)


def section_block(heading: str, lead_in: str, *, has_labels: bool, has_bullets: bool) -> str:
    """The structured block a section shows after its text (ArticleSection.Block's value), or ""."""
    if has_labels:
        return "growing_conditions"
    if has_bullets and (_GARDEN_LEAD_IN_RE.search(lead_in) or _GARDEN_HEADING_RE.search(heading)):
        return "garden_uses"
    if has_bullets and _CARE_TIPS_HEADING_RE.search(heading):
        return "care_tips"
    if _WILDLIFE_HEADING_RE.search(heading):
        return "wildlife"
    return ""


def garden_use_name(text: str) -> str:
    """The name of the garden use a bullet describes, "" when it is none the parser knows."""
    return _earliest(_GARDEN_USE_RES, text)


def new_garden_use_name(text: str) -> str:
    """A name for a garden use the parser does not know: the bullet's first words, capitalised."""
    words = []
    for word in text.split():
        bare = word.strip(",.;:!?()“”\"'")
        if not bare or bare.lower() in _USE_STOP_WORDS or len(words) == 3:
            break
        words.append(bare[0].upper() + bare[1:])
    return " ".join(words) or text


def care_tip_category(text: str) -> str:
    """The care-tip category a tip's words point to, "" when none does."""
    return _earliest(_CARE_TIP_RES, text)


def water_need(text: str) -> str:
    """The water need a "Water:" line describes, "" when it does not say."""
    return _earliest(_WATER_RES, text)


def parse_light(text: str) -> list[str]:
    """The light levels a phrase names, in the order full_sun, partial_shade, full_shade.

    "A to B" names everything between A and B: "Full sun to full shade" is all three.
    """
    found: list[tuple[int, int, int]] = []  # (start, end, position of the level in _LIGHT_ORDER)
    for match in _LIGHT_RE.finditer(text or ""):
        level = LIGHT_TERMS[int(match.lastgroup[1:])][0]
        found.append((match.start(), match.end(), _LIGHT_ORDER.index(level)))
    levels: set[int] = set()
    for i, (_, _, level) in enumerate(found):
        levels.add(level)
        if i and _RANGE_JOIN_RE.match(text[found[i - 1][1] : found[i][0]]):
            low, high = sorted((found[i - 1][2], level))
            levels.update(range(low, high + 1))
    return [_LIGHT_ORDER[level] for level in sorted(levels)]


def find_wildlife(texts: list[str]) -> list[WildlifeItem]:
    """The animals the texts say the plant supports, each once, with what it offers them."""
    items: list[tuple[list[str], str, str]] = []  # (words, name, resource)
    for text in texts:
        for sentence in _sentences(text):
            for match in _WILDLIFE_RE.finditer(sentence):
                head = match.group(1).lower()
                resource = _nearest_resource(sentence, match.start(), match.end())
                if WILDLIFE_HEADS[head] and not resource:
                    continue  # "pollinators" on its own says nothing the page can show
                words = _wildlife_words(sentence[: match.start()], head)
                _add_wildlife(items, words, resource)
    return [WildlifeItem(name, resource) for _, name, resource in items]


def _wildlife_words(before: str, head: str) -> list[str]:
    """The head noun with the modifiers just before it: "small native bees"."""
    words = [head]
    for word in reversed(re.split(r"\s+", before.rstrip())):
        if word.lower() in _WILDLIFE_MODIFIERS and len(words) < 4:
            words.insert(0, word.lower())
        else:
            break
    return words


def _add_wildlife(items: list[tuple[list[str], str, str]], words: list[str], resource: str) -> None:
    """Add an animal, or merge it with one that ends or starts the same way (keeping the longer name)."""
    name = " ".join(words)
    name = name[0].upper() + name[1:]
    for i, (other, other_name, other_resource) in enumerate(items):
        if other[-len(words) :] == words or words[-len(other) :] == other:
            longer = other_name if len(other) >= len(words) else name
            longer_words = other if len(other) >= len(words) else words
            items[i] = (longer_words, longer, other_resource or resource)
            return
    items.append((words, name, resource))


def _nearest_resource(sentence: str, start: int, end: int) -> str:
    """The resource word nearest the animal; of a list ("nectar and pollen for..."), the first."""
    found = sorted(
        (match.start(), match.end(), name)
        for name, regex in _RESOURCE_RES
        for match in regex.finditer(sentence)
    )
    if not found:
        return ""
    distances = [s - end if s >= end else start - e for s, e, _ in found]
    i = distances.index(min(distances))
    while i and _LIST_JOIN_RE.fullmatch(sentence[found[i - 1][1] : found[i][0]]):
        i -= 1
    return found[i][2]


def native_states(summary: str, sections: list[Section]) -> list[str]:
    """The states and provinces the article says the plant is native to.

    From the sections about its range, else those about where it is native,
    else the whole article.
    """
    chosen = [s for s in sections if _RANGE_HEADING_RE.search(s.heading)]
    if not chosen:
        chosen = [
            s for s in sections if _NATIVE_HEADING_RE.search(s.heading) and s.shows not in _STRUCTURED_BLOCKS
        ]
    if chosen:
        text = "\n".join(f"{s.heading}\n{s.body}" for s in chosen)
    else:
        text = "\n".join([summary] + [f"{s.heading}\n{s.body}" for s in sections])
    return place_codes(text)


def place_codes(text: str) -> list[str]:
    """The codes of the states and provinces a text names, in the order it names them."""
    codes: list[str] = []
    for match in _PLACE_RE.finditer(text):
        code = PLACE_CODES[match.group(1)]
        if code not in codes:
            codes.append(code)
    return codes


def _earliest(regexes, text: str) -> str:
    """The label of the regex matching earliest in text (longest match on ties); "" if none."""
    best = None
    for label, regex in regexes:
        match = regex.search(text)
        if match and (best is None or (match.start(), -match.end()) < best[0]):
            best = ((match.start(), -match.end()), label)
    return best[1] if best else ""


def _sentences(text: str) -> list[str]:
    """Sentences and clauses, split after . ! ? ; and at line breaks."""
    return [part for part in re.split(r"(?<=[.!?;])\s+|\n+", text) if part.strip()]
