"""The data-source citation that ends an article.

::

    Plant data source: USDA, NRCS 2025. The PLANTS Database. https://plants.usda.gov,. 2/25/2025.
    National Plant Data Team, Greensboro, NC USA

(one line): publisher and year, title, URL, access date, the publisher's place.
"""

from __future__ import annotations

import datetime
import re

from .lines import Reading
from .types import ArticleFormatError, DataSourceItem

_DATA_SOURCE_RE = re.compile(r"^(?:plant\s+)?data\s+source\s*:", re.IGNORECASE)
# How an access date may be written -> (year, month, day).
_DATE_FORMATS = [
    (r"(\d{1,2})/(\d{1,2})/(\d{4})", lambda m: (int(m[3]), int(m[1]), int(m[2]))),
    (r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
]


def find_data_source(reading: Reading) -> int | None:
    """The index in `reading.nonblank` of the "Plant data source:" line, if there is one."""
    for index, (_, text) in enumerate(reading.nonblank):
        if _DATA_SOURCE_RE.match(text):
            return index
    return None


def read_data_source(reading: Reading, line: int, text: str) -> None:
    """Read the "Plant data source:" line at `line`; its text is `text`."""
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
        reading.warn(line, "The data source has no URL.")
        url, title, after = "", "", rest
        title_match = re.match(r"^(.+?)\.\s+(.*)$", rest)
        if title_match:
            title, after = title_match.group(1).strip(), title_match.group(2)
    accessed, place = _read_access_date(line, after)
    reading.result.data_source = DataSourceItem(
        publisher=publisher,
        year=year,
        title=title,
        url=url,
        accessed=accessed,
        publisher_place=place,
        citation=citation,
    )


def _read_access_date(line: int, text: str) -> tuple[datetime.date, str]:
    """The access date that starts `text`, and the publisher's place after it."""
    token = re.match(r"^(\S+?)[.,]?(?:\s+|$)", text)
    if not token or not re.search(r"\d", token.group(1)):
        raise ArticleFormatError(
            line, "The data source has no access date after the URL (expected M/D/YYYY)."
        )
    written = token.group(1)
    place = text[token.end() :].strip(" .,")
    for pattern, parts in _DATE_FORMATS:
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
