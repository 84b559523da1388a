"""The article as numbered lines, and what every part of the reader asks of one line."""

from __future__ import annotations

import re

from .types import ArticleWarning, ParsedArticle

ELLIPSIS_RE = re.compile(r"(?:\.\.\.|…)$")
HEADING_MAX_CHARS = 100
_HEADING_MAX_WORDS = 14

_SPACE_RE = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_INVISIBLE_RE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")


def normalise_text(text: str) -> str:
    """NBSP (and tabs, narrow NBSP) to spaces, runs of spaces collapsed, trailing spaces stripped.

    Works line by line on multi-line text.  Curly quotes, dashes, bullets
    and ⚘ are kept as written; zero-width characters and BOMs are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACE_RE.sub(" ", _INVISIBLE_RE.sub("", line)).rstrip() for line in text.split("\n"))
    return "\n".join(lines)


def is_heading_like(text: str) -> bool:
    """A short line with no terminal period (questions and exclamations allowed)."""
    if not text or len(text) > HEADING_MAX_CHARS or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    if text[-1] in ".,;:…" or ELLIPSIS_RE.search(text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'"


class Reading:
    """One article being read: its lines, what has been read from them so far, and the warnings.

    `nonblank` holds (line number, text) of the lines with text; the parts of
    the reader locate blocks by their index in it.
    """

    def __init__(self, text: str):
        raw = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines = [(number, normalise_text(line).strip()) for number, line in enumerate(raw, start=1)]
        self.nonblank = [(number, line) for number, line in lines if line]
        self.result = ParsedArticle()

    def warn(self, line: int, message: str) -> None:
        self.result.warnings.append(ArticleWarning(line, message))

    @property
    def first_line(self) -> int:
        """Where a warning about the whole article points: its first line with text."""
        return self.nonblank[0][0]
