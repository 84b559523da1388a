"""The line parser: finds an article's blocks and hands each to the module that reads it.

From the bottom up: the data-source line (data_source.py), the
classification block before it (classification.py), then from the top the
header (header.py) and the article between the header and the block
(sections.py).
"""

from __future__ import annotations

from pathlib import Path

from . import classification, data_source, header, sections
from .lines import Reading, is_heading_like
from .types import ArticleFormatError, ParsedArticle


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
    reading = Reading(text)
    lines = reading.nonblank
    if not lines:
        raise ArticleFormatError(1, "The article is empty.")
    source_index = data_source.find_data_source(reading)
    heading_index, block_start = classification.find_classification(reading, source_index)
    article_end = min(i for i in (heading_index, block_start, source_index, len(lines)) if i is not None)
    repeated_name = None
    if block_start is not None and article_end > 0:
        # Articles repeat the common name as a heading just before the classification.
        number, text = lines[article_end - 1]
        if is_heading_like(text) and not sections.is_labelled_line(text):
            repeated_name = (number, text)
            article_end -= 1

    title_index = header.read_header(reading, article_end)
    sections.read_sections(reading, title_index, article_end)
    _check_common_name(reading, repeated_name)
    _read_classification(reading, heading_index, block_start, source_index, article_end)
    classification.add_profile_taxon(reading)
    _read_data_source(reading, source_index)
    return reading.result


def _check_common_name(reading: Reading, repeated: tuple[int, str] | None) -> None:
    """Without a common name line, take the repeated name or the title's start; else compare them."""
    result = reading.result
    if not result.common_name:
        if repeated:
            result.common_name = repeated[1]
        else:
            result.common_name = result.title.split(":")[0].strip()
        reading.warn(reading.first_line, f"No common name line; using “{result.common_name}”.")
    elif repeated and repeated[1].casefold() != result.common_name.casefold():
        reading.warn(
            repeated[0],
            f"The name before the classification, “{repeated[1]}”, differs from the common name "
            f"“{result.common_name}”.",
        )


def _read_classification(
    reading: Reading,
    heading_index: int | None,
    block_start: int | None,
    source_index: int | None,
    article_end: int,
) -> None:
    lines = reading.nonblank
    if block_start is None:
        reading.warn(lines[article_end - 1][0], "The article has no “Classification” block.")
        return
    if heading_index is None:
        reading.warn(lines[block_start][0], "The classification has no “Classification” heading.")
    block_end = source_index if source_index is not None and source_index > block_start else None
    classification.read_classification(reading, block_start, block_end or len(lines))


def _read_data_source(reading: Reading, source_index: int | None) -> None:
    lines = reading.nonblank
    if source_index is None:
        reading.warn(lines[-1][0], "The article has no “Plant data source:” line.")
        return
    data_source.read_data_source(reading, *lines[source_index])
    for number, text in lines[source_index + 1 :]:
        reading.warn(number, f"Text after the data source is ignored: “{text[:60]}”.")
