"""Read a plant article in the site's plain-text exchange format.

The format is the text of a North America Native Plant page as exported: a
site header, the common name, ``Field: value`` header lines, a teaser, an
optional conservation block, the article itself (title, intro, headed
sections with bullet lists and ``Climate:``/``Light:``/``Soil:``/``Water:``
lines), a USDA classification block and a data-source citation.  See
``tests/support/articles/littleleaf-alumroot.txt`` for the reference article.

`parse_article` turns the text into plain dataclasses (types.py) that an
importer can map onto the models.  It needs no Django: besides the standard
library it reads only plain modules of the project (plants.vocabulary,
plants.usda_symbols, plants.natureserve, plants.regions, plants.zones).
Problems that would store wrong data raise `ArticleFormatError` carrying the
1-based line number; anything the parser can carry on past is reported in
`ParsedArticle.warnings` as an `ArticleWarning` with its line number.

Each paragraph, bullet and heading is one line; lines are separated by blank
lines (bullets of one list may follow each other directly).

The modules: parser.py finds the blocks and reads them in order with
header.py (and statuses.py for native and conservation status),
sections.py, classification.py and data_source.py; prose.py picks terms out
of the prose; lines.py holds the numbered lines being read.
"""

from .lines import normalise_text
from .parser import parse_article, parse_file
from .prose import parse_light
from .types import (
    ArticleFormatError,
    ArticleWarning,
    CareTipItem,
    ConservationItem,
    DataSourceItem,
    GardenUseItem,
    ParsedArticle,
    Section,
    TaxonItem,
    WildlifeItem,
)

__all__ = [
    "ArticleFormatError",
    "ArticleWarning",
    "CareTipItem",
    "ConservationItem",
    "DataSourceItem",
    "GardenUseItem",
    "ParsedArticle",
    "Section",
    "TaxonItem",
    "WildlifeItem",
    "normalise_text",
    "parse_article",
    "parse_file",
    "parse_light",
]
