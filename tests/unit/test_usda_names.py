"""USDA PLANTS scientific names read into ranks and authors, on real checklist rows."""

import pytest

from plants.usda import files
from plants.usda.names import (
    FORMA,
    SPECIES,
    SUBSPECIES,
    VARIETY,
    Level,
    NameNotRead,
    read_checklist_name,
    read_name,
)


@pytest.fixture(scope="module")
def checklist():
    return {row["symbol"]: row for row in files.read(files.CHECKLIST)}


def read(checklist, symbol):
    row = checklist[symbol]
    return read_checklist_name(row["scientific_name"], row["genus"], row["rank"])


def ranks(name):
    return [(level.rank, level.name, level.authority) for level in name.levels]


def test_the_alumroot_variety_and_its_species(checklist):
    alumroot = read(checklist, "HEPAM2")
    assert alumroot.genus == "Heuchera"
    assert alumroot.species == Level(SPECIES, "Heuchera parvifolia", "parvifolia", "Nutt. ex Torr. & A. Gray")
    assert alumroot.taxon == Level(
        VARIETY, "Heuchera parvifolia var. microcarpa", "microcarpa", "Rosend., Butters & Lakela"
    )
    assert alumroot.parentage == ""
    assert not alumroot.is_hybrid_formula
    assert ranks(read(checklist, "HEPA11")) == [(SPECIES, "Heuchera parvifolia", "Nutt. ex Torr. & A. Gray")]


def test_an_autonym_has_no_infraspecific_authors_and_loses_its_trailing_space(checklist):
    assert checklist["HEPAP6"]["scientific_name"].endswith("var. parvifolia ")
    assert ranks(read(checklist, "HEPAP6")) == [
        (SPECIES, "Heuchera parvifolia", "Nutt. ex Torr. & A. Gray"),
        (VARIETY, "Heuchera parvifolia var. parvifolia", ""),
    ]


def test_a_subspecies(checklist):
    assert ranks(read(checklist, "HEPAS")) == [
        (SPECIES, "Helianthus pauciflorus", "Nutt."),
        (SUBSPECIES, "Helianthus pauciflorus ssp. subrhomboideus", "(Rydb.) O. Spring & E. Schilling"),
    ]


def test_a_forma_after_authors_ending_in_f(checklist):
    assert ranks(read(checklist, "NODEA")) == [
        (SPECIES, "Notholithocarpus densiflorus", "(Hook. & Arn.) P.S. Manos, C.H. Cannon, & S.H. Oh"),
        (
            FORMA,
            "Notholithocarpus densiflorus f. attenuatodentatus",
            "(J.M. Tucker, Sundahl & D.O. Hall) P.M. McDonald, J.W. Zhang, Senock, & J.W. Wright",
        ),
    ]
    # "L. f." is Linnaeus the younger, not a forma
    assert ranks(read(checklist, "ZAFU")) == [(SPECIES, "Zamia furfuracea", "L. f. ex Aiton")]


def test_a_forma_under_a_variety_keeps_every_rank(checklist):
    assert ranks(read(checklist, "CLVIL")) == [
        (SPECIES, "Claytonia virginica", "L."),
        (VARIETY, "Claytonia virginica var. virginica", ""),
        (FORMA, "Claytonia virginica var. virginica f. lutea", "R.J. Davis"),
    ]


def test_a_variety_under_a_subspecies_keeps_every_rank(checklist):
    # The parser drops the subspecies of a quadrinomial; it is read from the name cut before the variety.
    assert ranks(read(checklist, "CAVIE")) == [
        (SPECIES, "Carex viridula", "Michx."),
        (SUBSPECIES, "Carex viridula ssp. brachyrrhyncha", "(Celak.) B. Schmid"),
        (VARIETY, "Carex viridula ssp. brachyrrhyncha var. elatior", "(Schltdl.) Crins"),
    ]


def test_authors_keep_usda_spacing_and_ampersands(checklist):
    assert (
        read(checklist, "HEPAN").taxon.authority == "(Rosend., Butters & Lakela) Á. Löve & D. Löve & Kapoor"
    )


def test_a_named_hybrid_with_its_parents_in_brackets(checklist):
    deutzia = read(checklist, "DEMA10")
    assert ranks(deutzia) == [(SPECIES, "Deutzia ×magnifica", "(Lem.) Rehder")]
    assert deutzia.species.epithet == "×magnifica"
    assert deutzia.parentage == "crenata × longifolia"
    assert read(checklist, "EQFE").species.authority == "Clute (pro sp.)"  # the parser drops "(pro sp.)"
    assert read_name("Bougainvillea ×buttiana Holttum & Standl. [[glabra × peruviana]]").parentage == (
        "glabra × peruviana"
    )


def test_a_hybrid_subspecies(checklist):
    senna = read(checklist, "SEARC")
    assert ranks(senna) == [
        (SPECIES, "Senna artemisioides", "(Gaudich. ex DC.) Randell"),
        (SUBSPECIES, "Senna artemisioides ssp. ×coriacea", "(Benth.) Randell"),
    ]
    assert senna.parentage == "? × cardiosperma ssp. gawlerensis"


def test_an_intergeneric_hybrid_whose_genus_column_names_its_parents(checklist):
    assert checklist["LEPI15"]["genus"] == "Hordeum ? Leymus"
    leydeum = read(checklist, "LEPI15")
    assert leydeum.genus == "×Leydeum"
    assert ranks(leydeum) == [(SPECIES, "×Leydeum piperi", "(Bowden) Barkworth")]
    assert leydeum.parentage == "Hordeum jubatum × Leymus triticoides"


def test_a_named_hybrid_with_its_parents_unbracketed(checklist):
    bellii = read(checklist, "SABE10")
    assert ranks(bellii) == [(SPECIES, "Sarracenia ×bellii", "Mellich.")]
    assert bellii.parentage == "leucophylla × rubra ssp. gulfensis"


def test_unnamed_hybrids_are_named_by_their_parents(checklist):
    pine = read(checklist, "PIRI2")
    assert pine.is_hybrid_formula
    assert ranks(pine) == [(SPECIES, "Pinus rigida × serotina", "")]
    assert pine.parentage == "rigida × serotina"
    reed = read(checklist, "PHAUA8")
    assert ranks(reed) == [
        (SPECIES, "Phragmites australis", "(Cav.) Trin. ex Steud."),
        (SUBSPECIES, "Phragmites australis ssp. americanus × ssp. australis", ""),
    ]


def test_notes_in_the_species_authors_stay_in_them(checklist):
    assert ranks(read(checklist, "ABMAS")) == [
        (SPECIES, "Abies magnifica", "A. Murray bis"),
        (VARIETY, "Abies magnifica var. shastensis", "Lemmon"),
    ]
    assert ranks(read(checklist, "CYHYK")) == [
        (SPECIES, "Cyperus hypochlorus", "Hillebr. nom. inq."),
        (VARIETY, "Cyperus hypochlorus var. kauaiensis", "Kük., nom. inq."),
    ]
    assert ranks(read(checklist, "HYNE3")) == [(SPECIES, "Hypolytrum nemorum", "sensu Parham, non Spreng.")]


def test_the_checklist_columns_must_agree_with_the_name(checklist):
    row = checklist["HEPAM2"]
    with pytest.raises(
        NameNotRead, match="the parser reads the genus as “Heuchera”; the checklist says “Tiarella”"
    ):
        read_checklist_name(row["scientific_name"], "Tiarella", row["rank"])
    with pytest.raises(
        NameNotRead, match="the parser reads it as a variety; the checklist says “Subspecies”"
    ):
        read_checklist_name(row["scientific_name"], row["genus"], "Subspecies")


@pytest.mark.parametrize(
    ("symbol", "reason"),
    [
        ("RHAS", "the parser cannot read “database artifact”"),
        ("PLDI4", "the parser reads the formula's first parent as a variety; the checklist says “Species”"),
    ],
)
def test_names_the_parser_cannot_read_are_not_guessed(checklist, symbol, reason):
    with pytest.raises(NameNotRead) as caught:
        read(checklist, symbol)
    assert str(caught.value) == reason


@pytest.mark.parametrize(
    "text", ["", "Heuchera", "Tobacco mosaic virus", "Heuchera parvifolia var.", "Carex sp. 1"]
)
def test_what_is_not_a_name_is_not_read(text):
    with pytest.raises(NameNotRead):
        read_name(text)


def as_written(name):
    """The name put back together from its ranks, as USDA writes it (brackets and spacing aside)."""
    words = [name.species.name, name.species.authority]
    for upper, level in zip(name.levels, name.levels[1:], strict=False):
        words += [level.name.removeprefix(upper.name), level.authority]
    words.append("unnamed hybrid" if name.is_hybrid_formula else name.parentage)
    return " ".join(" ".join(words).split())


@pytest.mark.slow
def test_every_checklist_name_but_two_is_read_and_agrees_with_its_row(checklist):
    unread = {}
    for symbol, row in checklist.items():
        try:
            name = read_checklist_name(row["scientific_name"], row["genus"], row["rank"])
        except NameNotRead as error:
            unread[symbol] = str(error)
            continue
        # Every rank's name and authors are exactly USDA's: put back together, they are the row's text.
        written = row["scientific_name"].replace("[", " ").replace("]", " ")
        assert as_written(name) == " ".join(written.split()), symbol
    assert sorted(unread) == ["PLDI4", "RHAS"]
