"""What search reads of a profile (plain Python): its other names and its article text."""

from types import SimpleNamespace

from plants.search_text import distinct_words, other_names_for, search_text_for

ALUMROOT_VARIETY = SimpleNamespace(
    scientific_name="Heuchera parvifolia var. microcarpa", common_name="Littleleaf alumroot"
)


def test_distinct_words_keeps_each_words_first_spelling_in_order():
    assert (
        distinct_words(["Littleleaf Alumroot", "Heuchera parvifolia", "Littleleaf alumroot", "  Heuchera  "])
        == "Littleleaf Alumroot Heuchera parvifolia"
    )
    assert distinct_words([]) == ""


def test_other_names_leave_out_the_common_names_words_whatever_their_case():
    assert (
        other_names_for("Littleleaf Alumroot", ALUMROOT_VARIETY, "HEPAM2")
        == "Heuchera parvifolia var. microcarpa HEPAM2"
    )


def test_other_names_hold_each_word_once():
    taxon = SimpleNamespace(
        scientific_name="Sphaeralcea coccinea", common_name="Scarlet globemallow coccinea"
    )
    assert other_names_for("Globemallow", taxon, "SPCO") == "Sphaeralcea coccinea Scarlet SPCO"


def test_search_text_puts_title_summary_sections_tips_and_notes_on_their_own_lines():
    text = search_text_for(
        "Alumroot for rock gardens",
        "A small evergreen.",
        [("Description", "Low mounds."), ("Wildlife", "Bees.")],
        ["Water rarely."],
        ["Good in crevices."],
        ["", "Full sun."],
    )
    assert text.split("\n") == [
        "Alumroot for rock gardens",
        "A small evergreen.",
        "Description",
        "Low mounds.",
        "Wildlife",
        "Bees.",
        "Water rarely.",
        "Good in crevices.",
        "",
        "Full sun.",
    ]
