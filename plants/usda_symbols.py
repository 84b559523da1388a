"""What a USDA PLANTS symbol looks like (HEPAM2), said once for the model's validator and the article parser."""

import re

# A string, not a compiled pattern: the model's validator is written into migrations as it is given.
PATTERN = r"^[A-Z][A-Z0-9]{1,7}$"

# Completes "A USDA symbol is ..." and "“X” is not a USDA symbol: ...".
RULE = "2 to 8 capital letters and digits starting with a letter, such as HEPAM2"

_SYMBOL_RE = re.compile(PATTERN)


def is_usda_symbol(text: str) -> bool:
    # search(), as Django's RegexValidator does, so the parser and the model accept the same text.
    return _SYMBOL_RE.search(text) is not None
