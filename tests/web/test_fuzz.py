"""Random query strings, slugs, page numbers and search text never make a public page fail (no 5xx).

Property-based (hypothesis): 1,800 requests in all, derandomized
so that CI runs the same examples every time.  The page cache is off so each
request reaches the view.
"""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plants.filters import PlantFilter

pytestmark = pytest.mark.slow  # hypothesis runs each of these hundreds of times


def fuzz(examples: int):
    """Hypothesis settings: repeatable, no example database, sized to keep the file under ~90 s."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


FINDER_PARAMS = [*PlantFilter.base_filters, "page"]
PAGES = [
    "/",
    "/plants/",
    "/plants/littleleaf-alumroot/",
    "/taxa/",
    "/taxa/heuchera/",
    "/sitemap.xml",
    "/robots.txt",
    "/list/",
    "/list/plants.csv",
    "/list/plants.json",
]
LIST_PARAMS = ["plants", "remove", "zip", "state"]

# Any text a URL can carry: every Unicode character except lone surrogates, which no
# encoding can send.  NUL and other control characters included.
any_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
long_text = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(100, 3000))
numbers = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["0", "-1", "1", "2", "last", "first", "1.5", "1e9", "NaN", "inf", "0x10", " 1", "١"]),
)
real_values = st.sampled_from(
    ["5", "5b", "13b", "0", "14", "full_sun", "rock-garden", "xeriscape", "forb", "perennial", "CO",
     "saxifragaceae", "true", "false", "on", "name", "botanical", "hardiest", "heuchera", "HEPAM2",
     "80302", "99501", "00000", "00802", "88888", "1234x", "80302-1234", "GU", "NF", "summer",
     "late-spring", "yellow", "over-40-ft", "coarse", "low", "HEPAM2,TP1", "hepam2,,HEPAM2;TP1 TP2"]
)  # fmt: skip
values = st.one_of(real_values, numbers, any_text, long_text, st.just(""))
pairs = st.lists(st.tuples(st.one_of(st.sampled_from(FINDER_PARAMS), any_text), values), max_size=12)
# Query strings no browser would send: stray %, invalid UTF-8 escapes, bare keys.
raw_query = st.text(st.sampled_from("%&=+;?#abcz0159/FfZ\\ü\x00 "), max_size=60)


def query_string(items) -> str:
    return urlencode(items, encoding="utf-8", errors="strict")


@pytest.fixture
def site(settings, alumroot, make_plants):
    settings.CACHE_SECONDS = 0
    make_plants(25, uses=("rock-garden",))  # two finder pages of results


def get(client, url):
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code)
    return response


@fuzz(250)
@given(items=pairs)
def test_finder_query_strings(client, site, items):
    get(client, f"/plants/?{query_string(items)}")


@fuzz(400)
@given(path=st.sampled_from(PAGES), items=st.one_of(pairs.map(query_string), raw_query))
def test_every_page_with_any_query(client, site, path, items):
    get(client, f"{path}?{items}")


symbol_lists = st.lists(
    st.one_of(
        st.sampled_from(["HEPAM2", "TP1", "TP25", "tp3", "NOPE1"]),
        st.from_regex(r"[A-Z][A-Z0-9]{1,7}", fullmatch=True),
        any_text,
    ),
    max_size=300,
).map(",".join)


@fuzz(150)
@given(
    path=st.sampled_from(["/list/", "/list/plants.csv", "/list/plants.json"]),
    items=st.lists(
        st.tuples(st.one_of(st.sampled_from(LIST_PARAMS), any_text), st.one_of(symbol_lists, values)),
        max_size=6,
    ),
)
def test_plant_list_query_strings(client, site, path, items):
    get(client, f"{path}?{query_string(items)}")


@fuzz(400)
@given(
    kind=st.sampled_from(["plants", "taxa"]),
    slug=st.one_of(any_text, long_text, st.from_regex(r"[-\w]+", fullmatch=True)),
)
def test_slugs(client, site, kind, slug):
    get(client, f"/{kind}/{quote(slug, safe='')}/")


@fuzz(400)
@given(
    path=st.sampled_from(
        ["/plants/", "/plants/?zone=5&page=", "/sitemap.xml", "/sitemap.xml?section=plants"]
    ),
    page=numbers,
)
def test_page_numbers(client, site, path, page):
    separator = "&" if "?" in path else "?"
    name = "p" if path.startswith("/sitemap") else "page"
    url = path + page if path.endswith("=") else f"{path}{separator}{name}={quote(page)}"
    get(client, url)


@fuzz(200)
@given(
    q=st.one_of(
        any_text,
        long_text,
        st.lists(
            st.sampled_from(
                [
                    '"',
                    "-",
                    "or",
                    "OR",
                    "&",
                    "|",
                    "!",
                    ":*",
                    "(",
                    ")",
                    "\\",
                    "'",
                    "heuchera",
                    "alum",
                    "*",
                    "%",
                    "_",
                ]
            ),
            max_size=20,
        ).map(" ".join),
    )
)
def test_search_queries(client, site, q):
    get(client, f"/plants/?{query_string([('q', q)])}")
