"""Backups round-trip: dump, flush (an empty, migrated database), load, and every page is the same.

The full-site test uses the exact `dumpdata` command the README gives under "Backup and restore".
"""

import datetime
import re

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from django.test import Client

from plants.models import PlantImage, PlantProfile, Taxon
from tests.support import dumps
from tests.support.files import ARTICLES
from tests.support.images import jpeg_with_exif

OTHER_ARTICLES = ["saskatoon-serviceberry.txt", "eastern-redbud.txt", "oconee-bells.txt"]
_CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"|csrftoken=[^;"\s]*')


# The README's backup command, as call_command arguments.
BACKUP_OPTIONS = {
    "natural_foreign": True,
    "natural_primary": True,
    "exclude": ["contenttypes", "auth.permission", "admin.logentry", "sessions"],
}


def page_urls() -> list[str]:
    urls = ["/", "/plants/", "/plants/?zone=5&light=full_sun", "/taxa/", "/sitemap.xml", "/robots.txt"]
    for profile in PlantProfile.objects.live().order_by("usda_symbol"):
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


@pytest.fixture
def site_content(settings, tmp_path):
    """Four published articles, one with two photos; pages rendered fresh on every request."""
    settings.CACHE_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"
    # The fixture's article, and three more imported and published with the importer.
    call_command("loaddata", "alumroot", verbosity=0)
    call_command(
        "import_article", *(str(ARTICLES / name) for name in OTHER_ARTICLES), publish=True, verbosity=0
    )
    assert PlantProfile.objects.live().count() == 4
    profile = PlantProfile.objects.get(usda_symbol="HEPAM2")
    for order in (1, 2):
        image = PlantImage(profile=profile, order=order, alt_text=f"Photo {order}", credit="A. Botanist",
                           licence="CC-BY-4.0", source_url="https://example.org/photo")  # fmt: skip
        image.process(jpeg_with_exif(900, 600))
        image.save()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_dump_flush_load_renders_every_page_the_same(tmp_path, site_content):
    urls = page_urls()
    assert len(urls) > 20
    before = render(urls)
    assert b'alt="Photo 1"' in before["/plants/littleleaf-alumroot/"]
    stamps = stored_timestamps()
    records = dumps.dumpdata("plants")
    path = tmp_path / "plants.json"
    call_command("dumpdata", "plants", natural_foreign=True, natural_primary=True, output=str(path))

    call_command("flush", interactive=False, verbosity=0)
    assert not Taxon.objects.exists() and not PlantProfile.objects.exists()
    assert not PlantImage.objects.exists()
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


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_full_site_backup_restores_content_accounts_and_pages(tmp_path, site_content, django_user_model):
    call_command("setup_editors", verbosity=0)
    django_user_model.objects.create_user("editor", password="a-long-password-1")
    call_command("setup_editors", user=["editor"], verbosity=0)
    urls = page_urls()
    before = render(urls)
    records = dumps.dumpdata("plants")
    path = tmp_path / "backup.json"
    call_command("dumpdata", output=str(path), **BACKUP_OPTIONS)

    call_command("flush", interactive=False, verbosity=0)
    assert not django_user_model.objects.exists()
    call_command("loaddata", str(path), verbosity=0)

    assert not dumps.differences(dumps.by_key(records), dumps.by_key(dumps.dumpdata("plants")))
    after = render(urls)
    assert [url for url in urls if before[url] != after[url]] == []
    # The editor can sign in and edit, with the Editors group's permissions.
    restored = django_user_model.objects.get(username="editor")
    assert restored.is_staff and restored.groups.filter(name="Editors").exists()
    assert restored.has_perm("plants.change_plantprofile")
    client = Client()
    assert client.login(request=HttpRequest(), username="editor", password="a-long-password-1")
    profile = PlantProfile.objects.get(usda_symbol="HEPAM2")
    assert client.get(f"/admin/plants/plantprofile/{profile.pk}/change/").status_code == 200
