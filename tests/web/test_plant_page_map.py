"""The plant page's "where it grows" map, after importing a few real plants from the shipped USDA files."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plants import content
from plants.models import PlantProfile
from tests.support.usda import write_subset

pytestmark = pytest.mark.django_db

# Red maple, native in 41 places (here also introduced in Hawaii); switchcane, native and
# introduced in the same 16; the alumroot's species and the seed's variety.
SYMBOLS = ["ACRU", "ARTE4", "HEPA11", "HEPAM2"]


def import_flora(directory, edit=None):
    call_command("import_usda", str(write_subset(directory, SYMBOLS, edit)), stdout=io.StringIO())


def red_maple_introduced_in_hawaii(stem, lines):
    if stem == "distribution":
        lines.append(b"ACRU,introduced,Hawaii\n")


def page_of(client, symbol) -> str:
    response = client.get(PlantProfile.objects.get(usda_symbol=symbol).get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def tile(page, status, title) -> bool:
    """Whether the page draws a tile of this status with this tooltip."""
    pattern = rf'<g class="place-map__tile place-map__tile--{status}" transform="translate\(\d+ \d+\)"><title>{title}</title>'
    return re.search(pattern, page) is not None


def where_it_grows(page) -> str:
    start = page.index('id="where-it-grows"')
    return page[start : page.index("</section>", start)]


def test_the_map_marks_native_introduced_and_unrecorded_places(alumroot, tmp_path, client):
    import_flora(tmp_path, red_maple_introduced_in_hawaii)
    page = page_of(client, "ACRU")
    assert tile(page, "native", "Alabama: native")
    assert tile(page, "introduced", "Hawaii: introduced")
    assert tile(page, "none", "Utah: no record")
    assert (
        len(re.findall(r'class="place-map__tile place-map__tile--\w+" transform="[^"]+"><title>', page)) == 74
    )
    # One image with a name that says what it shows, then the same in words.
    assert '<svg class="place-map__svg" role="img" aria-labelledby="place-map-title"' in page
    assert (
        '<title id="place-map-title">Tile map of the U.S. states, territories and Canadian provinces where '
        "USDA PLANTS records Red maple: native in 41, introduced in 1. The lists follow the map.</title>"
    ) in page
    lists = where_it_grows(page)
    assert "<dt>Native in</dt><dd>Alabama, Arkansas, Connecticut, Delaware, District of Columbia," in lists
    assert "<dt>Introduced in</dt><dd>Hawaii</dd>" in lists
    assert all(f"</svg> {entry}</li>" in lists for entry in ("Native", "Introduced", "No record"))
    assert "Native and introduced" not in lists


def test_places_listed_both_ways_have_their_own_tiles_legend_and_list(alumroot, tmp_path, client):
    import_flora(tmp_path)
    page = page_of(client, "ARTE4")
    assert tile(page, "both", "Alabama: native and introduced")
    assert not tile(page, "native", "Alabama: native")
    lists = where_it_grows(page)
    assert "</svg> Native and introduced</li>" in lists
    assert "<dt>Native and introduced in</dt><dd>Alabama, Arkansas, Florida, Georgia," in lists
    assert "<dt>Native in</dt>" not in lists


def test_at_a_glance_points_to_the_map_instead_of_listing_the_places_again(alumroot, tmp_path, client):
    import_flora(tmp_path)
    page = page_of(client, "ACRU")
    glance = page[page.index('id="facts-heading"') : page.index('id="grows-here-heading"')]
    assert (
        "<dt>Native range</dt><dd>Alabama, Arkansas, Connecticut and 38 other places "
        '(<a href="#where-it-grows">map and list</a>)</dd>'
    ) in glance
    assert page.count("District of Columbia") == 2  # the list beside the map, and its tile's title


def test_the_alumroots_editors_range_is_not_repeated_either(alumroot, tmp_path, client):
    import_flora(tmp_path)
    page = page_of(client, "HEPAM2")
    assert '<dd>Colorado and New Mexico (<a href="#where-it-grows">map and list</a>)</dd>' in page
    assert "<dt>Native in</dt><dd>Colorado, New Mexico</dd>" in where_it_grows(page)
    assert tile(page, "native", "Colorado: native")


def test_an_editors_range_unlike_usdas_stays_at_a_glance(alumroot, tmp_path, client):
    import_flora(tmp_path)
    with content.change():
        alumroot.native_ranges.get(state="NM").delete()
    page = page_of(client, "HEPAM2")
    assert "<dt>Native range</dt><dd>Colorado</dd>" in page
    assert "<dt>Native in</dt><dd>Colorado, New Mexico</dd>" in where_it_grows(page)


def test_no_map_before_any_import(alumroot, client):
    page = page_of(client, "HEPAM2")
    assert "place-map" not in page and 'id="where-it-grows"' not in page
    assert "<dt>Native range</dt><dd>Colorado, New Mexico</dd>" in page  # what is known: the editor's range


def test_a_usda_record_without_places_says_so(alumroot, tmp_path, client):
    def without_the_alumroots_places(stem, lines):
        if stem == "distribution":
            lines[:] = [line for line in lines if not line.startswith(b"HEPAM2,")]

    import_flora(tmp_path, without_the_alumroots_places)
    page = page_of(client, "HEPAM2")
    assert "USDA PLANTS records no distribution for this plant." in where_it_grows(page)
    assert "place-map" not in page
    assert "<dt>Native range</dt><dd>Colorado, New Mexico</dd>" in page


def test_the_page_with_its_map_is_still_one_query(alumroot, tmp_path, client, settings):
    settings.CACHE_SECONDS = 0  # else the page cache reads the content version too
    import_flora(tmp_path, red_maple_introduced_in_hawaii)
    url = PlantProfile.objects.get(usda_symbol="ACRU").get_absolute_url()
    client.get(url)  # the document is built when the import commits; this only warms the process
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert 'id="place-map-title"' in response.content.decode()
    assert len(queries) == 1
