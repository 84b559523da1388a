"""The USDA files merged per symbol (plants/usda/records.py), on cut-down copies of the real files."""

import ast
from pathlib import Path

import pytest

from plants import zones
from plants.usda import records
from plants.usda.files import UsdaDataError
from plants.usda.records import Flora, Rank
from tests.support.usda import write_subset

SYMBOLS = [
    "HEPA11",  # littleleaf alumroot, the species
    "HEPAM2",  # the seed's variety, native in Colorado and New Mexico
    "ACRU",  # red maple: characteristics
    "ARTE4",  # switchcane: native and introduced in 16 places
    "CRJA3",  # Japanese cedar: introduced only
    "ANRO7",  # a moss: its family's classification is not recorded
    "ECTE5",  # a lichen without a distribution row
    "PIRI2",  # an unnamed hybrid
    "RHAS",  # a name the parser cannot read
]


@pytest.fixture
def subset(tmp_path):
    return write_subset(tmp_path, SYMBOLS)


def read_taxa(directory):
    flora = Flora(directory)
    return flora, {record.symbol: record for record in flora.taxa()}


def problems_of(directory):
    with pytest.raises(UsdaDataError) as caught:
        read_taxa(directory)
    return [str(problem) for problem in caught.value.problems]


def test_the_alumroot_record_has_every_part_the_import_needs(subset):
    flora, taxa = read_taxa(subset)
    alumroot = taxa["HEPAM2"]
    assert alumroot.rank == "variety"
    assert [(level.name, level.authority) for level in alumroot.name.levels] == [
        ("Heuchera parvifolia", "Nutt. ex Torr. & A. Gray"),
        ("Heuchera parvifolia var. microcarpa", "Rosend., Butters & Lakela"),
    ]
    assert alumroot.common_name == "littleleaf alumroot"
    assert alumroot.group == "Dicot"
    assert (alumroot.genus.name, alumroot.genus.authority, alumroot.genus.common_name) == (
        "Heuchera",
        "L.",
        "alumroot",
    )
    assert (alumroot.family.name, alumroot.family.authority, alumroot.family.common_name) == (
        "Saxifragaceae",
        "Juss.",
        "Saxifrage family",
    )
    assert alumroot.family.above == (
        Rank("kingdom", "Plantae", "Plants"),
        Rank("subkingdom", "Tracheobionta", "Vascular plants"),
        Rank("superdivision", "Spermatophyta", "Seed plants"),
        Rank("division", "Magnoliophyta", "Flowering plants"),
        Rank("class", "Magnoliopsida", "Dicotyledons"),
        Rank("subclass", "Rosidae", ""),
        Rank("order", "Rosales", ""),
    )
    assert alumroot.life_cycles == {"perennial"}
    assert alumroot.habits == {"forb"}
    assert alumroot.traits is None  # USDA has no characteristics for it
    assert alumroot.native_places == {"CO", "NM"}
    assert alumroot.introduced_places == frozenset()
    assert alumroot.is_native
    assert taxa["HEPA11"].name.taxon.authority == "Nutt. ex Torr. & A. Gray"
    assert alumroot.line == line_of(subset / "checklist.csv", b"HEPAM2,")


def test_traits_come_mapped_with_the_record(subset):
    _, taxa = read_taxa(subset)
    maple = taxa["ACRU"]
    assert maple.traits.zone_min == zones.ordinal(2, "b")
    assert maple.traits.bloom_months == (3,)
    assert maple.traits.light == {"full_sun", "partial_shade"}
    assert {"NF", "ON", "TX"} <= maple.native_places
    assert maple.habits == {"tree"}


def test_native_and_introduced_in_the_same_place(subset):
    _, taxa = read_taxa(subset)
    switchcane = taxa["ARTE4"]
    assert len(switchcane.native_places) == 16
    assert switchcane.native_places == switchcane.introduced_places
    assert switchcane.is_native


def test_introduced_only_and_without_distribution_are_not_native(subset):
    _, taxa = read_taxa(subset)
    assert not taxa["CRJA3"].is_native
    assert taxa["CRJA3"].introduced_places == {"LA", "NC"}
    assert taxa["CRJA3"].traits is not None
    assert not taxa["ECTE5"].is_native
    assert taxa["ECTE5"].introduced_places == frozenset()


def test_a_family_whose_classification_is_not_recorded(subset):
    flora, taxa = read_taxa(subset)
    moss = taxa["ANRO7"]
    assert moss.family.name == "Andreaeaceae"
    assert not moss.family.is_classified
    assert moss.family.above == ()
    assert moss.family.authority == ""
    assert moss.genus.authority == ""  # not in genera.csv
    assert flora.shared_classification("Moss") == ()


def test_a_group_shares_its_classification_down_to_the_class(subset):
    flora = Flora(subset)
    assert [rank.name for rank in flora.shared_classification("Dicot")] == [
        "Plantae",
        "Tracheobionta",
        "Spermatophyta",
        "Magnoliophyta",
        "Magnoliopsida",
    ]


def test_a_name_the_parser_cannot_read_is_reported_not_guessed(subset):
    flora, taxa = read_taxa(subset)
    assert "RHAS" not in taxa
    (unread,) = flora.unread
    assert (unread.symbol, unread.reason) == ("RHAS", "the parser cannot read “database artifact”")
    assert str(unread) == (
        f"{subset / 'checklist.csv'}:{line_of(subset / 'checklist.csv', b'RHAS,')}: "
        "RHAS “Rhus ×ashei (Small) Greene (pro sp.), database artifact (pro sp.) [glabra × michauxii]”: "
        "the parser cannot read “database artifact”"
    )
    assert taxa["PIRI2"].name.taxon.name == "Pinus rigida × serotina"


def line_of(path, start):
    """The number of the first line of a file that starts so."""
    lines = path.read_bytes().splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


def replace(lines, start, old, new):
    """Replace text in the first line that starts so."""
    number = next(index for index, line in enumerate(lines) if line.startswith(start))
    assert old in lines[number]
    lines[number] = lines[number].replace(old, new)


def test_an_unknown_place_or_status_in_the_distribution(tmp_path):
    def edit(stem, lines):
        if stem == "distribution":
            replace(lines, b"HEPAM2,native,Colorado", b",Colorado", b",Atlantis")
            replace(lines, b"HEPAM2,native,New Mexico", b",native,", b",waif,")

    write_subset(tmp_path, SYMBOLS, edit)
    path = tmp_path / "distribution.csv"
    assert problems_of(tmp_path) == [
        f"{path}:{line_of(path, b'HEPAM2,native,Atlantis')}: state “Atlantis” is not one of USDA's 74 places",
        f"{path}:{line_of(path, b'HEPAM2,waif')}: status “waif” is neither native nor introduced",
    ]


def test_a_word_no_mapping_knows_in_the_characteristics(tmp_path):
    def edit(stem, lines):
        if stem == "characteristics":
            replace(lines, b"ACRU,", b",Slight,", b",Deadly,")

    write_subset(tmp_path, SYMBOLS, edit)
    path = tmp_path / "characteristics.csv"
    assert problems_of(tmp_path) == [
        f"{path}:{line_of(path, b'ACRU,')}: toxicity “Deadly” is not one of the words this site knows "
        "(“None”, “Slight”, “Moderate”, “Severe”)"
    ]


def test_a_word_no_mapping_knows_in_the_checklist(tmp_path):
    def edit(stem, lines):
        if stem == "checklist":
            replace(lines, b"HEPA11,", b",Perennial,", b",Triennial,")
            replace(lines, b"ACRU,", b",Species,", b",Subvariety,")

    write_subset(tmp_path, SYMBOLS, edit)
    path = tmp_path / "checklist.csv"
    assert problems_of(tmp_path) == sorted(
        [
            f"{path}:{line_of(path, b'HEPA11,')}: duration “Triennial” is not one of the words this site knows "
            "(“Annual”, “Biennial”, “Perennial”)",
            f"{path}:{line_of(path, b'ACRU,')}: rank “Subvariety” is not one of Species, Subspecies, Variety, Form",
        ],
        key=lambda problem: int(problem.split(":")[1]),
    )


def test_symbols_the_checklist_lacks_and_a_genus_in_another_family(tmp_path):
    def edit(stem, lines):
        if stem == "checklist":
            lines[:] = [line for line in lines if not line.startswith(b"CRJA3,")]
        if stem == "genera":
            replace(lines, b"Heuchera,", b"Saxifragaceae", b"Rosaceae")

    write_subset(tmp_path, SYMBOLS, edit)
    assert problems_of(tmp_path) == [
        f"{tmp_path / 'characteristics.csv'}:{line_of(tmp_path / 'characteristics.csv', b'CRJA3,')}: "
        "CRJA3 is not in the checklist",
        f"{tmp_path / 'distribution.csv'}:{line_of(tmp_path / 'distribution.csv', b'CRJA3,')}: "
        "CRJA3 is not in the checklist",
        f"{tmp_path / 'genera.csv'}:{line_of(tmp_path / 'genera.csv', b'Heuchera,')}: "
        "Heuchera is in Saxifragaceae in the checklist, not Rosaceae",
    ]


def test_the_usda_modules_import_nothing_from_django():
    package = Path(records.__file__).parent
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text())
        imported = [
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        ]
        imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in imported if name.split(".")[0] == "django"], module.name


@pytest.mark.slow
def test_the_whole_shipped_flora():
    flora = Flora()
    taxa = list(flora.taxa())
    assert len(taxa) == 32_798
    assert sorted(unread.symbol for unread in flora.unread) == ["PLDI4", "RHAS"]
    natives = [record for record in taxa if record.is_native]
    # 22,958 taxa are native somewhere; the two unread names are among them.
    assert len(natives) == 22_956
    assert sum(1 for record in natives if record.family.is_classified) == 21_626
    assert sum(1 for record in taxa if record.traits) == 2_162
    assert {"Green Algae", "Red Algae"}.isdisjoint(record.group for record in natives)
    places = set().union(*(record.native_places | record.introduced_places for record in taxa))
    assert len(places) == 74


def test_one_record_per_taxon_the_misapplied_name_left_out(tmp_path):
    directory = write_subset(tmp_path, ["HYNE3", "HYNE4", "HEPA11"])
    flora = Flora(directory)
    kept, left_out = records.distinct_taxa(list(flora.taxa()))
    assert sorted(record.symbol for record in kept) == ["HEPA11", "HYNE4"]
    assert [(record.symbol, instead.symbol) for record, instead in left_out] == [("HYNE3", "HYNE4")]
