"""Malformed articles: each refused or warned about at its line, with a message saying what is wrong."""

import dataclasses

import pytest

from plants.article_format import (
    ArticleFormatError,
    ArticleWarning,
    parse_article,
    parse_file,
)
from tests.support.files import ARTICLES


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("malformed-missing-symbol.txt", 11, "The header has no “USDA symbol:” line; it is required."),
        ("malformed-bad-date.txt", 129, "Invalid access date “2/30/2025” in the data source: "),
    ],
)
def test_malformed_articles(name, line, message):
    path = ARTICLES / name
    with pytest.raises(ArticleFormatError) as caught:
        parse_file(path)
    assert caught.value.line == line
    assert caught.value.message.startswith(message)
    assert str(caught.value).startswith(f"{path}:{line}: {message}")


def test_bad_zone_is_an_error_at_its_line():
    path = ARTICLES / "malformed-bad-zone.txt"
    with pytest.raises(ArticleFormatError) as caught:
        parse_file(path)
    assert caught.value.line == 53
    assert str(caught.value).startswith(f"{path}:53: Invalid USDA hardiness zones “15-20”: ")
    with pytest.raises(ArticleFormatError, match=r"^53: Invalid USDA hardiness zones “15-20”: "):
        parse_article(path.read_text(encoding="utf-8"))


def test_error_str_without_path():
    error = ArticleFormatError(7, "Something is wrong.")
    assert isinstance(error, ValueError)
    assert (error.line, error.message, str(error)) == (7, "Something is wrong.", "7: Something is wrong.")


def test_warning_is_a_value_with_its_line():
    warning = ArticleWarning(7, "Something to check: here.")
    assert (warning.line, warning.message, str(warning)) == (
        7,
        "Something to check: here.",
        "7: Something to check: here.",
    )
    assert (
        warning
        == ArticleWarning(7, "Something to check: here.")
        != ArticleWarning(8, "Something to check: here.")
    )
    assert len({warning, ArticleWarning(7, "Something to check: here.")}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        warning.line = 8


@pytest.mark.parametrize("text", ["", "\n\n", "  \u00a0 \n\t\n"])
def test_empty_article(text):
    with pytest.raises(ArticleFormatError) as caught:
        parse_article(text)
    assert str(caught.value) == "1: The article is empty."


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ArticleFormatError, match=r"empty\.txt:1: The article is empty\.$"):
        parse_file(path)


def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("North America Native Plant\n\nCafé\n".encode("latin-1"))
    with pytest.raises(ArticleFormatError, match=r"latin1\.txt:3: The file is not UTF-8 text\.$"):
        parse_file(path)


def test_missing_botanical_name_is_an_error_where_the_header_ends(seed_text):
    text = seed_text.replace("Botanical name: Heuchera parvifolia var. microcarpa\n\n", "")
    with pytest.raises(ArticleFormatError) as caught:
        parse_article(text)
    assert str(caught.value) == "11: The header has no “Botanical name:” line; it is required."


def test_header_with_no_fields_is_an_error_at_line_1():
    with pytest.raises(ArticleFormatError) as caught:
        parse_article(
            "Littleleaf Alumroot\n\nA Title\n\nSome introduction text that goes on for a while here.\n"
        )
    assert str(caught.value) == "1: The header has no “Botanical name:” line; it is required."


def test_empty_and_invalid_symbols(seed_text):
    with pytest.raises(ArticleFormatError, match=r"^7: “USDA symbol:” is empty; it is required\.$"):
        parse_article(seed_text.replace("USDA symbol: HEPAM2", "USDA symbol:"))
    with pytest.raises(ArticleFormatError, match=r"^7: “hepam 2” is not a USDA symbol"):
        parse_article(seed_text.replace("USDA symbol: HEPAM2", "USDA symbol: hepam 2"))


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("25/2/2025", "129: Invalid access date “25/2/2025” in the data source: month must be in 1..12."),
        (
            "Feb-25th-2025",
            "129: Malformed access date “Feb-25th-2025” in the data source (expected M/D/YYYY).",
        ),
        ("", "129: The data source has no access date after the URL (expected M/D/YYYY)."),
    ],
)
def test_bad_access_dates(seed_text, date, message):
    text = seed_text.replace("2/25/2025. ", f"{date}. " if date else "")
    with pytest.raises(ArticleFormatError) as caught:
        parse_article(text)
    assert str(caught.value) == message


def test_article_without_title():
    text = "North America Native Plant\n\nAlumroot\n\nBotanical name: Heuchera\n\nUSDA symbol: HEUCH\n"
    with pytest.raises(ArticleFormatError, match=r"^7: The article has no title line after the header\.$"):
        parse_article(text)
