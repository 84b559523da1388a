"""`manage.py import_usda`: the USDA PLANTS flora in the database, on cut-down copies of the shipped files."""

import gzip
import io
import itertools
import random
import re
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plants.models import ContentVersion, PlantProfile, Rank, Taxon, UsdaPlace, UsdaRecord
from tests.support.usda import shipped_lines, write_subset

pytestmark = pytest.mark.django_db

SYMBOLS = [
    "HEPA11",  # littleleaf alumroot, the species
    "HEPAM2",  # the seed's variety
    "ACRU",  # red maple: characteristics, native in 41 places
    "ECPU",  # eastern purple coneflower
    "ASTU",  # butterfly milkweed
    "ARTE4",  # switchcane: native and introduced
    "CRJA3",  # Japanese cedar: introduced only
    "ANRO7",  # a moss: its family's classification is not recorded
    "PIRI2",  # an unnamed hybrid: Pinus rigida × serotina
    "RHAS",  # a name the parser cannot read
    "HYNE3",  # Hypolytrum nemorum sensu Parham, non Spreng.: the same name as HYNE4
    "HYNE4",
    # The checklist's first rows: lichens and mosses, mostly without a distribution.
    *(line.split(b",")[0].decode() for line in shipped_lines("checklist", 25)[1:]),
]


def run_import(directory, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_usda", str(directory), stdout=out, stderr=err, **options)
    return out.getvalue()


@pytest.fixture
def flora(tmp_path):
    return write_subset(tmp_path, SYMBOLS)


def taxon(name, rank=None):
    found = Taxon.objects.filter(scientific_name=name)
    return found.get(rank=rank) if rank else found.get()


def test_the_alumroot_keeps_its_article_and_gains_its_species_authority(alumroot, flora, client):
    Taxon.objects.filter(scientific_name="Heuchera parvifolia").update(authority="")
    before = PlantProfile.objects.values().get(pk=alumroot.pk)
    sections = list(alumroot.sections.values_list("heading", "body"))
    statuses = list(alumroot.native_statuses.values_list("region", "status"))
    ranges = list(alumroot.native_ranges.values_list("state", flat=True))

    run_import(flora)

    assert PlantProfile.objects.values().get(pk=alumroot.pk) == before
    assert list(alumroot.sections.values_list("heading", "body")) == sections
    assert list(alumroot.native_statuses.values_list("region", "status")) == statuses
    assert list(alumroot.native_ranges.values_list("state", flat=True)) == ranges
    assert taxon("Heuchera parvifolia").authority == "Nutt. ex Torr. & A. Gray"
    # Its chain is reused, not duplicated, and USDA's own record sits beside it.
    assert Taxon.objects.filter(scientific_name__in=["Heuchera", "Saxifragaceae", "Plantae"]).count() == 3
    assert alumroot.taxon.usda.symbol == "HEPAM2"
    assert {(place.place, place.status) for place in alumroot.taxon.usda.places.all()} == {
        ("CO", "native"),
        ("NM", "native"),
    }
    page = client.get(alumroot.get_absolute_url())
    assert sections[0][0] in page.content.decode()


def test_every_taxon_hangs_under_its_chain_with_its_authority(flora):
    run_import(flora)
    variety = taxon("Heuchera parvifolia var. microcarpa")
    assert [(node.rank_label, node.scientific_name, node.authority) for node in variety.lineage()] == [
        ("Kingdom", "Plantae", ""),
        ("Subkingdom", "Tracheobionta", ""),
        ("Superdivision", "Spermatophyta", ""),
        ("Division", "Magnoliophyta", ""),
        ("Class", "Magnoliopsida", ""),
        ("Subclass", "Rosidae", ""),
        ("Order", "Rosales", ""),
        ("Family", "Saxifragaceae", "Juss."),
        ("Genus", "Heuchera", "L."),
        ("Species", "Heuchera parvifolia", "Nutt. ex Torr. & A. Gray"),
        ("Variety", "Heuchera parvifolia var. microcarpa", "Rosend., Butters & Lakela"),
    ]
    hybrid = taxon("Pinus rigida × serotina")
    assert (hybrid.rank, hybrid.parent.scientific_name) == (Rank.SPECIES, "Pinus")
    assert hybrid.usda.symbol == "PIRI2"


def test_a_family_without_its_classification_hangs_under_the_kingdom_and_says_so(flora, client):
    run_import(flora)
    family = taxon("Andreaeaceae")
    assert family.classification_incomplete
    assert family.parent.scientific_name == "Plantae"
    assert not taxon("Saxifragaceae").classification_incomplete
    page = client.get(family.get_absolute_url()).content.decode()
    assert "The classification above this family is not recorded in USDA PLANTS." in page


def test_a_name_the_parser_cannot_read_is_reported_and_skipped(flora):
    out = run_import(flora)
    assert (
        "RHAS “Rhus ×ashei (Small) Greene (pro sp.), database artifact (pro sp.) [glabra × michauxii]”" in out
    )
    assert not UsdaRecord.objects.filter(symbol="RHAS").exists()
    assert not Taxon.objects.filter(scientific_name__startswith="Rhus ×ashei").exists()
    # Two rows of one name: the misapplied one is left out, and said so.
    assert "skipped, the same taxon as HYNE4: HYNE3 “Hypolytrum nemorum”" in out
    assert taxon("Hypolytrum nemorum").authority == "(Vahl) Spreng."


def test_a_new_native_has_a_live_profile_with_what_usda_records(flora, client):
    run_import(flora)
    coneflower = PlantProfile.objects.live().get(usda_symbol="ECPU")
    assert coneflower.common_name == "Eastern purple coneflower"
    assert coneflower.family.scientific_name == "Asteraceae"
    assert (coneflower.life_cycles, coneflower.growth_habits, coneflower.light_levels) == (
        ["Perennial"],
        ["Forb/herb"],
        ["Full sun"],
    )
    assert (coneflower.usda_group, coneflower.water_need, coneflower.zone_min, coneflower.zone_max) == (
        "Dicot",
        "medium",
        7,  # 4a, the coldest half zone whose whole band is at or above -33 °F
        None,  # USDA gives no warm limit
    )
    assert coneflower.data_source.citation.startswith("USDA, NRCS 2026. The PLANTS Database.")
    assert coneflower.summary == (
        "Eastern purple coneflower (Echinacea purpurea) is a perennial forb/herb native to "
        "Alabama, Arkansas, Colorado and 26 other places."
    )
    assert set(coneflower.native_statuses.values_list("region", "status")) == {("L48", "N"), ("CAN", "N")}
    assert "ON" in coneflower.native_ranges.values_list("state", flat=True)
    page = client.get(coneflower.get_absolute_url()).content.decode()
    assert "Asteraceae" in page
    assert "Eastern purple coneflower" in page
    assert "Ontario" in page
    record = coneflower.taxon.usda
    assert (record.bloom_period, record.flower_color, record.height_feet, record.temperature_minimum_f) == (
        "Early Summer",
        "purple",
        1.2,
        -33.0,
    )


def test_a_plant_not_native_is_in_the_taxonomy_without_a_profile(flora):
    run_import(flora)
    cedar = taxon("Cryptomeria japonica")
    assert not PlantProfile.objects.filter(taxon=cedar).exists()
    assert set(cedar.usda.places.values_list("place", "status")) == {
        ("LA", "introduced"),
        ("NC", "introduced"),
    }


def test_a_second_run_changes_nothing(alumroot, flora):
    first = run_import(flora)
    assert "Imported USDA PLANTS" in first
    version = ContentVersion.objects.get().token
    updated = dict(PlantProfile.objects.values_list("pk", "updated_at"))
    counts = (Taxon.objects.count(), UsdaRecord.objects.count(), UsdaPlace.objects.count())

    second = run_import(flora)

    assert "nothing changed" in second
    assert "profiles: 7 read, 0 created, 0 updated, 7 unchanged, 0 skipped" in second
    assert ContentVersion.objects.get().token == version
    assert dict(PlantProfile.objects.values_list("pk", "updated_at")) == updated
    assert (Taxon.objects.count(), UsdaRecord.objects.count(), UsdaPlace.objects.count()) == counts


def test_an_existing_profile_gains_only_what_it_lacks(flora):
    run_import(flora)
    coneflower = PlantProfile.objects.get(usda_symbol="ECPU")
    PlantProfile.objects.filter(pk=coneflower.pk).update(
        common_name="Purple coneflower",
        title="An editor's title",
        water_need="",
        zone_min=None,
        light_full_sun=False,
        habit_forb=False,
        habit_shrub=True,
    )
    coneflower.native_ranges.all().delete()
    out = run_import(flora)
    assert "profiles: 7 read, 0 created, 1 updated, 6 unchanged" in out
    coneflower.refresh_from_db()
    assert (coneflower.common_name, coneflower.title) == ("Purple coneflower", "An editor's title")
    assert (coneflower.water_need, coneflower.zone_min, coneflower.light_levels) == (
        "medium",
        7,
        ["Full sun"],
    )
    assert coneflower.growth_habits == ["Shrub"]  # the editor's habit, though USDA says forb
    assert "ON" in coneflower.native_ranges.values_list("state", flat=True)
    assert coneflower.updated_at > coneflower.created_at


def test_a_changed_file_updates_usda_rows_in_place_and_a_taxon_gone_is_kept(tmp_path):
    (tmp_path / "first").mkdir()
    run_import(write_subset(tmp_path / "first", SYMBOLS))
    maple = UsdaRecord.objects.get(symbol="ACRU")

    def taller(stem, lines):
        if stem == "characteristics":
            lines[1:] = [
                line.replace(b",68.0,", b",70.0,") if line.startswith(b"ACRU,") else line
                for line in lines[1:]
            ]
        if stem in ("checklist", "distribution", "characteristics"):
            lines[1:] = [line for line in lines[1:] if not line.startswith(b"ASTU,")]

    (tmp_path / "second").mkdir()
    out = run_import(write_subset(tmp_path / "second", SYMBOLS, edit=taller))

    maple.refresh_from_db()
    assert (maple.pk, maple.height_feet) == (UsdaRecord.objects.get(symbol="ACRU").pk, 70.0)
    assert "USDA records: 33 read, 0 created, 1 updated, 32 unchanged" in out
    assert "1 USDA records not in this checklist, kept: ASTU" in out
    assert PlantProfile.objects.filter(usda_symbol="ASTU").exists()


def test_queries_do_not_grow_with_the_rows(tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    write_subset(small, ["HEPA11", "ACRU"])
    write_subset(large, SYMBOLS)
    with CaptureQueriesContext(connection) as few:
        run_import(small)
    with CaptureQueriesContext(connection) as many:
        run_import(large)
    assert len(many) <= len(few) + 10, [query["sql"][:120] for query in many.captured_queries]


# --- Bad input: FILE:LINE on stderr, exit status 1, nothing written -----------------------------


def broken(tmp_path, stem, edit):
    def breaking(name, lines):
        if name == stem:
            edit(lines)

    return write_subset(tmp_path, SYMBOLS, edit=breaking)


def renamed_column(lines):
    lines[0] = lines[0].replace(b"growth_habit", b"growthhabit")


def extra_field(lines):
    lines[3] = lines[3].rstrip(b"\n") + b",extra\n"


def undecodable(lines):
    lines[2] = lines[2].replace(b"lichen", b"lich\xffen", 1)


@pytest.mark.parametrize(
    ("stem", "edit", "message"),
    [
        ("checklist", renamed_column, "checklist.csv:1: "),
        ("distribution", extra_field, "distribution.csv:4: "),
        ("checklist", undecodable, "checklist.csv:3: "),
    ],
)
def test_bad_input_is_reported_at_its_line_and_nothing_is_written(alumroot, tmp_path, stem, edit, message):
    directory = broken(tmp_path, stem, edit)
    taxa, version = Taxon.objects.count(), ContentVersion.objects.get().token
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_usda", str(directory), stdout=io.StringIO(), stderr=err)
    assert message in err.getvalue()
    assert (Taxon.objects.count(), UsdaRecord.objects.count()) == (taxa, 0)
    assert ContentVersion.objects.get().token == version


def test_a_truncated_file_is_reported_and_nothing_is_written(tmp_path):
    directory = write_subset(tmp_path, SYMBOLS)
    data = (directory / "distribution.csv").read_bytes()
    (directory / "distribution.csv").unlink()
    compressed = gzip.compress(data, mtime=0)
    (directory / "distribution.csv.gz").write_bytes(compressed[: len(compressed) // 2])
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_usda", str(directory), stdout=io.StringIO(), stderr=err)
    assert "distribution.csv.gz:" in err.getvalue()
    assert not Taxon.objects.exists()


# --- The whole shipped data, once per database ---------------------------------------------------

# The limits on this 2-core machine.
LIMIT_SECONDS = {"sqlite": 180, "postgresql": 300}


@pytest.mark.slow
def test_the_whole_shipped_flora_imports_within_its_time(alumroot, client):
    started = time.perf_counter()
    out = io.StringIO()
    call_command("import_usda", stdout=out)
    seconds = time.perf_counter() - started
    assert seconds < LIMIT_SECONDS[connection.vendor], out.getvalue()
    # 22,958 native taxa, less the two names the parser cannot read and HYNE3, a second row of HYNE4's name.
    assert PlantProfile.objects.live().count() == 22_956
    assert UsdaRecord.objects.count() == 32_797
    assert Taxon.objects.filter(rank__gte=Rank.SPECIES, usda__isnull=False).count() == 32_797
    assert UsdaPlace.objects.count() == 241_599
    page = client.get(PlantProfile.objects.get(usda_symbol="ASTU").get_absolute_url())
    assert "Asclepiadaceae" in page.content.decode()
    check_the_finder_and_search_on_the_whole_flora(client)


def check_the_finder_and_search_on_the_whole_flora(client):
    finder = reverse("plants:finder")
    response = client.get(finder, {"zone": "5b", "light": "full_sun", "bloom": "summer", "color": "yellow"})
    assert response.status_code == 200 and response.context["page_obj"].paginator.count > 20
    facets = client.get(finder).context["facets"]
    with_data = PlantProfile.objects.live().filter(taxon__usda__has_characteristics=True).count()
    assert facets["growing_data"].options[0].count == with_data > 1500
    guam = {option.value: option.count for option in facets["state"].options}["GU"]
    assert guam == PlantProfile.objects.live().filter(native_ranges__state="GU").count() > 0
    # Any native, searched by its symbol, is found first, and its page gives its family and habit.
    rng = random.Random(15)
    for profile in rng.sample(list(PlantProfile.objects.live().select_related("family")), 12):
        found = client.get(finder, {"q": profile.usda_symbol}).context["plants"]
        assert found[0].pk == profile.pk, profile.usda_symbol
        page = client.get(profile.get_absolute_url()).content.decode()
        assert profile.family.scientific_name in page and "<dt>Growth habit</dt>" in page, profile.usda_symbol


# --- The plant page --------------------------------------------------------------------------------


def page_of(client, symbol):
    return client.get(PlantProfile.objects.get(usda_symbol=symbol).get_absolute_url()).content.decode()


def test_the_alumroot_page_shows_the_authority_at_every_rank_and_what_usda_lists(alumroot, flora, client):
    run_import(flora)
    page = page_of(client, "HEPAM2")
    classification = page[page.index('id="classification-heading"') :]
    for authority in ("Juss.", "L.", "Nutt. ex Torr. &amp; A. Gray", "Rosend., Butters &amp; Lakela"):
        assert f'<span class="authority">{authority}</span>' in classification
    usda = page[page.index('id="usda-heading"') : page.index("</section>", page.index('id="usda-heading"'))]
    assert "USDA PLANTS has no growing data for this plant." in usda
    assert "<dt>Native in</dt><dd>Colorado, New Mexico</dd>" in usda
    assert "as copied on 18 March 2026" in usda
    assert "Littleleaf Alumroot: A Rare Gem for Rocky Mountain Gardens" in page  # the editor's title


def test_a_page_lists_the_growing_data_usda_has_in_one_query(flora, client, settings):
    settings.CACHE_SECONDS = 0  # else the page cache reads the content version too
    run_import(flora)
    page = page_of(client, "ECPU")
    usda = page[page.index('id="usda-heading"') : page.index("</section>", page.index('id="usda-heading"'))]
    for fact in (
        "<dt>Bloom period</dt><dd>Early Summer</dd>",
        "<dt>Flower colour</dt><dd>Purple, showy</dd>",
        "<dt>Mature height</dt><dd>1.2 ft</dd>",
        "<dt>Cold limit</dt><dd>Zone 4a (−33 °F)</dd>",
        "<dt>Soil pH</dt><dd>6.5–7.2</dd>",
        "<dt>Availability</dt><dd>Routinely available</dd>",
    ):
        assert fact in usda
    assert "Introduced in" not in usda
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", page)]
    assert levels[0] == 1 and all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))
    url = PlantProfile.objects.get(usda_symbol="ECPU").get_absolute_url()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) == 1


def test_the_admin_shows_usdas_values_read_only_beside_the_editors(flora, staff_client):
    run_import(flora)
    coneflower = PlantProfile.objects.get(usda_symbol="ECPU")
    page = staff_client.get(
        reverse("admin:plants_plantprofile_change", args=[coneflower.pk])
    ).content.decode()
    assert "<dt>Bloom period</dt><dd>Early Summer</dd>" in page
    assert "ECPU eastern purple coneflower, as copied on" in page
    assert 'name="usda_values"' not in page  # shown, not a form field


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize(
    ("stdout", "verbosity", "bars"), [(Terminal, 1, True), (Terminal, 0, False), (io.StringIO, 1, False)]
)
def test_progress_bars_per_file_on_a_terminal_only(flora, capsys, stdout, verbosity, bars):
    call_command("import_usda", str(flora), stdout=stdout(), verbosity=verbosity)
    shown = capsys.readouterr().out
    assert ("distribution:" in shown and "checklist:" in shown and "profiles:" in shown) is bars
