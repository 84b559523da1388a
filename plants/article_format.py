"""Read a plant article in the site's plain-text exchange format.

The format is the text of a North America Native Plant page as exported: a
site header, the common name, ``Field: value`` header lines, a teaser, an
optional conservation block, the article itself (title, intro, headed
sections with bullet lists and ``Climate:``/``Light:``/``Soil:``/``Water:``
lines), a USDA classification block and a data-source citation.  See
``tests/articles/littleleaf-alumroot.txt`` for the reference article.

`parse_article` turns the text into plain dataclasses that an importer can
map onto the models.  It is standard-library only (plus `plants.zones`) so it
can run without Django.  Problems that would store wrong data raise
`ArticleFormatError` carrying the 1-based line number; anything the parser
can carry on past is reported in `ParsedArticle.warnings` as an `ArticleWarning`
with its line number.

Each paragraph, bullet and heading is one line; lines are separated by blank
lines (bullets of one list may follow each other directly).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from plants import usda_symbols, vocabulary, zones
from plants.regions import STATES_AND_PROVINCES

# ---------------------------------------------------------------------------
# Result types


@dataclass
class Section:
    heading: str
    body: str
    shows: str
    line: int


@dataclass
class GardenUseItem:
    name: str
    note: str


@dataclass
class CareTipItem:
    category: str
    text: str


@dataclass
class WildlifeItem:
    name: str
    resource: str


@dataclass
class TaxonItem:
    rank: str
    scientific_name: str
    authority: str
    common_name: str


@dataclass
class ConservationItem:
    scope: str
    region: str
    rank: str
    explanation: str


@dataclass
class DataSourceItem:
    publisher: str
    year: int
    title: str
    url: str
    accessed: datetime.date
    publisher_place: str
    citation: str


@dataclass
class ParsedArticle:
    common_name: str = ""
    scientific_name: str = ""
    usda_symbol: str = ""
    life_cycles: list[str] = field(default_factory=list)
    growth_habits: list[str] = field(default_factory=list)
    native_statuses: list[tuple[str, str]] = field(default_factory=list)
    title: str = ""
    summary: str = ""
    sections: list[Section] = field(default_factory=list)
    garden_uses: list[GardenUseItem] = field(default_factory=list)
    zone_low: int | None = None
    zone_high: int | None = None
    climate_notes: str = ""
    light: list[str] = field(default_factory=list)
    light_notes: str = ""
    soil_notes: str = ""
    water_need: str = ""
    water_notes: str = ""
    care_tips: list[CareTipItem] = field(default_factory=list)
    wildlife: list[WildlifeItem] = field(default_factory=list)
    conservation: list[ConservationItem] = field(default_factory=list)
    native_states: list[str] = field(default_factory=list)
    usda_group: str = ""
    classification: list[TaxonItem] = field(default_factory=list)
    data_source: DataSourceItem | None = None
    warnings: list[ArticleWarning] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleWarning:
    """Something the parser read past at a 1-based line; str() is "LINE: message"."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


class ArticleFormatError(ValueError):
    """Input that cannot be read into a correct article; str() is "LINE: message"."""

    def __init__(self, line: int, message: str, path: str | None = None):
        self.line = line
        self.message = message
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = f"{self.path}:" if self.path else ""
        return f"{prefix}{self.line}: {self.message}"


# ---------------------------------------------------------------------------
# Vocabularies and tables

# USDA writes ranks the site does not store; they are read as ranks (the importer says it skips
# them) so that the name after one is not taken for a stray line.
_UNSTORED_RANKS = ("superorder",)
_RANK_NAMES = {rank: rank for rank in (*vocabulary.RANKS, *_UNSTORED_RANKS)} | {
    "form": "forma",
    "subvariety": "variety",
    "phylum": "division",
}
_INFRASPECIFIC = {
    "subsp.": "subspecies",
    "ssp.": "subspecies",
    "var.": "variety",
    "f.": "forma",
    "fo.": "forma",
}

SITE_HEADER_RE = re.compile(r"^north[- ]americ(?:a|an)\s+native\s+plants?$", re.IGNORECASE)

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

# USDA PLANTS native-status regions: prose names (case-insensitive) and codes (exact).
_USDA_REGION_NAMES = [
    (r"lower\s*48(?:\s+states)?|contiguous\s+(?:united\s+states|u\.?s\.?)|conterminous", "L48"),
    (r"alaska", "AK"),
    (r"hawai[‘'ʻ]?i", "HI"),
    (r"puerto\s+rico", "PR"),
    (r"(?:u\.?s\.?\s+)?virgin\s+islands", "VI"),
    (r"navassa", "NAV"),
    (r"guam", "GU"),
    (r"pacific\s+basin", "PB"),
    (r"canada", "CAN"),
    (r"greenland", "GL"),
    (r"s(?:ain)?t\.?\s*pierre(?:\s+(?:and|&)\s+miquelon)?|miquelon", "SPM"),
    (r"north\s+america", "NA"),
]
_USDA_REGION_CODES = ["L48", "AK", "HI", "PR", "VI", "NAV", "GU", "PB", "CAN", "GL", "SPM", "NA"]
_NATIVE_CODE_RE = re.compile(
    r"\b(" + "|".join(_USDA_REGION_CODES) + r")\s*\(?\s*(NI|N\?|I\?|N|I|W)\s*\)?(?![\w])"
)
_STATUS_WORD_RE = re.compile(
    r"\b(not\s+native|non-?native|introduced|naturali[sz]ed|native)\b(?:\s+(?:to|in))?", re.IGNORECASE
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
_GARDEN_USE_RES = [
    (name, re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE)) for name, pattern in GARDEN_USES
]
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
_CARE_TIP_RES = [
    (category, re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE)) for category, p in CARE_TIP_KEYWORDS.items()
]

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
_RESOURCE_RES = [
    (name, re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE)) for name, p in WILDLIFE_RESOURCE_KEYWORDS
]

WATER_KEYWORDS = [
    ("medium", r"dry\s+out|average|moderate|regular\w*|evenly|moist"),
    ("high", r"wet|boggy|bog|standing\s+water|saturated|waterlogged|consistently\s+moist|constantly\s+moist"),
    ("low", r"drought[- ]tolerant|drought|sparingly|dry|arid|low\s+water|minimal\s+water|xeric"),
]
_WATER_RES = [(need, re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE)) for need, p in WATER_KEYWORDS]

_LIGHT_TERMS = [
    (0, r"full\s+sun(?:light)?|direct\s+sun(?:light)?|bright\s+sun|all[- ]day\s+sun"),
    (2, r"full\s+shade|deep\s+shade|dense\s+shade|heavy\s+shade|total\s+shade"),
    (
        1,
        r"part(?:ial)?\s+(?:shade|sun)|part[- ]shade|semi[- ]?shade|half[- ]shade|light\s+shade"
        r"|dappled\s+(?:shade|sun\w*|light)|filtered\s+(?:sun\w*|light|shade)|afternoon\s+shade"
        r"|morning\s+sun|part(?:ial)?ly\s+shaded",
    ),
    (0, r"sunny|sun"),
    (2, r"shady|shaded|shade"),
]
_LIGHT_RE = re.compile(
    "|".join(f"(?P<l{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(_LIGHT_TERMS)), re.IGNORECASE
)
_RANGE_JOIN_RE = re.compile(r"^\s*(?:to|through|-|–|—)\s*$", re.IGNORECASE)

# Header fields: canonical key -> names an article may use.
_HEADER_FIELDS = {
    "common name": "common_name",
    "botanical name": "botanical",
    "scientific name": "botanical",
    "usda symbol": "symbol",
    "symbol": "symbol",
    "usda plants symbol": "symbol",
    "life cycle": "life_cycle",
    "lifecycle": "life_cycle",
    "duration": "life_cycle",
    "habit": "habit",
    "growth habit": "habit",
    "native status": "native_status",
    "region": "region",
    "status": "status",
    "conservation status": "status",
}
_HEADER_LABELS = {
    "botanical": "Botanical name",
    "symbol": "USDA symbol",
}
_FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z0-9 ‘’'()/.-]{0,40}?)\s*:\s*(.*)$")
_DATA_SOURCE_RE = re.compile(r"^(?:plant\s+)?data\s+source\s*:", re.IGNORECASE)
_CONSERVATION_RANK_RE = re.compile(r"^(?:[GNS](?:[0-9]|[UHX]|NR|NA)[A-Z0-9?]*|T[0-9][A-Z0-9?]*)$")

_LABELS = {
    "climate": "climate",
    "hardiness": "climate",
    "light": "light",
    "sun": "light",
    "exposure": "light",
    "soil": "soil",
    "water": "water",
    "moisture": "water",
}
_LABEL_RE = re.compile(r"^(" + "|".join(_LABELS) + r")\s*:\s*(.*)$", re.IGNORECASE)
_BULLET_RE = re.compile(r"^[•●▪◦‣·*–-]\s+(.*)$")
_ZONE_TEXT_RE = re.compile(
    r"\bzones?\s+(\d+\s*[abAB]?)(?:\s*(?:-|–|—|to|through)\s*(?:zones?\s+)?(\d+\s*[abAB]?))?(?![\w])",
    re.IGNORECASE,
)
_ELLIPSIS_RE = re.compile(r"(?:\.\.\.|…)$")
_HEADING_MAX_CHARS = 100
_HEADING_MAX_WORDS = 14

_SPACE_RE = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_INVISIBLE_RE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")


# ---------------------------------------------------------------------------
# Public helpers


def normalise_text(text: str) -> str:
    """NBSP (and tabs, narrow NBSP) to spaces, runs of spaces collapsed, trailing spaces stripped.

    Works line by line on multi-line text.  Curly quotes, dashes, bullets
    and ⚘ are kept as written; zero-width characters and BOMs are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACE_RE.sub(" ", _INVISIBLE_RE.sub("", line)).rstrip() for line in text.split("\n"))
    return "\n".join(lines)


def parse_light(text: str) -> list[str]:
    """The light levels a phrase names, in the order full_sun, partial_shade, full_shade.

    "A to B" names everything between A and B: "Full sun to full shade" is all three.
    """
    found: list[tuple[int, int, int]] = []  # (start, end, level)
    for match in _LIGHT_RE.finditer(text or ""):
        index = int(match.lastgroup[1:])
        found.append((match.start(), match.end(), _LIGHT_TERMS[index][0]))
    levels: set[int] = set()
    for i, (_, _, level) in enumerate(found):
        levels.add(level)
        if i and _RANGE_JOIN_RE.match(text[found[i - 1][1] : found[i][0]]):
            low, high = sorted((found[i - 1][2], level))
            levels.update(range(low, high + 1))
    return [list(vocabulary.LIGHT_LEVELS)[level] for level in sorted(levels)]


def parse_file(path) -> ParsedArticle:
    """Parse an article file (UTF-8); errors read "PATH:LINE: message"."""
    path_text = str(path)
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleFormatError(line, "The file is not UTF-8 text.", path=path_text) from error
    try:
        return parse_article(text)
    except ArticleFormatError as error:
        raise ArticleFormatError(error.line, error.message, path=path_text) from error


def parse_article(text: str) -> ParsedArticle:
    """Parse the text of one article; raises ArticleFormatError for malformed input."""
    return _Parser(text).parse()


# ---------------------------------------------------------------------------
# Small text helpers


def _is_heading_like(text: str) -> bool:
    """A short line with no terminal period (questions and exclamations allowed)."""
    if not text or len(text) > _HEADING_MAX_CHARS or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    if text[-1] in ".,;:…" or _ELLIPSIS_RE.search(text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'"


def _is_body_like(text: str) -> bool:
    """A line that reads as a paragraph rather than a header field or heading."""
    if _ELLIPSIS_RE.search(text):
        return False
    field_match = _FIELD_RE.match(text)
    if field_match and field_match.group(1).strip().lower() in _HEADER_FIELDS:
        return False
    return len(text) >= 60 and text[-1] in '.!?”")’'


def _split_scientific(text: str) -> tuple[str, str]:
    """Split "Heuchera parvifolia Nutt. ex Torr. & A. Gray" into the name and its authority.

    The name is the first word and the lower-case words after it (epithets,
    "var.", "×"); the authority starts at the first capital or "(".
    """
    words = text.split()
    if not words:
        return "", ""
    end = 1
    while end < len(words) and (words[end][0].islower() or words[end][0] == "×"):
        end += 1
    # An autonym written after the species' authority: "Heuchera parvifolia Nutt. ... var. parvifolia".
    for i in range(end, len(words) - 1):
        if words[i].lower() in _INFRASPECIFIC and words[i + 1][0].islower():
            return " ".join(words[:end] + words[i : i + 2]), " ".join(words[i + 2 :])
    return " ".join(words[:end]), " ".join(words[end:])


def _infraspecific_rank(scientific_name: str) -> str:
    for word in scientific_name.split()[2:]:
        if word.lower() in _INFRASPECIFIC:
            return _INFRASPECIFIC[word.lower()]
    return ""


def _place_codes(text: str) -> list[str]:
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


# ---------------------------------------------------------------------------
# The parser


@dataclass
class _Unit:
    kind: str  # "text", "bullet" or "label"
    line: int
    text: str
    label: str = ""


class _Parser:
    def __init__(self, text: str):
        raw = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.lines = [(number, normalise_text(line).strip()) for number, line in enumerate(raw, start=1)]
        self.nonblank = [(number, line) for number, line in self.lines if line]
        self.result = ParsedArticle()
        self.warnings: list[ArticleWarning] = self.result.warnings
        self.labels_seen: set[str] = set()

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ArticleWarning(line, message))

    # -- driver --------------------------------------------------------------

    def parse(self) -> ParsedArticle:
        if not self.nonblank:
            raise ArticleFormatError(1, "The article is empty.")
        source_index = self._find_data_source()
        heading_index, block_start = self._find_classification(source_index)
        ends = (heading_index, block_start, source_index, len(self.nonblank))
        article_end = min(i for i in ends if i is not None)
        repeated_name = None
        if block_start is not None and article_end > 0:
            number, text = self.nonblank[article_end - 1]
            if _is_heading_like(text) and not _LABEL_RE.match(text):
                repeated_name = (number, text)
                article_end -= 1

        title_index = self._parse_preamble(article_end)
        self._parse_article(title_index, article_end)
        self._check_common_name(repeated_name)

        if block_start is not None:
            if heading_index is None:
                self.warn(
                    self.nonblank[block_start][0], "The classification has no “Classification” heading."
                )
            block_end = source_index if source_index is not None and source_index > block_start else None
            self._parse_classification(block_start, block_end or len(self.nonblank))
        else:
            self.warn(self.nonblank[article_end - 1][0], "The article has no “Classification” block.")
        self._add_profile_taxon()

        if source_index is not None:
            self._parse_data_source(*self.nonblank[source_index])
            for number, text in self.nonblank[source_index + 1 :]:
                self.warn(number, f"Text after the data source is ignored: “{text[:60]}”.")
        else:
            self.warn(self.nonblank[-1][0], "The article has no “Plant data source:” line.")
        return self.result

    def _find_data_source(self) -> int | None:
        for index, (_, text) in enumerate(self.nonblank):
            if _DATA_SOURCE_RE.match(text):
                return index
        return None

    def _find_classification(self, source_index: int | None) -> tuple[int | None, int | None]:
        """(index of the "Classification" line, index of the block's first rank line), either None."""
        stop = source_index if source_index is not None else len(self.nonblank)
        for index in range(stop - 1, -1, -1):
            if self.nonblank[index][1].lower() == "classification":
                return index, index + 1
        # No heading: the block starts at "Kingdom", or at "Group" two lines before it.
        for index in range(stop - 1, -1, -1):
            if self.nonblank[index][1].lower() == "kingdom":
                if index >= 2 and self.nonblank[index - 2][1].lower() == "group":
                    index -= 2
                return None, index
        return None, None

    # -- preamble: site header, common name, header fields, teaser, conservation

    def _field_match(self, text: str):
        match = _FIELD_RE.match(text)
        if match and len(match.group(1).split()) <= 4:
            return match
        return None

    def _parse_preamble(self, article_end: int) -> int:
        """Read everything before the article title; return the title's index in nonblank."""
        result = self.result
        lines = self.nonblank
        index = 0
        if SITE_HEADER_RE.match(lines[0][1]):
            index = 1
        # The common name: the first plain line, unless it is really the title (a paragraph follows it).
        if index < article_end:
            text = lines[index][1]
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            if (
                not self._field_match(text)
                and not _ELLIPSIS_RE.search(text)
                and not text.lower().startswith("rare plant alert")
                and not _is_body_like(following)
            ):
                result.common_name = text
                index += 1

        fields: dict[str, tuple[int, str]] = {}
        teaser = ""
        header_end_line = lines[index - 1][0] if index else 1
        region: tuple[int, str] | None = None
        title_index = None
        while index < article_end:
            number, text = lines[index]
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            if text.lower().rstrip("!. ") == "rare plant alert":
                index += 1
                continue
            match = self._field_match(text)
            key = _HEADER_FIELDS.get(match.group(1).strip().lower()) if match else None
            if match and not key:
                name = match.group(1).strip()
                is_title = (
                    (teaser and teaser.startswith(text))
                    or name.lower() == result.common_name.lower()
                    or _is_body_like(following)
                    or _ELLIPSIS_RE.search(text)
                )
                if is_title:
                    match = None
            if _ELLIPSIS_RE.search(text) and not key:
                if teaser:
                    self.warn(number, "A second teaser line is ignored.")
                teaser = text
                index += 1
                continue
            if not match and not teaser and not _is_heading_like(text) and len(text) > _HEADING_MAX_CHARS:
                self.warn(
                    number, "A long line before the title is taken as the teaser, though it lacks “...”."
                )
                teaser = text
                index += 1
                continue
            if not match:
                title_index = index
                break
            value = match.group(2).strip()
            if key == "region":
                region = (number, value)
            elif key == "status":
                self._add_conservation(number, value, region)
                region = None
            elif key:
                if key in fields:
                    self.warn(
                        number, f"Header field “{match.group(1).strip()}” appears twice; the first is kept."
                    )
                else:
                    fields[key] = (number, value)
                header_end_line = number
            else:
                self.warn(number, f"Unknown header field “{match.group(1).strip()}” is ignored.")
                header_end_line = number
            index += 1
        if region is not None:
            self.warn(region[0], "“Region:” line without a “Status:” line after it is ignored.")
        if title_index is None:
            line = lines[article_end][0] if article_end < len(lines) else lines[-1][0]
            raise ArticleFormatError(line, "The article has no title line after the header.")

        for key in ("botanical", "symbol"):
            if key not in fields:
                raise ArticleFormatError(
                    header_end_line, f"The header has no “{_HEADER_LABELS[key]}:” line; it is required."
                )
            if not fields[key][1]:
                raise ArticleFormatError(
                    fields[key][0], f"“{_HEADER_LABELS[key]}:” is empty; it is required."
                )

        number, value = fields["botanical"]
        result.scientific_name = value
        number, value = fields["symbol"]
        if not usda_symbols.is_usda_symbol(value):
            raise ArticleFormatError(number, f"“{value}” is not a USDA symbol: {usda_symbols.RULE}.")
        result.usda_symbol = value
        if "common_name" in fields and not result.common_name:
            result.common_name = fields["common_name"][1]
        if "life_cycle" in fields:
            result.life_cycles = self._parse_life_cycle(*fields["life_cycle"])
        else:
            self.warn(header_end_line, "The header has no “Life cycle:” line.")
        if "habit" in fields:
            result.growth_habits = self._parse_habit(*fields["habit"])
        else:
            self.warn(header_end_line, "The header has no “Habit:” line.")
        if "native_status" in fields:
            result.native_statuses = self._parse_native_status(*fields["native_status"])
        else:
            self.warn(header_end_line, "The header has no “Native status:” line.")

        result.title = lines[title_index][1]
        if teaser and not teaser.startswith(result.title):
            self.warn(lines[title_index][0], "The title does not match the start of the teaser line.")
        return title_index

    def _parse_life_cycle(self, line: int, value: str) -> list[str]:
        found = set()
        for word in re.findall(r"[A-Za-z]+", value.lower()):
            if word in vocabulary.LIFE_CYCLES:
                found.add(word)
            elif word not in ("and", "or"):
                self.warn(line, f"Unknown life cycle “{word}” is ignored.")
        return [cycle for cycle in vocabulary.LIFE_CYCLES if cycle in found]

    def _parse_habit(self, line: int, value: str) -> list[str]:
        aliases = {
            "herb": "forb",
            "grass": "graminoid",
            "grasslike": "graminoid",
            "lichen": "lichenous",
            "non-vascular": "nonvascular",
            "sub-shrub": "subshrub",
            "climber": "vine",
        }
        found = set()
        for token in re.split(r"[,;/&]|\band\b|\bor\b", value.lower()):
            token = token.strip()
            if not token:
                continue
            singular = token[:-1] if token.endswith("s") else token
            habit = next(
                (
                    aliases.get(t, t)
                    for t in (token, singular)
                    if aliases.get(t, t) in vocabulary.GROWTH_HABITS
                ),
                None,
            )
            if habit:
                found.add(habit)
            else:
                self.warn(line, f"Unknown growth habit “{token}” is ignored.")
        return [habit for habit in vocabulary.GROWTH_HABITS if habit in found]

    def _parse_native_status(self, line: int, value: str) -> list[tuple[str, str]]:
        statuses: list[tuple[str, str]] = []

        def add(region: str, status: str) -> None:
            if (region, status) not in statuses:
                statuses.append((region, status))

        codes = list(_NATIVE_CODE_RE.finditer(value))
        if codes:
            for match in codes:
                add(match.group(1), match.group(2))
        else:
            marks = list(_STATUS_WORD_RE.finditer(value))
            for i, mark in enumerate(marks):
                word = mark.group(1).lower()
                status = "N" if word == "native" else "I"
                segment = value[mark.end() : marks[i + 1].start() if i + 1 < len(marks) else len(value)]
                found = sorted(
                    (match.start(), region)
                    for pattern, region in _USDA_REGION_NAMES
                    for match in re.finditer(r"\b(?:" + pattern + r")\b", segment, re.IGNORECASE)
                )
                for _, region in found:
                    add(region, status)
        if not statuses:
            self.warn(line, f"Could not read a USDA region and status from “{value}”.")
        return statuses

    def _add_conservation(self, line: int, value: str, region_line: tuple[int, str] | None) -> None:
        rank, _, explanation = value.partition(":")
        rank, explanation = rank.strip(), explanation.strip()
        if not _CONSERVATION_RANK_RE.match(rank):
            self.warn(line, f"“{rank}” is not a NatureServe rank; the status is ignored.")
            return
        rank_scope = {"G": "global", "N": "national", "S": "subnational"}.get(rank[0], "")
        region_scope, region_code = "", ""
        if region_line is not None:
            number, region_text = region_line
            region_scope, region_code = self._read_region(number, region_text)
        scope = rank_scope or region_scope
        if region_scope and rank_scope and region_scope != rank_scope:
            self.warn(
                line,
                f"Rank {rank} is a {rank_scope} rank but the region line says {region_scope}; "
                f"the rank's {rank_scope} scope is used.",
            )
            region_code = "" if rank_scope == "global" else region_code
        if not scope:
            self.warn(
                line, f"Could not tell whether {rank} is a global, national or state rank; assumed global."
            )
            scope = "global"
        self.result.conservation.append(ConservationItem(scope, region_code, rank, explanation))

    def _read_region(self, line: int, text: str) -> tuple[str, str]:
        lowered = text.lower().strip(" .")
        if re.search(r"\b(?:global(?:ly)?|world(?:wide)?|range-?wide|rangewide)\b", lowered):
            return "global", ""
        if lowered in ("national", "nationally", "country", "by country"):
            return "national", ""
        if lowered in ("united states", "u.s", "us", "usa", "united states of america"):
            return "national", "US"
        if lowered == "canada":
            return "national", "CA"
        by_state = re.search(r"\bby\s+(?:state|province)\b|\bstates?\b|\bprovinc", lowered)
        if by_state and not _place_codes(text):
            return "subnational", ""
        codes = _place_codes(text)
        if not codes and re.fullmatch(r"[A-Z]{2}", text.strip()) and text.strip() in STATES_AND_PROVINCES:
            codes = [text.strip()]
        if codes:
            return "subnational", codes[0]
        self.warn(line, f"Unknown conservation region “{text}”; the rank decides the scope.")
        return "", ""

    def _check_common_name(self, repeated: tuple[int, str] | None) -> None:
        result = self.result
        if not result.common_name:
            if repeated:
                result.common_name = repeated[1]
            else:
                result.common_name = result.title.split(":")[0].strip()
            self.warn(self.nonblank[0][0], f"No common name line; using “{result.common_name}”.")
        elif repeated and repeated[1].casefold() != result.common_name.casefold():
            self.warn(
                repeated[0],
                f"The name before the classification, “{repeated[1]}”, differs from the common name "
                f"“{result.common_name}”.",
            )

    # -- the article itself ---------------------------------------------------

    def _units(self, start: int, end: int) -> list[_Unit]:
        units = []
        for number, text in self.nonblank[start:end]:
            kind, body = "text", text
            bullet = _BULLET_RE.match(text)
            if bullet:
                kind, body = "bullet", bullet.group(1).strip()
            label = _LABEL_RE.match(body)
            if label:
                units.append(_Unit("label", number, label.group(2).strip(), _LABELS[label.group(1).lower()]))
            else:
                units.append(_Unit(kind, number, body))
        return units

    def _parse_article(self, title_index: int, end: int) -> None:
        units = self._units(title_index + 1, end)
        groups: list[tuple[_Unit | None, list[_Unit]]] = [(None, [])]
        for i, unit in enumerate(units):
            following = units[i + 1] if i + 1 < len(units) else None
            if unit.kind == "text" and _is_heading_like(unit.text):
                if following is None:
                    self.warn(
                        unit.line, f"“{unit.text}” looks like a heading but nothing follows it; kept as text."
                    )
                else:
                    if following.kind == "text" and _is_heading_like(following.text):
                        self.warn(unit.line, f"Section “{unit.text}” has no text.")
                    groups.append((unit, []))
                    continue
            groups[-1][1].append(unit)

        intro = groups[0][1]
        intro_texts = []
        for unit in intro:
            if unit.kind == "text":
                intro_texts.append(unit.text)
            elif unit.kind == "bullet":
                self.warn(unit.line, "A bullet in the introduction is kept as text.")
                intro_texts.append(f"• {unit.text}")
            else:
                self._apply_label(unit)
        if not intro_texts:
            self.warn(self.nonblank[title_index][0], "The article has no introduction after its title.")
        self.result.summary = "\n\n".join(intro_texts)
        if len(groups) == 1:
            self.warn(self.nonblank[title_index][0], "The article has no sections.")

        for heading, body_units in groups[1:]:
            self._parse_section(heading, body_units)
        self._finish_article()

    def _parse_section(self, heading: _Unit, units: list[_Unit]) -> None:
        result = self.result
        labels = [unit for unit in units if unit.kind == "label"]
        bullets = [unit for unit in units if unit.kind == "bullet"]
        lead_in = ""
        for unit in units:
            if unit.kind == "bullet":
                break
            if unit.kind == "text":
                lead_in = unit.text

        if labels:
            shows = "growing_conditions"
        elif bullets and (_GARDEN_LEAD_IN_RE.search(lead_in) or _GARDEN_HEADING_RE.search(heading.text)):
            shows = "garden_uses"
        elif bullets and re.search(r"\b(?:tips|care|planting)\b", heading.text, re.IGNORECASE):
            shows = "care_tips"
        elif re.search(r"\b(?:wildlife|pollinators?)\b", heading.text, re.IGNORECASE):
            shows = "wildlife"
        else:
            shows = ""

        paragraphs: list[str] = []
        pending_bullets: list[str] = []
        for unit in units:
            if unit.kind == "label":
                self._apply_label(unit)
                continue
            if unit.kind == "bullet":
                if shows == "garden_uses":
                    result.garden_uses.append(self._garden_use(unit))
                elif shows == "care_tips":
                    result.care_tips.append(self._care_tip(unit))
                else:
                    if not pending_bullets and shows != "wildlife":
                        self.warn(unit.line, f"Bullets in section “{heading.text}” are kept in its text.")
                    pending_bullets.append(f"• {unit.text}")
                continue
            if pending_bullets:
                paragraphs.append("\n".join(pending_bullets))
                pending_bullets = []
            paragraphs.append(unit.text)
        if pending_bullets:
            paragraphs.append("\n".join(pending_bullets))
        if shows == "growing_conditions" and any(s.shows == shows for s in result.sections):
            self.warn(heading.line, "A second section with growing conditions.")
        result.sections.append(Section(heading.text, "\n\n".join(paragraphs), shows, heading.line))

    def _apply_label(self, unit: _Unit) -> None:
        result = self.result
        if unit.label in self.labels_seen:
            self.warn(unit.line, f"A second “{unit.label.capitalize()}:” line is ignored.")
            return
        self.labels_seen.add(unit.label)
        if unit.label == "climate":
            result.climate_notes = unit.text
            self._read_zones(unit.line, unit.text, required=True)
        elif unit.label == "light":
            result.light_notes = unit.text
            result.light = parse_light(unit.text)
            if not result.light:
                self.warn(unit.line, "Could not read a light level (full sun, partial shade, full shade).")
        elif unit.label == "soil":
            result.soil_notes = unit.text
        elif unit.label == "water":
            result.water_notes = unit.text
            result.water_need = _earliest(_WATER_RES, unit.text)
            if not result.water_need:
                self.warn(unit.line, "Could not tell the water need (low, medium or high).")

    def _read_zones(self, line: int, text: str, required: bool) -> bool:
        match = _ZONE_TEXT_RE.search(text)
        if not match:
            if required:
                self.warn(line, "No USDA hardiness zones (e.g. “zones 4-8”) in the climate line.")
            return False
        low, high = match.group(1).replace(" ", ""), (match.group(2) or "").replace(" ", "")
        written = f"{low}-{high}" if high else low
        try:
            span = zones.parse_range(written)
        except zones.ZoneError as error:
            raise ArticleFormatError(line, f"Invalid USDA hardiness zones “{written}”: {error}") from error
        self.result.zone_low, self.result.zone_high = span.low, span.high
        return True

    def _garden_use(self, unit: _Unit) -> GardenUseItem:
        name = _earliest(_GARDEN_USE_RES, unit.text)
        if not name:
            words = []
            for word in unit.text.split():
                bare = word.strip(",.;:!?()“”\"'")
                if not bare or bare.lower() in _USE_STOP_WORDS or len(words) == 3:
                    break
                words.append(bare[0].upper() + bare[1:])
            name = " ".join(words) or unit.text
            self.warn(unit.line, f"Garden use “{name}” is not in the vocabulary.")
        return GardenUseItem(name, unit.text)

    def _care_tip(self, unit: _Unit) -> CareTipItem:
        category = _earliest(_CARE_TIP_RES, unit.text)
        if not category:
            category = "maintenance"
            self.warn(unit.line, "Could not tell the category of this care tip; filed under maintenance.")
        return CareTipItem(category, unit.text)

    def _finish_article(self) -> None:
        result = self.result
        if result.zone_low is None:
            # No climate line, or no zones in it: take the first "zones X-Y" anywhere in the article.
            texts = [(self.nonblank[0][0], result.summary)] + [(s.line, s.body) for s in result.sections]
            for line, text in texts:
                if self._read_zones(line, text, required=False):
                    self.warn(line, "Hardiness zones taken from the article text, not a “Climate:” line.")
                    break
        if not result.light_notes:
            self.warn(self.nonblank[0][0], "The article has no “Light:” line.")
        if not result.water_notes:
            self.warn(self.nonblank[0][0], "The article has no “Water:” line.")
        self._find_wildlife()
        self._find_native_states()

    def _find_wildlife(self) -> None:
        texts = [self.result.summary] + [section.body for section in self.result.sections]
        items: list[tuple[list[str], str, str]] = []  # (words, name, resource)
        for text in texts:
            for sentence in _sentences(text):
                for match in _WILDLIFE_RE.finditer(sentence):
                    head = match.group(1).lower()
                    resource = self._nearest_resource(sentence, match.start(), match.end())
                    if WILDLIFE_HEADS[head] and not resource:
                        continue  # "pollinators" on its own says nothing the page can show
                    before = re.split(r"\s+", sentence[: match.start()].rstrip())
                    words = [head]
                    for word in reversed(before):
                        if word.lower() in _WILDLIFE_MODIFIERS and len(words) < 4:
                            words.insert(0, word.lower())
                        else:
                            break
                    name = " ".join(words)
                    name = name[0].upper() + name[1:]
                    for i, (other, other_name, other_resource) in enumerate(items):
                        if other[-len(words) :] == words or words[-len(other) :] == other:
                            longer = other_name if len(other) >= len(words) else name
                            longer_words = other if len(other) >= len(words) else words
                            items[i] = (longer_words, longer, other_resource or resource)
                            break
                    else:
                        items.append((words, name, resource))
        self.result.wildlife = [WildlifeItem(name, resource) for _, name, resource in items]

    @staticmethod
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
        while i and re.fullmatch(r"\s*(?:,|and|or|&|,\s*and)\s*", sentence[found[i - 1][1] : found[i][0]]):
            i -= 1
        return found[i][2]

    def _find_native_states(self) -> None:
        sections = self.result.sections
        structured = ("garden_uses", "growing_conditions", "care_tips", "wildlife")
        chosen = [s for s in sections if re.search(r"\b(?:range|distribution)\b", s.heading, re.IGNORECASE)]
        if not chosen:
            chosen = [
                s
                for s in sections
                if re.search(r"\bnative\b", s.heading, re.IGNORECASE) and s.shows not in structured
            ]
        if chosen:
            text = "\n".join(f"{s.heading}\n{s.body}" for s in chosen)
        else:
            text = "\n".join([self.result.summary] + [f"{s.heading}\n{s.body}" for s in sections])
        self.result.native_states = _place_codes(text)

    # -- classification and data source ---------------------------------------

    def _parse_classification(self, start: int, end: int) -> None:
        result = self.result
        lines = self.nonblank[start:end]

        def rank_of(text: str) -> str | None:
            lowered = text.lower()
            if lowered == "group":
                return "group"
            return _RANK_NAMES.get(lowered)

        i = 0
        while i < len(lines):
            number, text = lines[i]
            rank = rank_of(text)
            if rank is None:
                self.warn(number, f"“{text}” in the classification is not after a rank name; ignored.")
                i += 1
                continue
            if i + 1 >= len(lines) or rank_of(lines[i + 1][1]) is not None:
                i += 1  # an empty rank, such as "Subdivision" directly followed by "Class"
                continue
            value = lines[i + 1][1]
            i += 2
            if rank == "group":
                result.usda_group = value
                continue
            name_part, _, common = value.partition(" - ")
            scientific, authority = _split_scientific(name_part.strip())
            if any(taxon.rank == rank for taxon in result.classification):
                self.warn(number, f"Rank “{text}” appears twice in the classification; the first is kept.")
                continue
            result.classification.append(TaxonItem(rank, scientific, authority, common.strip()))
        if not result.usda_group:
            self.warn(self.nonblank[start - 1][0], "The classification has no “Group”.")

    def _add_profile_taxon(self) -> None:
        result = self.result
        scientific, authority = _split_scientific(result.scientific_name)
        rank = _infraspecific_rank(scientific)
        species = next((t for t in result.classification if t.rank == "species"), None)
        if species and not scientific.startswith(species.scientific_name):
            self.warn(
                self.nonblank[0][0],
                f"The botanical name “{scientific}” is not under the species “{species.scientific_name}”.",
            )
        if not rank or any(taxon.rank == rank for taxon in result.classification):
            return
        common = species.common_name if species else ""
        result.classification.append(TaxonItem(rank, scientific, authority, common))

    def _parse_data_source(self, line: int, text: str) -> None:
        citation = text.split(":", 1)[1].strip()
        match = re.match(r"^(?P<publisher>.+?)[\s,]+(?P<year>\d{4})\.?\s+(?P<rest>.*)$", citation)
        if not match:
            raise ArticleFormatError(line, "The data source does not start with “PUBLISHER YEAR.”.")
        publisher, year, rest = (
            match.group("publisher").strip(" ,"),
            int(match.group("year")),
            match.group("rest"),
        )
        url_match = re.search(r"https?://[^\s,;]+", rest)
        if url_match:
            url = url_match.group(0).rstrip(".")
            title = rest[: url_match.start()].strip().rstrip(".").strip()
            after = rest[url_match.end() :].lstrip(" ,.;")
        else:
            self.warn(line, "The data source has no URL.")
            url, title, after = "", "", rest
            title_match = re.match(r"^(.+?)\.\s+(.*)$", rest)
            if title_match:
                title, after = title_match.group(1).strip(), title_match.group(2)
        accessed, place = self._read_access_date(line, after)
        self.result.data_source = DataSourceItem(
            publisher=publisher,
            year=year,
            title=title,
            url=url,
            accessed=accessed,
            publisher_place=place,
            citation=citation,
        )

    @staticmethod
    def _read_access_date(line: int, text: str) -> tuple[datetime.date, str]:
        patterns = [
            (r"(\d{1,2})/(\d{1,2})/(\d{4})", lambda m: (int(m[3]), int(m[1]), int(m[2]))),
            (r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
        ]
        token = re.match(r"^(\S+?)[.,]?(?:\s+|$)", text)
        if not token or not re.search(r"\d", token.group(1)):
            raise ArticleFormatError(
                line, "The data source has no access date after the URL (expected M/D/YYYY)."
            )
        written = token.group(1)
        place = text[token.end() :].strip(" .,")
        for pattern, parts in patterns:
            match = re.fullmatch(pattern, written)
            if match:
                try:
                    return datetime.date(*parts(match)), place
                except ValueError as error:
                    raise ArticleFormatError(
                        line, f"Invalid access date “{written}” in the data source: {error}."
                    ) from error
        raise ArticleFormatError(
            line, f"Malformed access date “{written}” in the data source (expected M/D/YYYY)."
        )
