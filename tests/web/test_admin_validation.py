"""Editors see a clear message on the field at fault, and nothing is saved when anything is wrong."""

import pytest
from django.urls import reverse

from plants.models import CareTip, ConservationStatus, PlantProfile
from tests.support.admin_forms import form_data


@pytest.fixture
def change(staff_client, alumroot):
    url = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    return url, form_data(staff_client.get(url))


def post(staff_client, url, data):
    response = staff_client.post(url, data)
    assert response.status_code == 200, "the form should have been refused"
    return response.content.decode()


def error_near(html, field_name, message):
    """The message is in an errorlist rendered in the field's own box."""
    widget = html.index(f'name="{field_name}"')
    box = html[html.index(f"field-{field_name}") : widget]  # from the field's row to its widget
    return "errorlist" in box and message in box


def unchanged(alumroot):
    fresh = PlantProfile.objects.get(pk=alumroot.pk)
    return fresh.title == alumroot.title and fresh.zone_min == alumroot.zone_min


def test_zone_min_above_max(staff_client, change, alumroot):
    url, data = change
    data.update(zone_min="20", zone_max="3", title="Should not be saved")
    html = post(staff_client, url, data)
    assert "The warmest zone (2a) is colder than the coldest zone (10b). Swap them or correct one." in html
    assert unchanged(alumroot)


def test_zone_outside_the_scale(staff_client, change, alumroot):
    url, data = change
    data.update(zone_max="27")
    html = post(staff_client, url, data)
    assert error_near(html, "zone_max", "Select a valid choice. 27 is not one of the available choices.")
    assert unchanged(alumroot)


def test_usda_symbol_format(staff_client, change, alumroot):
    url, data = change
    data.update(usda_symbol="hep-am2")
    html = post(staff_client, url, data)
    assert (
        "A USDA symbol is 2 to 8 capital letters and digits starting with a letter, such as HEPAM2." in html
    )
    assert PlantProfile.objects.filter(usda_symbol="HEPAM2").exists()


def test_malformed_conservation_rank_on_the_inline(staff_client, change, alumroot):
    url, data = change
    data["conservation_statuses-0-rank"] = "G7"
    data["title"] = "Should not be saved"
    html = post(staff_client, url, data)
    assert "“G7” is not a NatureServe rank" in html
    assert ConservationStatus.objects.get(profile=alumroot).rank == "S5T1T3Q"
    assert unchanged(alumroot)


def test_state_code_that_is_not_a_state_or_province(staff_client, change, alumroot):
    url, data = change
    data["native_ranges-0-state"] = "ZZ"
    html = post(staff_client, url, data)
    assert "Select a valid choice. ZZ is not one of the available choices." in html
    data["native_ranges-0-state"] = "CO"
    data["conservation_statuses-0-region"] = "ZZ"
    html = post(staff_client, url, data)
    assert "“ZZ” is not a US state, territory or Canadian province code (such as CO or BC)." in html
    assert ConservationStatus.objects.get(profile=alumroot).region == ""


def test_duplicate_care_tip_order(staff_client, change, alumroot):
    url, data = change
    data["care_tips-1-order"] = data["care_tips-0-order"]
    data["title"] = "Should not be saved"
    html = post(staff_client, url, data)
    assert "Two care tips have order 1; give each of them its own number." in html
    assert list(CareTip.objects.filter(profile=alumroot).values_list("order", flat=True)) == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]
    assert unchanged(alumroot)


def test_a_valid_change_with_inlines_saves_everything(staff_client, change, alumroot):
    url, data = change
    data["care_tips-1-text"] = "Choose a sunny, well-drained spot"
    data["title"] = "A new title"
    assert staff_client.post(url, data).status_code == 302
    assert PlantProfile.objects.get(pk=alumroot.pk).title == "A new title"
    assert CareTip.objects.get(profile=alumroot, order=2).text == "Choose a sunny, well-drained spot"
