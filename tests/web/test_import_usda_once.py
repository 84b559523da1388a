"""`make run`'s first step, `import_usda --if-empty --load alumroot`: the seed and the flora once, then never again."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plants.models import ContentVersion, PlantProfile, Taxon, UsdaPlace, UsdaRecord
from tests.support.usda import write_subset

pytestmark = pytest.mark.django_db

MAKE_RUN = ("--if-empty", "--load", "alumroot")


def import_usda(directory, *options) -> str:
    out = io.StringIO()
    call_command("import_usda", str(directory), *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def flora(tmp_path):
    return write_subset(tmp_path, ["HEPA11", "HEPAM2", "ACRU"])


def test_a_fresh_database_gets_the_seed_then_the_flora_around_it(flora):
    out = import_usda(flora, *MAKE_RUN)
    assert "Installed 45 object(s) from 1 fixture(s)" in out
    assert "Imported USDA PLANTS" in out
    alumroot = PlantProfile.objects.get(usda_symbol="HEPAM2")
    assert alumroot.sections.exists()  # the editor's article, kept by the import
    assert alumroot.taxon.authority == "Rosend., Butters & Lakela"  # what the import added
    assert PlantProfile.objects.filter(usda_symbol="ACRU").exists()


def test_a_later_run_says_the_flora_is_there_and_writes_nothing(flora):
    import_usda(flora, *MAKE_RUN)
    alumroot = PlantProfile.objects.get(usda_symbol="HEPAM2")
    alumroot.title = "Littleleaf alumroot, as an editor retitled it"
    alumroot.save()
    version = ContentVersion.objects.get().token
    counts = (Taxon.objects.count(), UsdaRecord.objects.count(), UsdaPlace.objects.count())

    with CaptureQueriesContext(connection) as queries:
        out = import_usda(flora, *MAKE_RUN)

    assert out == "USDA PLANTS flora already imported (3 taxa); skipping\n"
    written = [query["sql"] for query in queries if not query["sql"].lstrip().upper().startswith("SELECT")]
    assert written == []
    assert len(queries) == 1  # the count of USDA's records
    assert ContentVersion.objects.get().token == version
    assert (Taxon.objects.count(), UsdaRecord.objects.count(), UsdaPlace.objects.count()) == counts
    # Reloading the fixture would have undone both.
    alumroot.refresh_from_db()
    assert alumroot.title == "Littleleaf alumroot, as an editor retitled it"
    assert alumroot.taxon.authority == "Rosend., Butters & Lakela"


def test_without_if_empty_the_import_runs_again_and_changes_nothing(flora):
    import_usda(flora, *MAKE_RUN)
    assert "USDA PLANTS already imported: nothing changed" in import_usda(flora)


def test_quiet_when_asked(flora):
    import_usda(flora)
    out = io.StringIO()
    call_command("import_usda", str(flora), "--if-empty", stdout=out, verbosity=0)
    assert out.getvalue() == ""
