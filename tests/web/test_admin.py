"""The admin: every changelist and change form renders; lists do not query per row."""

import html

import pytest
from django.contrib import admin
from django.urls import reverse

from plants.models import PlantProfile
from tests.support import factories

PLANT_MODELS = [model for model in admin.site._registry if model._meta.app_label == "plants"]


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize("model", PLANT_MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_render(staff_client, alumroot, model, settings, tmp_path):
    if model.__name__ == "PlantImage":  # the seed has no photo: add one
        from django.core.files.uploadedfile import SimpleUploadedFile

        from plants.forms import PlantImageForm
        from tests.support.images import jpeg_with_exif

        settings.MEDIA_ROOT = tmp_path
        upload = SimpleUploadedFile("p.jpg", jpeg_with_exif())
        data = {"order": 1, "alt_text": "A photo", "credit": "Me", "licence": "CC0-1.0"}
        form = PlantImageForm(data, {"image": upload}, instance=model(profile=alumroot))
        assert form.is_valid(), form.errors
        form.save()
    assert staff_client.get(admin_url(model, "changelist")).status_code == 200
    assert staff_client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"the alumroot fixture has no {model.__name__}"
    assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_every_plants_model_is_registered():
    from django.apps import apps

    from plants.models import ContentVersion, FinderChange, PlantPage, UsdaPlace, UsdaRecord

    # ContentVersion and FinderChange are bookkeeping for the finder's index and PlantPage
    # is built from the rest: nobody edits them. USDA's rows are the import's own; the
    # profile's page in the admin shows them read-only.
    not_edited = {ContentVersion, FinderChange, PlantPage, UsdaRecord, UsdaPlace}
    assert set(apps.get_app_config("plants").get_models()) - not_edited == set(PLANT_MODELS)


@pytest.mark.django_db
def test_admin_index_names_each_kind_of_content_once(staff_client):
    content = html.unescape(staff_client.get(reverse("admin:index")).content.decode())
    assert content.count(">Garden uses<") == 1  # the vocabulary
    assert content.count(">Plants' garden uses<") == 1


@pytest.mark.django_db
def test_anonymous_users_are_sent_to_login(client):
    response = client.get(admin_url(PlantProfile, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.django_db
def test_profile_change_form_shows_inlines_and_view_on_site(staff_client, alumroot):
    response = staff_client.get(admin_url(PlantProfile, "change", alumroot.pk))
    content = response.content.decode()
    for heading in [
        "Article sections",
        "Care tips",
        "Conservation statuses",
        "Native range states",
        "Garden uses",
    ]:
        assert heading in content
    assert "What Makes Littleleaf Alumroot Special?" in content
    assert alumroot.get_absolute_url() in content or "View on site" in content


@pytest.mark.django_db
def test_profile_search(staff_client, alumroot):
    response = staff_client.get(admin_url(PlantProfile, "changelist"), {"q": "HEPAM2"})
    assert "Littleleaf Alumroot" in response.content.decode()
    response = staff_client.get(admin_url(PlantProfile, "changelist"), {"q": "microcarpa"})
    assert "Littleleaf Alumroot" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model_name", ["plantprofile", "taxon", "caretip", "conservationstatus", "plantgardenuse"]
)
def test_changelist_queries_do_not_grow_with_rows(staff_client, django_assert_max_num_queries, model_name):
    from django.apps import apps

    model = apps.get_model("plants", model_name)
    url = admin_url(model, "changelist")
    factories.make_plants(3, uses=("rock-garden",), rank_code="G3")
    staff_client.get(url)  # warm the session and content types
    with django_assert_max_num_queries(50) as small:
        assert staff_client.get(url).status_code == 200
    factories.make_plants(40, uses=("rock-garden",), rank_code="G3")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert staff_client.get(url).status_code == 200


@pytest.mark.django_db
def test_rank_order_error_is_shown_on_the_taxon_form(staff_client):
    from plants.models import Rank

    genus = factories.genus_chain()
    response = staff_client.post(
        admin_url(genus.__class__, "add"),
        {"rank": Rank.FAMILY, "scientific_name": "Wrongaceae", "slug": "wrongaceae", "parent": genus.pk},
    )
    assert response.status_code == 200
    assert "a child&#x27;s rank must be below its parent&#x27;s" in response.content.decode()
    assert not genus.__class__.objects.filter(slug="wrongaceae").exists()
