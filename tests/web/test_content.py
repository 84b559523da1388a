"""The write path (plants/content.py): every change refreshes what it made stale once, in its transaction."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plants import content, derived, plant_pages
from plants.models import ArticleSection, ContentVersion, PlantPage, PlantProfile, Taxon
from tests.support import factories
from tests.support.admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch):
    """The profile ids whose page document is built, in order."""
    built = []
    build_document = plant_pages.build_document

    def counting(profile):
        built.append(profile.pk)
        return build_document(profile)

    monkeypatch.setattr(plant_pages, "build_document", counting)
    return built


def test_loading_the_fixture_builds_each_page_once(builds):
    call_command("loaddata", "alumroot", verbosity=0)
    alumroot = PlantProfile.objects.get(usda_symbol="HEPAM2")
    assert builds == [alumroot.pk]
    assert alumroot.search_names.startswith("Littleleaf Alumroot")
    assert alumroot.family.scientific_name == "Saxifragaceae"
    assert alumroot.is_rare


def test_an_admin_save_of_one_changed_text_builds_the_page_once_in_at_most_60_queries(
    staff_client, alumroot, builds, client
):
    url = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    data = form_data(staff_client.get(url))
    data["summary"] = "A changed summary, saved by an editor."
    builds.clear()
    with CaptureQueriesContext(connection) as queries:
        response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert builds == [alumroot.pk]
    assert len(queries) <= 60, "\n".join(query["sql"][:150] for query in queries)
    assert (
        "A changed summary, saved by an editor." in client.get(alumroot.get_absolute_url()).content.decode()
    )
    alumroot.refresh_from_db()
    assert "A changed summary" in alumroot.search_text


def test_rows_saved_in_one_change_refresh_once_at_its_end(alumroot, builds):
    version = ContentVersion.objects.current()
    builds.clear()
    with content.change():
        for section in alumroot.sections.all():
            section.body = f"{section.body} Edited."
            section.save()
        alumroot.title = "Edited title"
        alumroot.save()
        assert builds == []  # nothing is refreshed before the change ends
        assert ContentVersion.objects.current() == version
    assert builds == [alumroot.pk]
    assert ContentVersion.objects.current() != version
    document = PlantPage.objects.get(profile=alumroot).document
    assert document["title"] == "Edited title"
    assert all(section["body_html"].endswith("Edited.</p>") for section in document["sections"])


def test_nested_changes_join_the_outermost(alumroot, builds):
    builds.clear()
    with content.change() as outer:
        with content.change() as inner:
            assert inner is outer
            alumroot.save()
        assert builds == []
    assert builds == [alumroot.pk]


def test_a_failed_change_leaves_nothing_half_written(alumroot, builds):
    version = ContentVersion.objects.current()
    builds.clear()
    with pytest.raises(RuntimeError), content.change():
        alumroot.title = "Never saved"
        alumroot.save()
        raise RuntimeError("the import failed half-way")
    assert builds == []
    assert ContentVersion.objects.current() == version
    assert PlantProfile.objects.get(pk=alumroot.pk).title != "Never saved"
    assert PlantPage.objects.get(profile=alumroot).document["title"] != "Never saved"


def test_a_save_outside_any_change_is_a_change_of_its_own(alumroot, builds):
    version = ContentVersion.objects.current()
    builds.clear()
    alumroot.title = "Saved from a shell"
    alumroot.save()
    assert builds == [alumroot.pk]
    assert ContentVersion.objects.current() != version


def test_a_renamed_taxon_rederives_every_plant_below_it_once(builds):
    genus = factories.genus_chain(genus="Oldname")
    plants = factories.make_plants(3, genus=genus)
    builds.clear()
    with content.change():
        genus.scientific_name = "Newname"
        genus.save()
        plants[0].title = "Also edited"
        plants[0].save()
    assert sorted(builds) == sorted(plant.pk for plant in plants)
    for plant in PlantProfile.objects.filter(pk__in=[plant.pk for plant in plants]):
        assert "Newname" in plant.search_names


def test_deleting_a_profile_in_a_change_removes_its_page_and_rebuilds_nothing(alumroot, builds):
    builds.clear()
    with content.change():
        ArticleSection.objects.filter(profile=alumroot).delete()
        alumroot.delete()
    assert builds == []
    assert not PlantPage.objects.exists()
    assert not Taxon.objects.filter(profile__isnull=False).exists()


def test_derived_refresh_stores_only_what_is_stale(alumroot):
    other = factories.plant()
    assert derived.refresh([alumroot.pk, other.pk]) == 0
    PlantProfile.objects.filter(pk=other.pk).update(search_names="stale", is_rare=True)
    assert derived.refresh([alumroot.pk, other.pk]) == 1
    other.refresh_from_db()
    assert other.common_name in other.search_names
    assert not other.is_rare


def test_publishing_in_bulk_is_one_change(staff_client, builds):
    drafts = factories.make_plants(3, status="draft")
    version = ContentVersion.objects.current()
    builds.clear()
    changelist = reverse("admin:plants_plantprofile_changelist")
    response = staff_client.post(
        changelist, {"action": "publish", "_selected_action": [plant.pk for plant in drafts]}, follow=True
    )
    assert "Published 3 plant profiles." in response.content.decode()
    assert builds == []  # pages read publication beside the document
    assert ContentVersion.objects.current() != version
    assert PlantProfile.objects.live().count() == 3


def test_an_inline_row_of_another_profile_is_refused_not_saved(staff_client, alumroot):
    other = factories.plant()
    foreign = other.sections.get()
    url = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    data = form_data(staff_client.get(url))
    data["sections-0-id"] = str(foreign.pk)
    data["sections-0-body"] = "Hijacked."
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "A row here is not one of this plant&#x27;s rows" in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.body != "Hijacked."


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's stored tsvector")
def test_the_stored_search_vector_is_the_models_expression_of_the_stored_names_and_text(alumroot):
    from django.db.models import F

    from plants.models.profile import search_vector_expression

    others = factories.make_plants(60)  # more than one row per statement
    PlantProfile.objects.update(search_names="", search_vector=None)
    assert derived.refresh(PlantProfile.objects.values_list("pk", flat=True)) == 61
    expected = search_vector_expression(F("search_names"), F("search_text"))
    for stored, computed in PlantProfile.objects.annotate(computed=expected).values_list(
        "search_vector", "computed"
    ):
        assert stored == computed and stored
    assert len(others) == 60
