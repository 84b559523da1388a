"""`dumpdata --natural-foreign --natural-primary` round-trips: dump, flush, load, same site."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from plants.models import PlantProfile, Taxon
from tests import dumps

ARTICLES = Path(__file__).resolve().parent / "articles"
OTHER_ARTICLES = ["saskatoon-serviceberry.txt", "eastern-redbud.txt", "oconee-bells.txt"]
_CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"|csrftoken=[^;"\s]*')


def page_urls() -> list[str]:
    urls = ["/", "/plants/", "/taxa/"]
    for profile in PlantProfile.objects.published().order_by("usda_symbol"):
        urls.append(profile.get_absolute_url())
        urls.extend(taxon.get_absolute_url() for taxon in profile.taxon.lineage())
    return list(dict.fromkeys(urls))


def stored_timestamps() -> dict:
    rows = PlantProfile.objects.values_list("usda_symbol", "created_at", "updated_at", "published_at")
    return {symbol: times for symbol, *times in rows}


def render(urls: list[str]) -> dict[str, bytes]:
    client = Client()
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = _CSRF_RE.sub(b"CSRF", response.content)
    return pages


@pytest.mark.django_db(transaction=True)
def test_dump_flush_load_renders_every_page_the_same(tmp_path):
    # The fixture's article, and three more imported and published with the importer.
    call_command("loaddata", "alumroot", verbosity=0)
    call_command(
        "import_article", *(str(ARTICLES / name) for name in OTHER_ARTICLES), publish=True, verbosity=0
    )
    assert PlantProfile.objects.published().count() == 4

    urls = page_urls()
    assert len(urls) > 20
    before = render(urls)
    stamps = stored_timestamps()
    records = dumps.dumpdata("plants")
    path = tmp_path / "plants.json"
    call_command("dumpdata", "plants", natural_foreign=True, natural_primary=True, output=str(path))

    call_command("flush", interactive=False, verbosity=0)
    assert not Taxon.objects.exists() and not PlantProfile.objects.exists()
    call_command("loaddata", str(path), verbosity=0)

    # Same rows (by natural key, every field) and the same pages.
    diff = dumps.differences(dumps.by_key(records), dumps.by_key(dumps.dumpdata("plants")), ("dump", "load"))
    assert not diff, "\n".join(diff)
    # Times to the microsecond: pages may show them (e.g. as dateModified).
    assert stored_timestamps() == stamps
    after = render(urls)
    changed = [url for url in urls if before[url] != after[url]]
    assert not changed, f"pages that render differently after the round trip: {changed}"

    # Loading the dump again changes nothing: every row has a natural key.
    call_command("loaddata", str(path), verbosity=0)
    assert not dumps.differences(dumps.by_key(records), dumps.by_key(dumps.dumpdata("plants")))


@pytest.mark.django_db
def test_json_dumps_keep_microseconds(alumroot):
    stamp = datetime.datetime(2025, 3, 1, 12, 30, 45, 123456, tzinfo=datetime.UTC)
    PlantProfile.objects.filter(pk=alumroot.pk).update(updated_at=stamp)
    [record] = dumps.dumpdata("plants.plantprofile")
    assert record["fields"]["updated_at"] == "2025-03-01T12:30:45.123456Z"
    assert record["fields"]["created_at"] == "2025-02-25T00:00:00Z"  # as the fixture writes it
