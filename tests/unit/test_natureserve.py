"""NatureServe rank decoding (plain Python, no Django)."""

import pytest

from plants import natureserve
from plants.natureserve import Level, RankPart, decode, validate

# code, part codes, worst rank, rare, standard, phrase the banner summary must contain
DECODABLE = [
    ("G1", ["G1"], "1", True, True, "critically imperiled"),
    ("G2", ["G2"], "2", True, True, "imperiled"),
    ("G3", ["G3"], "3", True, True, "vulnerable"),
    ("G4", ["G4"], "4", False, True, "apparently secure"),
    ("G5", ["G5"], "5", False, True, "secure"),
    ("GX", ["GX"], "X", True, True, "presumed extinct"),
    ("GH", ["GH"], "H", True, True, "possibly extinct"),
    ("GU", ["GU"], "U", False, True, "too little or conflicting information"),
    ("GNR", ["GNR"], "NR", False, True, "not yet been assessed"),
    ("GNA", ["GNA"], "NA", False, True, "does not apply"),
    ("G2G3", ["G2G3"], "2", True, True, "somewhere between imperiled and vulnerable"),
    ("G3G4", ["G3G4"], "3", True, True, "somewhere between vulnerable and apparently secure"),
    ("G4G5", ["G4G5"], "4", False, True, "somewhere between apparently secure and secure"),
    ("G3?", ["G3?"], "3", True, True, "vulnerable (inexact)"),
    ("G2Q", ["G2"], "2", True, True, "taxonomy is questionable"),
    ("G5T2", ["G5", "T2"], "2", True, True, "this subspecies or variety is imperiled"),
    ("G2T5", ["G2", "T5"], "2", False, True, "this subspecies or variety is secure"),
    ("G5T2Q", ["G5", "T2"], "2", True, True, "taxonomy is questionable"),
    ("G5T1T3", ["G5", "T1T3"], "1", True, True, "between critically imperiled and vulnerable"),
    ("GXC", ["GX"], "X", True, True, "only in cultivation or captivity"),
    ("GHC", ["GH"], "H", True, True, "only in cultivation or captivity"),
    ("N4N", ["N4N"], "4", False, True, "in the country, the nonbreeding population is apparently secure"),
    ("N1", ["N1"], "1", True, True, "disappearing from the country"),
    ("S2B", ["S2B"], "2", True, True, "the breeding population is imperiled"),
    ("S3M", ["S3M"], "3", True, True, "the migrant population is vulnerable"),
    ("S2B,S5N", ["S2B", "S5N"], "2", True, True, "breeding population is imperiled"),
    ("S2B, S5N", ["S2B", "S5N"], "2", True, True, "breeding population is imperiled"),
    ("SNA", ["SNA"], "NA", False, True, "not native"),
    ("SNR", ["SNR"], "NR", False, True, "unranked"),
    ("SU", ["SU"], "U", False, True, "unrankable"),
    ("SX", ["SX"], "X", True, True, "presumed extirpated"),
    ("SH", ["SH"], "H", True, True, "possibly extirpated"),
    ("S1S3", ["S1S3"], "1", True, True, "at very high to moderate risk of disappearing from the state"),
    ("S3S4B", ["S3S4B"], "3", True, True, "breeding population is somewhere between vulnerable"),
    ("S2?B", ["S2?B"], "2", True, True, "imperiled (inexact)"),
    ("g3", ["G3"], "3", True, True, "vulnerable"),
    ("  G5  ", ["G5"], "5", False, True, "secure"),
    (" s2b ,\ts5n ", ["S2B", "S5N"], "2", True, True, "imperiled"),
    ("G5T4, S1", ["G5", "T4", "S1"], "1", True, True, "in the state or province, this plant is critically"),
    # Readable, but bending the grammar.
    ("S5T1T3Q", ["S5", "T1T3"], "1", True, False, "between critically imperiled and vulnerable"),
    ("N4T2", ["N4", "T2"], "2", True, False, "this subspecies or variety is imperiled"),
    ("S3Q", ["S3"], "3", True, False, "taxonomy is questionable"),
    ("T3", ["T3"], "3", True, False, "this subspecies or variety is vulnerable"),
    ("G1C", ["G1"], "1", True, False, "only in cultivation or captivity"),
    ("G2G3?", ["G2G3?"], "2", True, False, "between imperiled and vulnerable"),
    ("G3G2", ["G3G2"], "2", True, False, "between imperiled and vulnerable"),
    ("G1G4", ["G1G4"], "1", True, False, "critically imperiled"),
    ("G5T2B", ["G5", "T2B"], "2", True, False, "breeding population is imperiled"),
]


@pytest.mark.parametrize(("code", "part_codes", "worst", "rare", "standard", "phrase"), DECODABLE)
def test_decode(code, part_codes, worst, rare, standard, phrase):
    decoded = decode(code)
    assert decoded.raw == code
    assert decoded.is_decoded
    assert [part.code for part in decoded.parts] == part_codes
    assert decoded.worst_rank == worst
    assert decoded.is_rare is rare
    assert decoded.is_standard is standard
    assert bool(decoded.notes) is not standard
    assert phrase in decoded.summary.lower()
    assert validate(code) == []
    # Every part and qualifier is explained in a full sentence.
    fragments = [fragment for fragment, _ in decoded.explanations()]
    assert fragments[: len(part_codes)] == part_codes
    assert all(meaning.endswith(".") and len(meaning) > 12 for _, meaning in decoded.explanations())


# code, errors validate() gives an editor
MALFORMED = [
    ("", ["Enter a rank code such as G3, S2B or G5T2."]),
    ("   ", ["Enter a rank code such as G3, S2B or G5T2."]),
    (" , ", ["Enter a rank code such as G3, S2B or G5T2."]),
    ("banana", ["“banana” is not a NatureServe rank: a rank starts with G (global), N (national), "
                "S (state/province) or T (subspecies or variety) followed by a rank, as in G3 or S2B."]),
    ("G7", ["“G7” is not a NatureServe rank: numeric ranks run from 1 to 5."]),
    ("G0", ["“G0” is not a NatureServe rank: numeric ranks run from 1 to 5."]),
    ("G10", ["“G10” is not a NatureServe rank: numeric ranks run from 1 to 5."]),
    ("S9B", ["“S9B” is not a NatureServe rank: numeric ranks run from 1 to 5."]),
    ("S", ["“S” is not a NatureServe rank: S must be followed by a rank (1 to 5, X, H, U, NR or NA)."]),
    ("GG", ["“GG” is not a NatureServe rank: G must be followed by a rank (1 to 5, X, H, U, NR or NA)."]),
    ("G5T", ["“G5T” is not a NatureServe rank: T must be followed by a rank (1 to 5, X, H, U, NR or NA)."]),
    ("G1G", ["“G1G” is not a NatureServe rank: a range needs a rank at both ends, as in G2G3."]),
    ("GUG3", ["“GUG3” is not a NatureServe rank: a range runs between two of X, H and 1 to 5, as in G2G3."]),
    ("G2-G3", ["“G2-G3” is not a NatureServe rank: “-” is out of place; a rank looks like G3, S2B or G5T2."]),
    ("G3??", ["“G3??” is not a NatureServe rank: the qualifier “?” is repeated."]),
    ("S2BN", ["“S2BN” is not a NatureServe rank: use only one of B (breeding), N (nonbreeding) "
              "or M (migrant) per rank."]),
    ("G5 S3", ["“G5 S3” is not a NatureServe rank: write separate ranks with commas between them, "
               "as in S2B, S5N."]),
    ("G5T2T", ["“G5T2T” is not a NatureServe rank: a range needs a rank at both ends, as in T2T3."]),
    ("S2B,S9N", ["“S9N” is not a NatureServe rank: numeric ranks run from 1 to 5."]),
    ("G7, banana", ["“G7” is not a NatureServe rank: numeric ranks run from 1 to 5.",
                    "“banana” is not a NatureServe rank: a rank starts with G (global), N (national), "
                    "S (state/province) or T (subspecies or variety) followed by a rank, as in G3 or S2B."]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "errors"), MALFORMED)
def test_malformed_codes_are_kept_raw_with_a_note(code, errors):
    assert validate(code) == errors
    decoded = decode(code)
    assert decoded.raw == code
    assert not decoded.is_decoded and not decoded.is_standard and not decoded.is_rare
    assert decoded.parts == () and decoded.worst is None and decoded.worst_rank is None
    assert decoded.explanations() == []
    assert decoded.notes
    if code.strip(" ,"):
        assert decoded.notes[0] == "This code could not be decoded; it is shown as recorded."
        assert list(decoded.notes[1:]) == errors
        assert "could not be decoded" in decoded.summary and code.strip() in decoded.summary


def test_seed_article_rank_s5t1t3q():
    decoded = decode("S5T1T3Q")
    assert decoded.is_decoded and not decoded.is_standard and decoded.is_rare
    assert decoded.questionable_taxonomy and not decoded.captive_only
    assert decoded.parts == (
        RankPart(Level.SUBNATIONAL, "S5", "5", "5", False, ""),
        RankPart(Level.INFRASPECIFIC, "T1T3", "1", "3", False, ""),
    )
    assert decoded.worst == decoded.parts[1] and decoded.worst_rank == "1"
    assert decoded.parts[1].is_range and not decoded.parts[0].is_range
    assert decoded.explanations() == [
        ("S5", "In the state or province: secure."),
        ("T1T3", "This subspecies or variety is somewhere between critically imperiled and vulnerable."),
        ("Q", natureserve.QUESTIONABLE_TEXT),
    ]
    meanings = " ".join(meaning for _, meaning in decoded.explanations()).lower()
    for word in ("critically imperiled", "vulnerable", "secure", "taxonomy is questionable"):
        assert word in meanings
    (note,) = decoded.notes
    assert "T and Q formally belong to a global (G) rank" in note
    assert decoded.summary.startswith(
        "This subspecies or variety is somewhere between critically imperiled and vulnerable"
    )
    assert "taxonomy is questionable" in decoded.summary


@pytest.mark.parametrize(
    ("code", "meaning"),
    [
        ("G2", "Globally: imperiled."),
        ("G3?", "Globally: vulnerable (inexact)."),
        ("S5", "In the state or province: secure."),
        ("S2B", "In the state or province (breeding population): imperiled."),
        ("N4N", "In the country (nonbreeding population): apparently secure."),
        ("T2", "This subspecies or variety is imperiled."),
        ("S1S3", "In the state or province: somewhere between critically imperiled and vulnerable."),
        ("SX", "In the state or province: presumed extirpated (no longer found there despite searches)."),
        ("GU", "Globally: unrankable (there is too little or conflicting information to rank it)."),
    ],
)
def test_part_meaning(code, meaning):
    assert decode(code).parts[0].meaning == meaning


def test_global_rank_of_a_variety_is_described_as_the_species():
    assert decode("G5T2").explanations()[0] == ("G5", "Globally (the species as a whole): secure.")
    assert decode("G5", infraspecific=True).summary.startswith("Globally, the species as a whole is secure")


@pytest.mark.parametrize(
    ("code", "infraspecific", "rare"),
    [
        ("G2", None, True),
        ("G2", False, True),
        # For a variety the G rank is the species'; its own rank is the T rank.
        ("G2", True, False),
        ("G2T5", None, False),
        ("G5T2", None, True),
        ("G5T2", False, True),
        # N and S ranks are the variety's own, so a state rank still counts.
        ("S1", True, True),
        ("S5", True, False),
        ("G5T4, S1", True, True),
    ],
)
def test_rare_uses_the_taxons_own_level(code, infraspecific, rare):
    assert decode(code, infraspecific=infraspecific).is_rare is rare


def test_range_low_is_the_most_threatened_end():
    (part,) = decode("G3G2").parts
    assert (part.low, part.high, part.code) == ("2", "3", "G3G2")
    (part,) = decode("SHS1").parts
    assert (part.low, part.high) == ("H", "1")


def test_worst_prefers_any_threat_rank_over_unrankable():
    assert decode("GNR,S3").worst_rank == "3"
    assert decode("SU, SNR").worst_rank == "U"
    assert decode("SX,S1").worst_rank == "X"


def test_qualifier_flags_and_explanations():
    decoded = decode("GXC")
    assert decoded.captive_only and not decoded.questionable_taxonomy
    assert decoded.explanations()[-1] == ("C", natureserve.CAPTIVE_TEXT)
    decoded = decode("G5T2Q")
    assert decoded.questionable_taxonomy and decoded.explanations()[-1][0] == "Q"
    assert decoded.explanations()[-1][1].startswith("The taxonomy is questionable:")
    part = decode("S2?B").parts[0]
    assert part.inexact and part.breeding == "B"


def test_level_labels_and_rank_names():
    assert [level.label for level in Level] == [
        "global",
        "national",
        "state/province",
        "subspecies or variety",
    ]
    assert natureserve.RANK_NAMES["1"] == "Critically Imperiled"
    assert natureserve.RANK_NAMES["NA"] == "Not Applicable"
    assert decode("SX").parts[0].name == "Presumed Extirpated"
    assert decode("G2G3").parts[0].name == "Imperiled to Vulnerable"


@pytest.mark.parametrize("code", [None, 5, "ß3", "G\u00b2", "S2B,,S5N,", "G" * 1000, "\x00"])
def test_decode_never_raises(code):
    decoded = decode(code)
    assert decoded.raw is code or decoded.raw == code
    assert isinstance(decoded.summary, str) and isinstance(decoded.notes, tuple)
