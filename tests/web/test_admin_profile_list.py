"""The admin's profile and taxon lists on imported USDA PLANTS data: editors find the plants still waiting for an article."""

import csv
import gzip
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plants.models import PlantProfile
from tests.support import factories
from tests.support.usda import USDA_DIR, write_subset

pytestmark = pytest.mark.django_db

PROFILES = reverse("admin:plants_plantprofile_changelist")
TAXA = reverse("admin:plants_taxon_changelist")
# HEPAM2 is the alumroot (an editor's article); the others are imported stubs.
# ACRU (red maple) and ECPU (eastern purple coneflower) have USDA characteristics; HEPA11 has none.
SYMBOLS = ["HEPAM2", "HEPA11", "ACRU", "ECPU"]


def import_usda(directory):
    call_command("import_usda", str(directory), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def flora(alumroot, tmp_path):
    import_usda(write_subset(tmp_path, SYMBOLS))


def listed_symbols(response) -> set[str]:
    """The USDA symbols in the list's rows, as the editor sees them."""
    assert response.status_code == 200
    return set(re.findall(r'<td class="field-usda_symbol">([^<]+)</td>', response.content.decode()))


def test_the_list_offers_both_filters_with_yes_and_no(staff_client, flora):
    page = staff_client.get(PROFILES).content.decode()
    assert "By has an article" in page
    assert "By has USDA growing data" in page
    for query in ("?article=yes", "?article=no", "?growing_data=yes", "?growing_data=no"):
        assert f'href="{query}"' in page


@pytest.mark.parametrize(
    "params, symbols",
    [
        ({}, {"HEPAM2", "HEPA11", "ACRU", "ECPU"}),
        ({"article": "yes"}, {"HEPAM2"}),
        ({"article": "no"}, {"HEPA11", "ACRU", "ECPU"}),
        ({"growing_data": "yes"}, {"ACRU", "ECPU"}),
        ({"growing_data": "no"}, {"HEPAM2", "HEPA11"}),
        # What an editor looks for: plants USDA knows how to grow that nobody has written about yet.
        ({"article": "no", "growing_data": "yes"}, {"ACRU", "ECPU"}),
        ({"article": "yes", "growing_data": "yes"}, set()),
        # A value the filter does not offer (an edited URL) filters nothing.
        ({"article": "maybe"}, {"HEPAM2", "HEPA11", "ACRU", "ECPU"}),
    ],
)
def test_the_filters_narrow_the_list(staff_client, flora, params, symbols):
    assert listed_symbols(staff_client.get(PROFILES, params)) == symbols


def test_an_imported_stub_gains_an_article_when_an_editor_writes_a_section(staff_client, flora):
    maple = PlantProfile.objects.get(usda_symbol="ACRU")
    assert maple.sections.count() == 0 and maple.title and maple.summary  # USDA's words only
    assert set(PlantProfile.objects.awaiting_article().values_list("usda_symbol", flat=True)) == {
        "HEPA11",
        "ACRU",
        "ECPU",
    }
    maple.sections.create(order=1, heading="Why grow it", body="Scarlet in the fall.")
    assert listed_symbols(staff_client.get(PROFILES, {"article": "yes"})) == {"HEPAM2", "ACRU"}
    assert "ACRU" not in listed_symbols(staff_client.get(PROFILES, {"article": "no"}))


@pytest.mark.parametrize(
    "term, symbol",
    [
        ("maple", "ACRU"),  # common name
        ("Acer rubrum", "ACRU"),  # botanical name
        ("ecpu", "ECPU"),  # symbol, in any letter case
        ("microcarpa", "HEPAM2"),  # the variety's epithet
    ],
)
def test_the_profile_list_is_searched_by_name_or_symbol(staff_client, flora, term, symbol):
    assert symbol in listed_symbols(staff_client.get(PROFILES, {"q": term}))
    assert "USDA symbol" in staff_client.get(PROFILES).content.decode()  # the search box says what it reads


@pytest.mark.parametrize("term", ["ACRU", "acru", "Acer rubrum"])
def test_the_taxon_list_is_searched_by_name_or_symbol(staff_client, flora, term):
    page = staff_client.get(TAXA, {"q": term}).content.decode()
    assert "Acer rubrum" in page
    assert "Echinacea purpurea" not in page


def natives_with_growing_data(count: int) -> list[str]:
    """The first `count` symbols of the shipped characteristics that USDA lists as native somewhere."""
    with gzip.open(USDA_DIR / "distribution.csv.gz", "rt", encoding="utf-8") as rows:
        natives = {row["symbol"] for row in csv.DictReader(rows) if row["status"] == "native"}
    with gzip.open(USDA_DIR / "characteristics.csv.gz", "rt", encoding="utf-8") as rows:
        symbols = [row["symbol"] for row in csv.DictReader(rows) if row["symbol"] in natives]
    return symbols[:count]


LIST_VIEWS = [
    (PROFILES, {}),
    (PROFILES, {"article": "yes"}),
    (PROFILES, {"article": "no"}),
    (PROFILES, {"growing_data": "yes"}),
    (PROFILES, {"growing_data": "no"}),
    (PROFILES, {"article": "no", "growing_data": "yes", "visibility": "live"}),
    (PROFILES, {"q": "a"}),
    (TAXA, {}),
    (TAXA, {"q": "a"}),
]


def test_the_lists_query_as_often_for_50_profiles_as_for_5(staff_client, tmp_path):
    """Imported stubs with growing data and editors' plants without: each filter lists 5, then 50."""

    def counts():
        found = []
        for url, params in LIST_VIEWS:
            with CaptureQueriesContext(connection) as queries:
                response = staff_client.get(url, params)
            assert response.status_code == 200
            found.append(len(queries))
        return found

    symbols = natives_with_growing_data(50)
    (tmp_path / "few").mkdir()
    (tmp_path / "many").mkdir()
    import_usda(write_subset(tmp_path / "few", symbols[:5]))
    factories.make_plants(5)
    staff_client.get(PROFILES)  # the session and content types, once
    few = counts()
    assert PlantProfile.objects.awaiting_article().with_growing_data().count() == 5
    import_usda(write_subset(tmp_path / "many", symbols))
    factories.make_plants(45)
    assert PlantProfile.objects.awaiting_article().with_growing_data().count() == 50
    assert PlantProfile.objects.with_article().without_growing_data().count() == 50
    assert counts() == few
