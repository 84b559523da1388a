"""Editors' text back out of the page document's HTML, as plain text.

The page document stores an article's prose as Django's `linebreaks` made it
from the editor's text: escaped, paragraphs in <p>, single line breaks as
<br>.  Every < of the editor's own is escaped there, so the only tags are
linebreaks' own and the reverse is exact (line ends come back as \\n).
"""

import html
import re

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def from_linebreaks(markup: str) -> str:
    """The text that `linebreaks(text, autoescape=True)` turned into `markup`."""
    paragraphs = _PARAGRAPH.findall(markup or "")
    return "\n\n".join(html.unescape(paragraph.replace("<br>", "\n")) for paragraph in paragraphs)
