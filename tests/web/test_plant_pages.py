"""Plant page documents (plants/plant_pages.py): one query per page, and never behind an edit."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from plants import plant_pages
from plants.models import (
    CareTip,
    ConservationStatus,
    DataSource,
    GardenUse,
    NativeRange,
    PlantPage,
    PlantProfile,
    Wildlife,
    WildlifeSupport,
)
from tests.support import factories

pytestmark = pytest.mark.django_db


def page_text(client, profile) -> str:
    response = client.get(profile.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_saved_profile_has_its_document_and_its_page_is_one_query(client, alumroot, settings):
    settings.CACHE_SECONDS = 0  # else the page cache reads the content version too
    stored = PlantPage.objects.get(profile=alumroot).document
    assert stored["version"] == plant_pages.DOCUMENT_VERSION
    assert stored["common_name"] == "Littleleaf Alumroot"
    assert [node["scientific_name"] for node in stored["lineage"]][
        -1
    ] == "Heuchera parvifolia var. microcarpa"
    with CaptureQueriesContext(connection) as queries:
        page_text(client, alumroot)
    assert len(queries) == 1


def test_the_document_is_what_the_profile_says(alumroot):
    profile = PlantProfile.objects.for_page().get(pk=alumroot.pk)
    document = plant_pages.build_document(profile)
    assert document["zone_range"] == "4–8"
    assert [cell["number"] for cell in document["zone_scale"] if cell["in_range"]] == [4, 5, 6, 7, 8]
    assert document["native_ranges"] == ["Colorado", "New Mexico"]
    ranks = set(alumroot.conservation_statuses.values_list("rank", flat=True))
    assert {status["rank"] for status in document["conservation_statuses"]} == ranks
    assert json.loads(json.dumps(document)) == document  # plain JSON, nothing lost on the way in


def test_the_document_is_stored_as_written_not_reparsed(alumroot):
    """JSON text kept as it was built (PostgreSQL's json, not jsonb, which reorders keys and reformats)."""
    profile = PlantProfile.objects.for_page().get(pk=alumroot.pk)
    built = plant_pages.build_document(profile)
    stored = PlantPage.objects.get(profile=alumroot).document
    assert list(stored) == list(built)  # jsonb would have sorted the keys by length
    assert list(stored["taxon"]) == list(built["taxon"])
    page = plant_pages.page_for(alumroot.slug)
    assert list(page.document) == list(built) and page.document["common_name"] == "Littleleaf Alumroot"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's column type")
def test_on_postgresql_documents_are_a_json_column():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_name = %s AND column_name = 'document'",
            [PlantPage._meta.db_table],
        )
        assert cursor.fetchone() == ("json",)


def test_the_documents_article_text_is_escaped_html_with_its_paragraphs(alumroot):
    alumroot.summary = "Tiny <b>bells</b> & mats.\n\nSecond paragraph,\nsame one."
    alumroot.save()
    document = PlantPage.objects.get(profile=alumroot).document
    assert document["summary_html"] == (
        "<p>Tiny &lt;b&gt;bells&lt;/b&gt; &amp; mats.</p>\n\n<p>Second paragraph,<br>same one.</p>"
    )
    section = alumroot.sections.order_by("order").first()
    section.body = "Plant in spring.\n\nWater <em>once</em>."
    section.save()
    body_html = PlantPage.objects.get(profile=alumroot).document["sections"][0]["body_html"]
    assert body_html == "<p>Plant in spring.</p>\n\n<p>Water &lt;em&gt;once&lt;/em&gt;.</p>"


@pytest.mark.parametrize(
    "edit, shown",
    [
        (lambda p: _save_first(p.sections), "Edited section body."),
        (lambda p: CareTip.objects.create(profile=p, order=99, category="planting", text="Edited tip."), "Edited tip."),
        (lambda p: NativeRange.objects.create(profile=p, state="UT"), "Utah"),
        (lambda p: _reslug(GardenUse.objects.get(slug="rock-garden")), "?use=edited-rockery"),
        (lambda p: _rename(Wildlife.objects.filter(supported_by__profile=p).first(), "Edited bees"), "Edited bees"),
        (lambda p: _rename(p.taxon.parent.parent, "Editedgenus"), "Editedgenus"),
        (lambda p: _retitle(p.data_source), "Edited source title"),
        (lambda p: _retitle_profile(p), "Edited headline"),
    ],
    ids=["section", "care tip", "native range", "garden use name", "wildlife name", "genus name",
         "data source", "profile"],
)  # fmt: skip
@pytest.mark.parametrize("rebuild", ["at once", "on the next visit"])
def test_every_kind_of_edit_shows_on_the_next_visit(client, alumroot, edit, shown, rebuild, monkeypatch):
    if rebuild == "on the next visit":  # as if the edited row were shared by more plants than the limit
        monkeypatch.setattr(plant_pages, "EAGER_REBUILD_LIMIT", 0)
    page_text(client, alumroot)
    edit(alumroot)
    assert shown in page_text(client, alumroot)


def _save_first(sections):
    section = sections.order_by("order").first()
    section.body = "Edited section body."
    section.save()


def _rename(obj, name):
    if hasattr(obj, "scientific_name"):
        obj.scientific_name = name
    else:
        obj.name = name
    obj.save()


def _reslug(use: GardenUse):
    use.slug = "edited-rockery"  # the link to the finder; the page shows this plant's own note
    use.save()


def _retitle(source: DataSource):
    source.title = "Edited source title"
    source.save()


def _retitle_profile(profile):
    profile.title = "Edited headline"
    profile.save()


def _source_shared_by(count: int) -> DataSource:
    source = DataSource.objects.create(
        key="shared", publisher="Test", year=2025, title="Shared source",
        url="https://example.org/shared", accessed=datetime.date(2025, 2, 25),
    )  # fmt: skip
    for profile in factories.make_plants(count):
        profile.data_source = source
        profile.save()
    return source


@pytest.mark.parametrize("count", [3, 9])
def test_a_save_shared_by_more_plants_than_the_limit_drops_their_documents_in_constant_queries(
    client, settings, monkeypatch, count
):
    settings.CACHE_SECONDS = 0
    monkeypatch.setattr(plant_pages, "EAGER_REBUILD_LIMIT", 2)
    source = _source_shared_by(count)
    citing = list(PlantProfile.objects.filter(data_source=source))
    bystander = factories.plant()
    assert PlantPage.objects.filter(profile__in=citing).count() == count

    source.title = "Renamed shared source"
    with CaptureQueriesContext(connection) as queries:
        source.save()
    # The save, the count, the delete, the content version and its finder log entry: the same at any count.
    assert len(queries) == 5, [query["sql"] for query in queries]
    assert not PlantPage.objects.filter(profile__in=citing).exists()
    assert PlantPage.objects.filter(profile=bystander).exists()  # pages not citing it are kept

    for profile in citing:
        assert "Renamed shared source" in page_text(client, profile)
    assert PlantPage.objects.filter(profile__in=citing).count() == count
    with CaptureQueriesContext(connection) as queries:  # built once, then one query again
        page_text(client, citing[0])
    assert len(queries) == 1


def test_a_save_shared_by_few_plants_rebuilds_their_documents_at_once(monkeypatch):
    monkeypatch.setattr(plant_pages, "EAGER_REBUILD_LIMIT", 5)
    source = _source_shared_by(3)
    source.title = "Renamed shared source"
    source.save()
    documents = PlantPage.objects.filter(profile__data_source=source).values_list("document", flat=True)
    assert len(documents) == 3
    assert all("Renamed shared source" in doc["source_citation"] for doc in documents)


def test_deleted_rows_leave_the_page(client, alumroot):
    status = ConservationStatus.objects.filter(profile=alumroot, rank="S5T1T3Q").get()
    support = WildlifeSupport.objects.filter(profile=alumroot).first()
    name = support.wildlife.name
    assert "S5T1T3Q" in page_text(client, alumroot) and name in page_text(client, alumroot)
    status.delete()
    support.delete()
    page = page_text(client, alumroot)
    assert "S5T1T3Q" not in page and name not in page


def test_publishing_dates_come_from_the_profile_not_the_document(client, alumroot):
    # The admin's publish action uses update(), which sends no signal: the page still shows the new dates.
    PlantProfile.objects.filter(pk=alumroot.pk).update(updated_at="2030-01-02T03:04:05Z")
    assert '"dateModified": "2030-01-02T03:04:05+00:00"' in page_text(client, alumroot)


def test_a_profile_without_a_document_gets_one_on_its_first_visit(client, alumroot):
    PlantPage.objects.filter(profile=alumroot).delete()
    assert "Littleleaf Alumroot" in page_text(client, alumroot)
    assert PlantPage.objects.filter(profile=alumroot).exists()


def test_a_document_of_an_older_version_is_rebuilt(client, alumroot):
    page = PlantPage.objects.get(profile=alumroot)
    page.document = {"version": plant_pages.DOCUMENT_VERSION - 1, "common_name": "Stale"}
    page.save()
    assert "<h1>Littleleaf Alumroot</h1>" in page_text(client, alumroot)
    assert PlantPage.objects.get(profile=alumroot).document["version"] == plant_pages.DOCUMENT_VERSION


def test_drafts_have_documents_but_only_staff_see_them(staff_client, alumroot):
    alumroot.status = "draft"
    alumroot.save()
    assert PlantPage.objects.filter(profile=alumroot).exists()
    assert Client().get(alumroot.get_absolute_url()).status_code == 404
    preview = staff_client.get(alumroot.get_absolute_url())
    assert preview.status_code == 200 and "Preview:" in preview.content.decode()


def test_deleting_a_profile_deletes_its_document(alumroot):
    other = factories.plant(uses=("meadow",), rank_code="G2")
    assert PlantPage.objects.filter(profile=other).exists()
    other.delete()
    assert not PlantPage.objects.filter(profile_id=other.pk).exists()
    assert PlantPage.objects.filter(profile=alumroot).exists()


def test_rebuild_plant_pages_command_rebuilds_every_document(alumroot):
    factories.make_plants(3)
    PlantPage.objects.all().delete()
    call_command("rebuild_plant_pages", verbosity=0)
    assert PlantPage.objects.count() == PlantProfile.objects.count() == 4


def test_backups_leave_documents_out_and_a_restore_builds_them_again(client, alumroot):
    from tests.support.dumps import dumpdata

    dump = dumpdata("plants")
    assert not [record for record in dump if record["model"] == "plants.plantpage"]
    html = page_text(client, alumroot)
    PlantProfile.objects.all().delete()
    assert not PlantPage.objects.exists()
    call_command("loaddata", "alumroot", verbosity=0)
    assert page_text(client, PlantProfile.objects.get()) == html
