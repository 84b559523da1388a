"""Deleting a taxon that still has plant profiles or child taxa is refused in the admin, saying why."""

import html
import re

import pytest
from django.urls import reverse

from plants.models import PlantProfile, Taxon

REFUSED = "cannot be deleted while the taxa and plant profiles below still belong to"
CONFIRM = 'type="submit" value="Yes, I’m sure"'
CHANGELIST = reverse("admin:plants_taxon_changelist")


def text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.mark.parametrize(
    ("slug", "blocking"),
    [
        ("heuchera", "Taxon: Heuchera parvifolia Nutt. ex Torr. & A. Gray"),  # a child taxon
        ("heuchera-parvifolia-var-microcarpa", "Plant profile: Littleleaf Alumroot"),  # a profile
    ],
)
def test_delete_page_refuses_and_lists_what_uses_it(staff_client, alumroot, slug, blocking):
    taxon = Taxon.objects.get(slug=slug)
    url = reverse("admin:plants_taxon_delete", args=[taxon.pk])
    response = staff_client.get(url)
    assert CONFIRM not in response.content.decode()  # no button to confirm
    page = text(response)
    assert "Cannot delete taxon" in page
    assert f"The taxon “{taxon}” {REFUSED} it" in page
    assert "Nothing has been deleted. Move each of them to another taxon (or delete them) first" in page
    assert blocking in page

    # Posting the confirmation anyway (a stale page, a script) deletes nothing.
    response = staff_client.post(url, {"post": "yes"})
    assert response.status_code == 200 and REFUSED in text(response)
    assert Taxon.objects.filter(pk=taxon.pk).exists()
    assert PlantProfile.objects.filter(pk=alumroot.pk, taxon__isnull=False).exists()


def test_bulk_delete_refuses_and_lists_what_uses_them(staff_client, alumroot):
    chosen = list(Taxon.objects.filter(slug__in=["heuchera", "saxifragaceae"]).values_list("pk", flat=True))
    response = staff_client.post(CHANGELIST, {"action": "delete_selected", "_selected_action": chosen})
    page = text(response)
    assert f"The selected taxa {REFUSED} them" in page
    assert "Taxon: Heuchera parvifolia Nutt. ex Torr. & A. Gray" in page
    assert "Plant profile:" not in page  # the profile belongs to the variety, which is not selected
    response = staff_client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": chosen, "post": "yes"}
    )
    assert REFUSED in text(response)
    assert Taxon.objects.filter(pk__in=chosen).count() == 2


def test_a_taxon_nothing_uses_can_still_be_deleted(staff_client, alumroot):
    lone = Taxon.objects.create(rank=100, scientific_name="Lonelia", slug="lonelia",
                                parent=Taxon.objects.get(slug="saxifragaceae"))  # fmt: skip
    url = reverse("admin:plants_taxon_delete", args=[lone.pk])
    response = staff_client.get(url)
    assert "Are you sure you want to delete the taxon" in text(response)
    assert CONFIRM in response.content.decode()
    assert staff_client.post(url, {"post": "yes"}).status_code == 302
    assert not Taxon.objects.filter(pk=lone.pk).exists()
