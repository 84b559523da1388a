"""The plants of a list's address: USDA symbols, checked, each once, at most MAX_PLANTS."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plants.usda_symbols import is_usda_symbol

MAX_PLANTS = 200
# The longest list's text: 200 symbols of 8 characters and their commas, with
# room for spaces and repeats.  Longer text is refused before it is read.
MAX_TEXT = 4000
# Dropped symbols a note names before it counts the rest.
NAMED = 10
# Shown of a piece of text that is not a symbol, so a note stays short.
SHOWN_CHARACTERS = 20
_SEPARATORS = re.compile(r"[\s,;]+")


class ListTooLong(ValueError):
    """An address too long to be a list of at most MAX_PLANTS plants."""


@dataclass(frozen=True)
class Requested:
    """What an address asks for: the symbols to look up, and what was dropped from it."""

    symbols: tuple[str, ...]
    not_symbols: tuple[str, ...] = ()
    repeated: tuple[str, ...] = ()
    over_limit: int = 0  # symbols past the first MAX_PLANTS


def parse(text: str, remove: str = "") -> Requested:
    """The symbols of a list's text ("HEPAM2,astu"), in order, each once, upper-cased; ListTooLong if too long.

    `remove` names symbols to leave out (a "Remove" link's): a link of its own
    per plant would repeat the whole list in each, a page's size growing with
    the square of the list's."""
    text = text or ""
    if len(text) + len(remove or "") > MAX_TEXT:
        raise ListTooLong(
            f"This list's address is too long: a list holds up to {MAX_PLANTS} plants, "
            "given by their USDA symbols separated by commas (/list/?plants=HEPAM2,ASTU)."
        )
    symbols, not_symbols, repeated = [], [], []
    seen = {token.upper() for token in _SEPARATORS.split(remove or "")}
    for token in _SEPARATORS.split(text.strip()):
        if not token:
            continue
        symbol = token.upper()
        if not is_usda_symbol(symbol):
            not_symbols.append(token)
        elif symbol in seen:
            repeated.append(symbol)
        else:
            seen.add(symbol)
            symbols.append(symbol)
    return Requested(
        symbols=tuple(symbols[:MAX_PLANTS]),
        not_symbols=tuple(dict.fromkeys(not_symbols)),
        repeated=tuple(dict.fromkeys(repeated)),
        over_limit=max(0, len(symbols) - MAX_PLANTS),
    )


def _named(words) -> str:
    words = list(words)
    shown = ", ".join(words[:NAMED])
    return shown if len(words) <= NAMED else f"{shown} and {len(words) - NAMED} more"


def _quoted(token: str) -> str:
    shown = token if len(token) <= SHOWN_CHARACTERS else token[:SHOWN_CHARACTERS] + "…"
    return f"“{shown}”"


def notes(requested: Requested, unknown=()) -> list[str]:
    """What the list page says it left out: text that is no symbol, repeats, unknown symbols, the limit."""
    said = []
    if requested.not_symbols:
        said.append(
            f"Left out, not USDA symbols: {_named(map(_quoted, requested.not_symbols))}. "
            "A USDA symbol is 2 to 8 capital letters and digits starting with a letter, such as HEPAM2."
        )
    if requested.repeated:
        said.append(f"Listed more than once, kept once: {_named(requested.repeated)}.")
    if unknown:
        said.append(f"Left out, no plant on this site has the symbol: {_named(unknown)}.")
    if requested.over_limit:
        plants = "plant was" if requested.over_limit == 1 else "plants were"
        said.append(
            f"A list holds up to {MAX_PLANTS} plants: the last {requested.over_limit} {plants} left out."
        )
    return said


def query(symbols) -> str:
    """The list's query string: "plants=HEPAM2,ASTU" (symbols need no escaping)."""
    return "plants=" + ",".join(symbols)
