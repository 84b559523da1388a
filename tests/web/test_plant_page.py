"""The plant page shows every fact of the profile."""

import pytest
from django.urls import reverse


@pytest.fixture
def page(client, alumroot):
    response = client.get(alumroot.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_name_block(page):
    assert "<h1>Littleleaf Alumroot</h1>" in page
    assert "<i>Heuchera parvifolia</i> var. <i>microcarpa</i>" in page  # the connector stays upright
    assert 'href="https://plants.usda.gov/plant-profile/HEPAM2"' in page


def test_facts_and_growing_conditions(page):
    for text in ["Perennial", "Forb/herb", "Dicot", "Native to the lower 48 states", "Colorado, New Mexico",
                 "Zones 4–8", "Full sun, Partial shade", "Well-draining soil is absolutely essential"]:  # fmt: skip
        assert text in page, text


def test_article_sections_uses_tips_and_wildlife(page, alumroot):
    for section in alumroot.sections.all():
        assert section.heading.replace("’", "’") in page or section.heading in page
    assert 'href="/plants/?use=rock-garden"' in page
    assert "Divide clumps every 3-4 years in early spring if desired" in page
    assert "Small native bees" in page


def test_rare_banner_and_decoded_status(page):
    assert "Rare plant" in page and "propagate" in page
    assert "S5T1T3Q" in page
    assert "critically imperiled" in page.lower() and "vulnerable" in page.lower()


def test_classification_links_every_rank(page, alumroot):
    for taxon in alumroot.taxon.lineage():
        assert f'href="{taxon.get_absolute_url()}"' in page


def test_source_citation(page):
    assert "USDA, NRCS 2025. The PLANTS Database. https://plants.usda.gov (accessed 25 February 2025)" in page


def test_drafts_are_not_public(client, alumroot):
    alumroot.status = "draft"
    alumroot.save()
    assert client.get(alumroot.get_absolute_url()).status_code == 404


def test_taxon_page_lists_the_plant(client, alumroot):
    response = client.get(reverse("plants:taxon_detail", kwargs={"slug": "saxifragaceae"}))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Littleleaf Alumroot" in content and "Saxifrage family" in content


def test_an_undecodable_rank_is_shown_raw_with_a_note(client, alumroot):
    from plants.models import ConservationStatus

    # Bypasses validation, as old or imported data might.
    ConservationStatus.objects.create(profile=alumroot, scope="global", rank="G7?!")
    page = client.get(alumroot.get_absolute_url()).content.decode()
    assert "G7?!" in page
    assert "could not be decoded; it is shown as recorded" in page
    assert "S5T1T3Q" in page  # the other status is still decoded


def test_print_stylesheet_is_linked(page):
    assert 'media="print"' in page and "print." in page


def test_native_statuses_are_one_term_with_a_description_each(client, alumroot):
    from plants.models import NativeStatus

    NativeStatus.objects.create(profile=alumroot, region="CAN", status="N")
    page = client.get(alumroot.get_absolute_url()).content.decode()
    # One <dt> per name in a description list (HTML's rule), its values as several <dd>.
    assert page.count("<dt>Native status</dt>") == 1
    term = page.index("<dt>Native status</dt>")
    lower_48, canada = page.index("(L48 N)", term), page.index("(CAN N)", term)
    assert "<dt>" not in page[term + 1 : max(lower_48, canada)]
