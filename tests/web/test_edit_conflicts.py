"""Two editors on one profile: the later save is refused instead of silently overwriting the first."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from plants.models import PlantProfile, Taxon
from tests.support.admin_forms import form_data

CONFLICT = "saved this plant at"


def editor(django_user_model, name):
    client = Client()
    client.force_login(
        django_user_model.objects.create_superuser(name, f"{name}@example.org", "pw-123456789")
    )
    return client


@pytest.fixture
def alice(django_user_model):
    return editor(django_user_model, "alice")


@pytest.fixture
def bob(django_user_model):
    return editor(django_user_model, "bob")


@pytest.fixture
def url(alumroot):
    return reverse("admin:plants_plantprofile_change", args=[alumroot.pk])


def test_second_save_is_refused_and_the_first_kept(alice, bob, alumroot, url):
    tips = alumroot.care_tips.count()
    alice_form, bob_form = form_data(alice.get(url)), form_data(bob.get(url))
    assert alice_form["loaded_updated_at"] == alumroot.updated_at.isoformat()

    alice_form["title"] = "Alice's title"
    assert alice.post(url, alice_form).status_code == 302

    bob_form["title"] = "Bob's title"
    bob_form["sections-0-heading"] = "Bob's heading"
    bob_form["care_tips-0-DELETE"] = "on"
    response = bob.post(url, bob_form)
    assert response.status_code == 200
    page = response.content.decode()
    assert "alice saved this plant at " in page
    assert "Your changes were not saved. Open the page again to see their version" in page

    alumroot.refresh_from_db()
    assert alumroot.title == "Alice's title"
    assert alumroot.sections.get(order=1).heading != "Bob's heading"  # inlines untouched too
    assert alumroot.care_tips.count() == tips

    # Resubmitting the same stale page is refused again; reopening it lets Bob save.
    assert CONFLICT in bob.post(url, bob_form).content.decode()
    fresh = form_data(bob.get(url))
    assert fresh["title"] == "Alice's title"
    fresh["title"] = "Bob's title"
    assert bob.post(url, fresh).status_code == 302
    alumroot.refresh_from_db()
    assert alumroot.title == "Bob's title"


def test_single_editor_saves_again_and_again(alice, alumroot, url):
    for title in ["First", "Second"]:
        data = form_data(alice.get(url))
        data["title"] = title
        response = alice.post(url + "?_continue=1", {**data, "_continue": "Save and continue editing"})
        assert response.status_code == 302
    alumroot.refresh_from_db()
    assert alumroot.title == "Second"


def test_a_refused_field_error_then_a_fix_is_not_a_conflict(alice, alumroot, url):
    data = form_data(alice.get(url))
    data["zone_min"], data["zone_max"] = data["zone_max"], data["zone_min"]
    refused = alice.post(url, data)
    assert refused.status_code == 200 and CONFLICT not in refused.content.decode()
    again = form_data(refused)  # the re-shown page keeps the time it was first opened at
    again["zone_min"], again["zone_max"] = again["zone_max"], again["zone_min"]
    again["title"] = "Fixed"
    assert alice.post(url, again).status_code == 302


def test_derived_columns_and_other_profiles_do_not_conflict(alice, alumroot, url, make_plants):
    data = form_data(alice.get(url))
    # A taxon edit re-derives family and search text of every profile below it (update(), no updated_at).
    genus = Taxon.objects.get(slug="heuchera")
    genus.common_name = "Alumroots"
    genus.save()
    # A bulk action on another profile.
    [other] = make_plants(1, status="draft")
    changelist = reverse("admin:plants_plantprofile_changelist")
    alice.post(changelist, {"action": "publish", "_selected_action": [other.pk]})
    data["title"] = "Still mine to save"
    assert alice.post(url, data).status_code == 302


def test_bulk_unpublish_of_this_profile_meanwhile_is_a_conflict(alice, bob, alumroot, url):
    # Saving the stale page would quietly publish the plant again.
    data = form_data(alice.get(url))
    changelist = reverse("admin:plants_plantprofile_changelist")
    bob.post(changelist, {"action": "unpublish", "_selected_action": [alumroot.pk]})
    response = alice.post(url, {**data, "title": "Stale"})
    assert "bob saved this plant at" in response.content.decode()
    alumroot.refresh_from_db()
    assert alumroot.status == "draft" and alumroot.title != "Stale"


def test_a_change_without_history_is_a_conflict_from_someone_else(alice, alumroot, url):
    data = form_data(alice.get(url))
    # As an import or a script would: no admin history entry names who.
    stamp = datetime.datetime(2030, 3, 1, 14, 5, tzinfo=datetime.UTC)
    PlantProfile.objects.filter(pk=alumroot.pk).update(summary="Changed by an import.", updated_at=stamp)
    response = alice.post(url, data)
    assert (
        "Someone else saved this plant at 14:05 on 1 March 2030, after you opened it."
        in response.content.decode()
    )
    alumroot.refresh_from_db()
    assert alumroot.summary == "Changed by an import."


def test_a_page_without_the_opened_time_is_refused(alice, alumroot, url):
    data = form_data(alice.get(url))
    del data["loaded_updated_at"]
    response = alice.post(url, {**data, "title": "No stamp"})
    assert CONFLICT in response.content.decode()
    alumroot.refresh_from_db()
    assert alumroot.title != "No stamp"


@pytest.mark.django_db
def test_the_add_page_carries_no_opened_time(alice):
    assert form_data(alice.get(reverse("admin:plants_plantprofile_add")))["loaded_updated_at"] == ""
