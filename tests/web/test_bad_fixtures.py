"""A fixture with a bad object anywhere in it loads nothing at all: no half-written database.

(Article files get the same guarantee from import_article, tested in tests/test_import_article.py.)
"""

import json

import pytest
from django.core.management import call_command

from plants.models import DataSource, GardenUse, PlantProfile, Taxon
from tests.support.files import ALUMROOT_FIXTURE

ALUMROOT = ALUMROOT_FIXTURE

pytestmark = pytest.mark.django_db(transaction=True)

GOOD = [
    {"model": "plants.gardenuse", "fields": {"name": "Rain garden", "slug": "rain-garden"}},
    {"model": "plants.taxon", "fields": {"rank": 10, "scientific_name": "Plantae", "slug": "plantae"}},
]


def load(tmp_path, records):
    path = tmp_path / "fixture.json"
    path.write_text(json.dumps(records))
    call_command("loaddata", str(path), verbosity=0)


def nothing_loaded():
    return not GardenUse.objects.exists() and not Taxon.objects.exists() and not PlantProfile.objects.exists()


def test_unknown_natural_key_late_in_the_file(tmp_path):
    bad = {"model": "plants.taxon", "fields": {"rank": 90, "scientific_name": "Nowhereaceae",
                                               "slug": "nowhereaceae", "parent": ["no-such-taxon"]}}  # fmt: skip
    with pytest.raises(Exception, match="Taxon matching query does not exist.*no-such-taxon"):
        load(tmp_path, [*GOOD, bad])
    assert nothing_loaded()


def test_foreign_key_to_a_missing_row_late_in_the_file(tmp_path):
    # A numeric key passes deserialization; the database's foreign key check catches it.
    bad = {"model": "plants.taxon", "pk": 5, "fields": {"rank": 90, "scientific_name": "Orphanaceae",
                                                        "slug": "orphanaceae", "parent": 999999}}  # fmt: skip
    with pytest.raises(Exception, match="(?i)foreign key|violates|references"):
        load(tmp_path, [*GOOD, bad])
    assert nothing_loaded()


def test_invalid_value_late_in_the_file(tmp_path):
    bad = {"model": "plants.taxon", "fields": {"rank": "family", "scientific_name": "Wordaceae",
                                               "slug": "wordaceae", "parent": ["plantae"]}}  # fmt: skip
    with pytest.raises(Exception, match="“family” value must be an integer"):
        load(tmp_path, [*GOOD, bad])
    assert nothing_loaded()


def test_check_constraint_violation_late_in_the_real_fixture(tmp_path):
    # The whole alumroot fixture, with only the profile's zones made impossible (coldest above warmest).
    records = json.loads(ALUMROOT.read_text())
    [profile] = [record for record in records if record["model"] == "plants.plantprofile"]
    assert records.index(profile) > 10  # taxa, source and vocabularies come first
    profile["fields"]["zone_min"], profile["fields"]["zone_max"] = 16, 7
    with pytest.raises(Exception, match="(?i)check constraint|profile_zone_min_not_above_max"):
        load(tmp_path, records)
    assert nothing_loaded() and not DataSource.objects.exists()


def test_bad_row_after_the_profile_in_the_real_fixture(tmp_path):
    records = json.loads(ALUMROOT.read_text())
    records[-1]["fields"]["profile"] = ["NOSUCH"]
    with pytest.raises(
        Exception, match="fixture.json': Error deserializing object: ConservationStatus has no profile"
    ):
        load(tmp_path, records)
    assert nothing_loaded() and not DataSource.objects.exists()
    # The good fixture still loads afterwards.
    call_command("loaddata", "alumroot", verbosity=0)
    assert PlantProfile.objects.get().usda_symbol == "HEPAM2"
