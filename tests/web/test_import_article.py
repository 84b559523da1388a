"""`manage.py import_article`: article files in, draft profiles out, repeatably."""

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from plants.article_format import parse_file
from plants.importer import CREATED, UNCHANGED, import_article
from plants.models import (
    ConservationStatus,
    FinderChange,
    PlantProfile,
    PublicationStatus,
    Rank,
    Taxon,
)
from tests.support import dumps, factories
from tests.support.files import ARTICLES

SEED = ARTICLES / "littleleaf-alumroot.txt"
SERVICEBERRY = ARTICLES / "saskatoon-serviceberry.txt"
REDBUD = ARTICLES / "eastern-redbud.txt"
OCONEE = ARTICLES / "oconee-bells.txt"
GOOD = [SEED, SERVICEBERRY, REDBUD, OCONEE]


def run(*paths, **options) -> tuple[str, str, CommandError | None]:
    """Run the command; its stdout, its stderr and the CommandError it raised, if any."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_article", *map(str, paths), stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def counts() -> dict[str, int]:
    """Rows of each content model (not the finder's change log, which gains an entry a change)."""
    models = set(apps.get_app_config("plants").get_models()) - {FinderChange}
    return {model.__name__: model.objects.count() for model in models}


def edited_copy(tmp_path, source: Path, *replacements: tuple[str, str], name: str | None = None) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / (name or source.name)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# The seed article gives the fixture's content


# The import makes drafts and stamps its own times; everything else must match.
NOT_COMPARED = {"plants.plantprofile": {"created_at", "updated_at", "status", "published_at"}}


@pytest.mark.django_db(transaction=True)
def test_importing_the_seed_gives_the_fixtures_content():
    call_command("loaddata", "alumroot", verbosity=0)
    from_fixture = dumps.by_key(dumps.dumpdata("plants"), NOT_COMPARED)
    call_command("flush", interactive=False, verbosity=0)
    assert sum(counts().values()) == 0

    out, err, error = run(SEED)
    assert error is None and err == ""
    from_import = dumps.by_key(dumps.dumpdata("plants"), NOT_COMPARED)

    diff = dumps.differences(from_fixture, from_import, names=("fixture", "import"))
    assert not diff, "The import differs from fixtures/alumroot.json:\n" + "\n".join(diff)
    assert len(from_import) == len(from_fixture) == 45


# ---------------------------------------------------------------------------
# One file at a time


@pytest.mark.django_db
def test_seed_creates_a_draft_and_says_so():
    out, err, error = run(SEED)
    assert error is None
    assert out == f"{SEED}: created HEPAM2 Littleleaf Alumroot (draft)\n"
    assert err == ""  # the seed parses without warnings
    profile = PlantProfile.objects.get(usda_symbol="HEPAM2")
    assert profile.status == PublicationStatus.DRAFT and profile.slug == "littleleaf-alumroot"
    assert profile.taxon.slug == "heuchera-parvifolia-var-microcarpa"
    assert [t.rank for t in profile.taxon.lineage()] == [10, 20, 30, 40, 60, 70, 80, 90, 100, 110, 130]


@pytest.mark.django_db
def test_verbose_output_lists_the_changes():
    out, _, _ = run(SEED, verbosity=2)
    lines = out.splitlines()
    assert lines[0].endswith("created HEPAM2 Littleleaf Alumroot (draft)")
    assert "  taxon: created variety Heuchera parvifolia var. microcarpa" in lines
    assert "  data source: created usda-plants-2025-02-25" in lines
    assert "  sections: 8 added" in lines and "  care tips: 6 added" in lines


@pytest.mark.django_db
def test_serviceberry_tree_and_shrub_with_half_zones():
    out, err, error = run(SERVICEBERRY)
    assert error is None
    assert out == f"{SERVICEBERRY}: created AMAL2 Saskatoon Serviceberry (draft)\n"
    assert err.splitlines() == [
        f"{SERVICEBERRY}:46: warning: Garden use “Edible Landscapes” is not in the vocabulary.",
        f"{SERVICEBERRY}:47: warning: Garden use “Wildlife Gardens” is not in the vocabulary.",
    ]
    profile = PlantProfile.objects.get(usda_symbol="AMAL2")
    assert profile.growth_habits == ["Shrub", "Tree"]
    assert profile.life_cycles == ["Perennial"]
    assert (profile.zone_min, profile.zone_max, profile.zone_range) == (4, 13, "2b–7a")
    assert profile.light_levels == ["Full sun", "Partial shade"] and profile.water_need == "medium"
    assert [s.code for s in profile.native_statuses.all()] == ["L48 N", "AK N", "CAN N"]
    assert [(c.scope, c.region, c.rank) for c in profile.conservation_statuses.all()] == [
        ("global", "", "G5"),
        ("national", "US", "N5"),
    ]
    assert [u.garden_use.slug for u in profile.garden_uses.all()] == [
        "hedge", "woodland-garden", "erosion-control", "edible-landscapes", "wildlife-gardens",
    ]  # fmt: skip
    assert [(w.wildlife.name, w.resource) for w in profile.wildlife_supported.all()] == [
        ("Birds", "fruit"),
        ("Native bees", "nectar"),
        ("Butterflies", "nectar"),
        ("Songbirds", "fruit"),
        ("Small mammals", "shelter"),
        ("Caterpillars", "foliage"),
    ]
    assert profile.native_ranges.count() == 16
    assert profile.taxon.rank == Rank.SPECIES and profile.taxon.authority == "(Nutt.) Nutt. ex M. Roem."
    assert profile.data_source.key == "usda-plants-2025-03-04"
    assert not profile.is_rare


@pytest.mark.django_db
def test_redbud_missing_reordered_and_unknown_fields_are_warnings():
    out, err, error = run(REDBUD)
    assert error is None
    assert out == f"{REDBUD}: created CECA4 Eastern Redbud (draft)\n"
    assert err.splitlines() == [
        f"{REDBUD}:9: warning: Unknown header field “Bloom time” is ignored.",
        f"{REDBUD}:11: warning: The header has no “Life cycle:” line.",
        f"{REDBUD}:11: warning: The header has no “Native status:” line.",
        f"{REDBUD}:31: warning: Garden use “Specimen Plantings” is not in the vocabulary.",
        f"{REDBUD}:55: warning: The classification has no “Group”.",
        f"{REDBUD}: warning: No USDA group in the file; Dicot taken from the class Magnoliopsida.",
    ]
    profile = PlantProfile.objects.get(usda_symbol="CECA4")
    assert profile.taxon.scientific_name == "Cercis canadensis"
    assert profile.usda_group == "Dicot"
    assert profile.life_cycles == [] and profile.growth_habits == ["Tree"]
    assert profile.zone_range == "4b–9a"
    assert profile.native_statuses.count() == 0 and profile.conservation_statuses.count() == 0
    # Ranks the file leaves out are skipped: the division sits right under the kingdom.
    assert [t.rank_label for t in profile.taxon.lineage()] == [
        "Kingdom", "Division", "Class", "Order", "Family", "Genus", "Species",
    ]  # fmt: skip


@pytest.mark.django_db
def test_a_warning_is_printed_with_its_line_and_whole_message(tmp_path):
    ignored = "Note: checked again in March."
    path = edited_copy(tmp_path, SEED, ("Greensboro, NC USA", f"Greensboro, NC USA\n\n{ignored}"))
    out, err, error = run(path)
    assert error is None and out == f"{path}: created HEPAM2 Littleleaf Alumroot (draft)\n"
    assert err == f"{path}:131: warning: Text after the data source is ignored: “{ignored}”.\n"


@pytest.mark.django_db
def test_oconee_bells_global_and_state_ranks():
    out, err, error = run(OCONEE)
    assert error is None and err == ""
    assert out == f"{OCONEE}: created SHGA Oconee Bells (draft)\n"
    profile = PlantProfile.objects.get(usda_symbol="SHGA")
    assert [(c.scope, c.region, c.rank) for c in profile.conservation_statuses.all()] == [
        ("global", "", "G3G4"),
        ("subnational", "NC", "S3"),
    ]
    assert profile.is_rare  # G3 and S3 count as rare
    assert profile.growth_habits == ["Forb/herb", "Subshrub"]
    assert profile.light_levels == ["Partial shade", "Full shade"]
    assert profile.zone_range == "5b–8a"
    assert [r.state for r in profile.native_ranges.all()] == ["GA", "NC", "SC"]


# ---------------------------------------------------------------------------
# Malformed files and validation errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("malformed-missing-symbol.txt", 11, "The header has no “USDA symbol:” line; it is required."),
        ("malformed-bad-date.txt", 129, "Invalid access date “2/30/2025” in the data source: "),
        ("malformed-bad-zone.txt", 53, "Invalid USDA hardiness zones “15-20”: "),
    ],
)
def test_malformed_file_is_reported_and_changes_nothing(alumroot, name, line, message):
    path = ARTICLES / name
    before = counts()
    out, err, error = run(path)
    assert error is not None and "1 of 1 file failed" in str(error)
    assert err.startswith(f"{path}:{line}: {message}")
    assert out == "" and counts() == before

    # A good file in the same call still imports; the command still fails.
    out, err, error = run(path, OCONEE)
    assert error is not None and f"1 of 2 files failed: {path}" in str(error)
    assert err.startswith(f"{path}:{line}: {message}")
    assert out == f"{OCONEE}: created SHGA Oconee Bells (draft)\n"
    after = counts()
    assert after["PlantProfile"] == before["PlantProfile"] + 1
    alumroot.refresh_from_db()
    assert alumroot.status == "published" and (alumroot.zone_min, alumroot.zone_max) == (7, 16)


@pytest.mark.django_db
def test_missing_file_is_an_error(tmp_path):
    path = tmp_path / "nowhere.txt"
    _, err, error = run(path, SEED)
    assert error is not None
    assert err == f"{path}: No such file or directory\n"
    assert PlantProfile.objects.filter(usda_symbol="HEPAM2").exists()


@pytest.mark.django_db
def test_validation_error_late_in_the_import_rolls_back_the_whole_file(tmp_path):
    # "NA" (North America) is a region the parser reads but the model does not store; the
    # status rows come after the taxa, the profile, its sections and its vocabulary.
    path = edited_copy(tmp_path, SEED, ("Native to the lower 48 states", "L48 (N), NA (N)"))
    assert parse_file(path).native_statuses == [("L48", "N"), ("NA", "N")]
    out, err, error = run(path, OCONEE)
    assert error is not None and f"1 of 2 files failed: {path}" in str(error)
    assert f"{path}: nativestatus.region: Value 'NA' is not a valid choice.\n" in err
    assert out == f"{OCONEE}: created SHGA Oconee Bells (draft)\n"
    assert not PlantProfile.objects.filter(usda_symbol="HEPAM2").exists()
    assert not Taxon.objects.filter(scientific_name__startswith="Heuchera").exists()
    assert not Taxon.objects.filter(slug__in=["rosidae", "rosales", "saxifragaceae"]).exists()
    assert counts()["ArticleSection"] == PlantProfile.objects.get().sections.count()


@pytest.mark.django_db
def test_taxon_whose_name_exists_at_another_rank_is_an_error(tmp_path):
    plantae = factories.taxon(Rank.KINGDOM, "Plantae", common_name="Plants")
    factories.taxon(Rank.ORDER, "Saxifragaceae", plantae, slug="saxifragaceae")
    before = counts()
    _, err, error = run(SEED)
    assert error is not None
    assert err == (
        f"{SEED}: taxon.rank: “Saxifragaceae” is already in the database with rank Order; "
        "the file gives it rank Family.\n"
    )
    # Tracheobionta to Rosales were created before the clash, and rolled back with it.
    assert counts() == before


@pytest.mark.django_db
def test_taxon_under_another_parent_is_an_error(alumroot, tmp_path):
    path = edited_copy(tmp_path, SEED, ("Order\n\nRosales", "Order\n\nSaxifragales"))
    before = counts()
    _, err, error = run(path)
    assert error is not None
    assert err == (
        f"{path}: taxon.parent: Family Saxifragaceae is under order Rosales in the database, "
        "but the file puts it under order Saxifragales.\n"
    )
    assert counts() == before and not Taxon.objects.filter(scientific_name="Saxifragales").exists()


@pytest.mark.django_db
def test_taxon_rank_order_is_validated(tmp_path):
    path = edited_copy(
        tmp_path,
        SEED,
        ("Family\n\nSaxifragaceae Juss. - Saxifrage family\n\nGenus\n\nHeuchera L. - alumroot",
         "Genus\n\nHeuchera L. - alumroot\n\nFamily\n\nSaxifragaceae Juss. - Saxifrage family"),
    )  # fmt: skip
    _, err, error = run(path)
    assert error is not None
    assert f"{path}: taxon.rank: A family cannot sit under the genus “Heuchera”" in err
    assert sum(counts().values()) == 0


@pytest.mark.django_db
def test_second_profile_for_the_same_taxon_is_an_error(alumroot, tmp_path):
    path = edited_copy(tmp_path, SEED, ("USDA symbol: HEPAM2", "USDA symbol: HEPAM3"))
    before = counts()
    _, err, error = run(path)
    assert error is not None
    assert err == f"{path}: plantprofile.taxon: Plant profile with this Taxon already exists.\n"
    assert counts() == before


# ---------------------------------------------------------------------------
# Repeating and updating


@pytest.mark.django_db
def test_importing_twice_changes_nothing():
    run(*GOOD)
    before = counts()
    stamps = dict(PlantProfile.objects.values_list("usda_symbol", "updated_at"))
    out, _, error = run(*GOOD, verbosity=2)
    assert error is None
    assert out.splitlines() == [
        f"{SEED}: unchanged HEPAM2 Littleleaf Alumroot (draft)",
        f"{SERVICEBERRY}: unchanged AMAL2 Saskatoon Serviceberry (draft)",
        f"{REDBUD}: unchanged CECA4 Eastern Redbud (draft)",
        f"{OCONEE}: unchanged SHGA Oconee Bells (draft)",
    ]
    assert counts() == before
    assert dict(PlantProfile.objects.values_list("usda_symbol", "updated_at")) == stamps


@pytest.mark.django_db
def test_import_article_returns_what_changed():
    parsed = parse_file(SEED)
    first = import_article(parsed)
    assert first.action == CREATED and first.status == "draft"
    assert first.summary() == "created HEPAM2 Littleleaf Alumroot (draft)"
    assert "profile: created HEPAM2 (draft)" in first.changes
    second = import_article(parsed)
    assert (second.action, second.changes, second.warnings) == (UNCHANGED, [], [])


@pytest.mark.django_db
def test_importing_over_the_fixture_changes_only_the_timestamps_nothing_else(alumroot):
    before = counts()
    out, _, _ = run(SEED)
    assert out == f"{SEED}: unchanged HEPAM2 Littleleaf Alumroot (published)\n"
    assert counts() == before
    alumroot_after = PlantProfile.objects.get(pk=alumroot.pk)
    assert alumroot_after.updated_at == alumroot.updated_at


@pytest.mark.django_db
def test_edited_file_updates_the_profile_in_place(alumroot, tmp_path):
    path = edited_copy(
        tmp_path,
        SEED,
        ("Rocky Mountain Gardens", "Mountain Gardens"),
        ("Hardy in USDA zones 4-8,", "Hardy in USDA zones 4b-9a,"),
        ("  • Deadhead spent flowers to encourage continued blooming\n", ""),
        ("Habit: forb", "Habit: forb, subshrub"),
    )
    before = counts()
    out, err, error = run(path, verbosity=2)
    assert error is None and err == ""
    lines = out.splitlines()
    assert lines[0] == f"{path}: updated HEPAM2 Littleleaf Alumroot (published)"
    assert "  profile: changed title, zone_min, zone_max, climate_notes, habit_subshrub" in lines
    assert "  care tips: replaced (6 → 5 rows)" in lines
    assert not any("sections" in line for line in lines)

    profile = PlantProfile.objects.get(usda_symbol="HEPAM2")
    assert profile.pk == alumroot.pk and profile.status == "published"  # the status is kept
    assert profile.title == "Littleleaf Alumroot: A Rare Gem for Mountain Gardens"
    assert profile.zone_range == "4b–9a" and profile.growth_habits == ["Forb/herb", "Subshrub"]
    assert profile.updated_at > alumroot.updated_at
    assert [tip.category for tip in profile.care_tips.all()] == [
        "planting", "planting", "watering", "watering", "propagation",
    ]  # fmt: skip
    assert counts() == {**before, "CareTip": before["CareTip"] - 1}

    out, _, _ = run(path)
    assert out == f"{path}: unchanged HEPAM2 Littleleaf Alumroot (published)\n"


@pytest.mark.django_db
def test_changed_child_row_alone_touches_updated_at(tmp_path):
    run(SEED)
    stamp = PlantProfile.objects.get().updated_at
    path = edited_copy(tmp_path, SEED, ("Region: Conservation status by state", "Region: Colorado"))
    out, _, _ = run(path, verbosity=2)
    assert out.splitlines() == [
        f"{path}: updated HEPAM2 Littleleaf Alumroot (draft)",
        "  conservation statuses: replaced (1 → 1 rows)",
    ]
    assert ConservationStatus.objects.get().region == "CO"
    assert PlantProfile.objects.get().updated_at > stamp


@pytest.mark.django_db
def test_articles_sharing_a_genus_share_its_taxon(tmp_path):
    species = edited_copy(
        tmp_path,
        SEED,
        ("Botanical name: Heuchera parvifolia var. microcarpa", "Botanical name: Heuchera parvifolia"),
        ("USDA symbol: HEPAM2", "USDA symbol: HEPA11"),
        name="littleleaf-alumroot-species.txt",
    )
    out, _, error = run(SEED, species, SERVICEBERRY)
    assert error is None
    # The same common name: the second profile's slug gets its symbol.
    assert f"{species}: created HEPA11 Littleleaf Alumroot (draft)" in out.splitlines()
    assert PlantProfile.objects.get(usda_symbol="HEPA11").slug == "littleleaf-alumroot-hepa11"
    assert Taxon.objects.filter(rank=Rank.GENUS, scientific_name="Heuchera").count() == 1
    assert Taxon.objects.filter(rank=Rank.ORDER, scientific_name="Rosales").count() == 1
    assert Taxon.objects.filter(scientific_name="Plantae").count() == 1
    genus = Taxon.objects.get(slug="heuchera")
    assert PlantProfile.objects.below(genus).count() == 2
    # Alumroot's 11 taxa, serviceberry's family, genus and species.
    assert Taxon.objects.count() == 14


@pytest.mark.django_db
def test_a_fuller_chain_refines_a_shorter_one():
    run(REDBUD, SEED)
    division = Taxon.objects.get(slug="magnoliophyta")
    assert division.parent.slug == "spermatophyta"
    redbud = PlantProfile.objects.get(usda_symbol="CECA4")
    assert [t.slug for t in redbud.taxon.lineage()][:5] == [
        "plantae", "tracheobionta", "spermatophyta", "magnoliophyta", "magnoliopsida",
    ]  # fmt: skip
    before = counts()
    out, _, _ = run(REDBUD, SEED)
    assert "unchanged" in out.splitlines()[0] and "unchanged" in out.splitlines()[1]
    assert counts() == before


@pytest.mark.django_db
def test_taxa_keep_their_names_and_get_empty_ones_filled(tmp_path):
    run(SEED)
    Taxon.objects.filter(slug="heuchera").update(common_name="coral bells", authority="")
    _, err, _ = run(SEED, verbosity=2)
    heuchera = Taxon.objects.get(slug="heuchera")
    assert (heuchera.common_name, heuchera.authority) == ("coral bells", "L.")
    assert (
        err
        == f"{SEED}: warning: Taxon Heuchera keeps its common name “coral bells”; the file says “alumroot”.\n"
    )


# ---------------------------------------------------------------------------
# --dry-run and --publish


@pytest.mark.django_db
def test_dry_run_writes_nothing(alumroot, tmp_path):
    before = counts()
    out, _, error = run(SERVICEBERRY, dry_run=True)
    assert error is None
    lines = out.splitlines()
    assert lines[0] == f"{SERVICEBERRY}: would create AMAL2 Saskatoon Serviceberry (draft)"
    assert "  taxon: created family Rosaceae" in lines
    assert counts() == before

    path = edited_copy(tmp_path, SEED, ("Habit: forb", "Habit: forb, subshrub"))
    out, _, _ = run(path, dry_run=True)
    assert out.splitlines() == [
        f"{path}: would update HEPAM2 Littleleaf Alumroot (published)",
        "  profile: changed habit_subshrub",
    ]
    assert counts() == before and not PlantProfile.objects.get().habit_subshrub


@pytest.mark.django_db
def test_publish_publishes_new_and_existing_profiles(client):
    out, _, _ = run(SEED, publish=True)
    assert out == f"{SEED}: created HEPAM2 Littleleaf Alumroot (published)\n"
    profile = PlantProfile.objects.get()
    assert profile.is_live
    assert client.get(profile.get_absolute_url()).status_code == 200

    run(REDBUD)
    assert PlantProfile.objects.get(usda_symbol="CECA4").status == "draft"
    out, _, _ = run(REDBUD, SEED, publish=True)
    assert out.splitlines() == [
        f"{REDBUD}: updated CECA4 Eastern Redbud (published)",
        f"{SEED}: unchanged HEPAM2 Littleleaf Alumroot (published)",
    ]
    assert PlantProfile.objects.live().count() == 2
