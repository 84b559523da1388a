"""Editors' text read back out of the page document's HTML, exactly."""

import re

from django.utils.html import linebreaks
from hypothesis import given
from hypothesis import strategies as st

from plants.api.text import from_linebreaks
from tests.support.factories import ALL_PAYLOADS


def normalised(text: str) -> str:
    """What linebreaks keeps of a text: its line ends as \\n, and a run of blank lines as one."""
    return "\n\n".join(re.split(r"\n{2,}", re.sub(r"\r\n|\r", "\n", text)))


def test_paragraphs_and_line_breaks_come_back():
    assert from_linebreaks(linebreaks("One\ntwo\n\nThree", autoescape=True)) == "One\ntwo\n\nThree"


def test_markup_the_editor_typed_comes_back_as_text():
    text = f"{ALL_PAYLOADS}\n\n<br> &amp; <p>not a paragraph</p>"
    assert from_linebreaks(linebreaks(text, autoescape=True)) == text


def test_empty():
    assert from_linebreaks("") == ""
    assert from_linebreaks(linebreaks("", autoescape=True)) == ""


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_round_trips(text):
    assert from_linebreaks(linebreaks(text, autoescape=True)) == normalised(text)
