"""The finder's download links in Chromium: the file a visitor gets holds the plants the page counts."""

import csv
import io
import json
import re

import pytest
from playwright.sync_api import expect

from tests.support.factories import make_plants


@pytest.fixture
def plants(site):
    make_plants(3, common_name="Ñandú sötbär", zone_min=5, zone_max=14)
    make_plants(2, common_name="Warm plant", zone_min=15, zone_max=20)
    return site


def test_the_finders_downloads_hold_the_plants_it_counts(open_page, plants):
    page = open_page("phone")
    page.goto(f"{plants}/plants/?zone=5b")
    heading = page.locator("#results-heading").inner_text()
    count = int(re.match(r"\d+", heading).group())
    assert count >= 3
    link = page.get_by_role("link", name=f"Download these {count} plants as CSV")
    expect(link).to_be_visible()
    with page.expect_download() as downloading:
        link.click()
    download = downloading.value
    assert download.suggested_filename == "native-plants.csv"
    with open(download.path(), encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(io.StringIO(file.read())))
    assert len(rows) == count
    assert sum(row["Common name"] == "Ñandú sötbär" for row in rows) == 3
    assert not any(row["Common name"] == "Warm plant" for row in rows)

    with page.expect_download() as downloading:
        page.get_by_role("link", name="…as JSON Lines").click()
    download = downloading.value
    assert download.suggested_filename == "native-plants.jsonl"
    with open(download.path(), encoding="utf-8") as file:
        records = [json.loads(line) for line in file]
    assert [record["symbol"] for record in records] == [row["USDA symbol"] for row in rows]
    assert page.console_errors == []
