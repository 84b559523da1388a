"""The plant page's "where it grows" map in a real browser: drawn, named, and as wide as a phone at most."""

import io
import re

import pytest
from django.core.management import call_command

from tests.support.usda import write_subset

SIZES = ("phone", "desktop")


@pytest.fixture
def red_maple(site, tmp_path):
    call_command("import_usda", str(write_subset(tmp_path, ["ACRU"])), stdout=io.StringIO())
    return f"{site}/plants/red-maple/"


@pytest.mark.parametrize("size", SIZES)
def test_the_map_is_drawn_named_and_fits_the_page(open_page, red_maple, size):
    page = open_page(size)
    page.goto(red_maple)

    image = page.get_by_role(
        "img", name=re.compile(r"^Tile map of the U\.S\. states.*Red maple: native in 41\.")
    )
    image.scroll_into_view_if_needed()
    assert image.is_visible()
    box = image.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    assert box["width"] >= 300  # 13 columns of tiles a thumb can tell apart
    # The stylesheet paints the tiles: a native one dark green, a place with no record white.
    fill = "el => getComputedStyle(el).fill"
    assert page.locator(".place-map__tile--native rect").first.evaluate(fill) == "rgb(31, 95, 58)"
    assert page.locator(".place-map__tile--none rect").first.evaluate(fill) == "rgb(255, 255, 255)"
    assert page.get_by_text("Native in", exact=True).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert page.console_errors == []


def test_on_a_desktop_usdas_data_fills_the_main_column_beside_the_facts(open_page, red_maple):
    page = open_page("desktop")
    page.goto(red_maple)
    usda = page.get_by_role("heading", name="From USDA PLANTS").bounding_box()
    summary = page.locator(".article__title").bounding_box()
    glance = page.get_by_role("heading", name="At a glance").bounding_box()
    # Under the plant's summary, in the wide column left of "At a glance", not below the sidebar's facts.
    assert usda["x"] == summary["x"] and usda["y"] > summary["y"]
    assert usda["x"] + usda["width"] <= glance["x"]
    map_box = page.get_by_role("img", name=re.compile(r"^Tile map")).bounding_box()
    assert map_box["width"] >= 400  # wider than the sidebar could give it
