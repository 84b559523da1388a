"""Text an editor writes is shown as text: markup and script in any field do nothing on the public page.

The browser half of this check is tests/test_browser_hostile.py.
"""

import json
import re
from html.parser import HTMLParser

import markupsafe
import pytest
from django.template import Context, Template
from django.utils.html import escape

from plants.templatetags.links import http_url
from tests.support.factories import XSS_CALL, XSS_PAYLOADS, hostile_plant

PUBLIC_PAGES = [
    "/",
    "/plants/",
    "/plants/?family=hostileaceae&use=hostile-use",
    "/plants/?q=Hostile",
    "/plants/hostile-plant/",
    "/taxa/",
    "/taxa/hostileaceae/",
    "/taxa/hostilia/",
    "/taxa/hostilia-xss/",
    "/list/?plants=XSS1",
]
# Each page's own scripts: the finder's, and the plant page's JSON-LD.
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class _Markup(HTMLParser):
    """Every element and attribute the browser would see."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def markup(html: str) -> list[tuple[str, dict]]:
    parser = _Markup()
    parser.feed(html)
    return parser.tags


def injected(html: str) -> list[str]:
    """Everything on the page that could run script, other than the site's own."""
    found = []
    for tag, attrs in markup(html):
        handlers = [name for name in attrs if name.startswith("on")]
        if handlers:
            found.append(f"<{tag}> with {handlers}")
        for name in ("href", "src", "action", "formaction", "srcset", "data"):
            if re.match(r"\s*(javascript|data|vbscript):", attrs.get(name, ""), re.I):
                found.append(f"<{tag} {name}={attrs[name]!r}>")
        if tag in ("iframe", "svg", "object", "embed", "frame", "base"):
            found.append(f"<{tag}>")
        if tag == "script" and not (
            attrs.get("type") == "application/ld+json" or attrs.get("src", "").startswith("/static/")
        ):
            found.append(f"<script {attrs}>")
        if tag == "img" and attrs.get("src") == "x":
            found.append("<img src=x>")
    return found


@pytest.fixture
def hostile(db):
    return hostile_plant()


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_payloads_are_shown_as_text(client, hostile, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert injected(html) == []
    assert XSS_CALL in html  # the payloads are on the page...
    for raw in XSS_PAYLOADS:
        assert raw not in html  # ...but never as markup


def test_plant_page_shows_each_field_escaped(client, hostile):
    html = client.get("/plants/hostile-plant/").content.decode()
    for text in [
        hostile.title,
        hostile.common_name,
        hostile.sections.get(order=1).heading,
        hostile.care_tips.get(order=1).text,
        hostile.garden_uses.get().note,
        hostile.images.get(order=2).credit,
        hostile.data_source.publisher,
        hostile.taxon.authority,
        hostile.conservation_statuses.get(scope="global").explanation,
    ]:
        # Jinja2 escapes quotes as &#34; and &#39;, Django as &quot; and &#x27;: either is text.
        assert escape(text) in html or markupsafe.escape(text) in html, text
    alt_texts = [attrs["alt"] for tag, attrs in markup(html) if tag == "img" and "alt" in attrs]
    assert [image.alt_text for image in hostile.images.all()] == [a for a in alt_texts if a.startswith("Alt")]


def test_stored_javascript_urls_are_not_links(client, hostile):
    html = client.get("/plants/hostile-plant/").content.decode()
    assert hostile.images.first().source_url.startswith("javascript:")
    hrefs = [attrs.get("href", "") for tag, attrs in markup(html) if tag == "a"]
    assert not [href for href in hrefs if "javascript" in href.lower()]
    assert ">source</a>" not in html  # the photo's source link is left out, not made harmless
    assert f"javascript:{XSS_CALL}" in html  # the citation still quotes the stored URL, as text


def test_json_ld_cannot_be_closed_from_inside(client, hostile):
    html = client.get("/plants/hostile-plant/").content.decode()
    [block] = LD_JSON.findall(html)
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    # JSON's \u003C escapes give the exact text back to a reader of the data.
    assert data["headline"] == hostile.title
    assert data["description"] == hostile.summary
    assert data["about"]["name"] == hostile.taxon.scientific_name


def test_source_link_kept_for_http_urls(client, hostile):
    image = hostile.images.first()
    image.source_url = "https://commons.wikimedia.org/wiki/File:Heuchera.jpg"
    image.save()
    html = client.get("/plants/hostile-plant/").content.decode()
    assert '<a href="https://commons.wikimedia.org/wiki/File:Heuchera.jpg" rel="nofollow">source</a>' in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("  HTTPS://example.org/ ", "HTTPS://example.org/"),
        ("javascript:alert(1)", ""),
        ("JavaScript:alert(1)", ""),
        (" javascript:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        ("java\nscript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("vbscript:msgbox(1)", ""),
        ("//evil.example/x", ""),
        ("/relative/path", ""),
        ("https:alert(1)", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_http_url_filter(url, expected):
    assert http_url(url) == expected


def test_http_url_filter_in_a_template():
    template = Template('{% load links %}<a href="{{ url|http_url }}">')
    assert template.render(Context({"url": "javascript:alert(1)"})) == '<a href="">'
    assert (
        template.render(Context({"url": 'https://x.org/"><b>'}))
        == '<a href="https://x.org/&quot;&gt;&lt;b&gt;">'
    )
