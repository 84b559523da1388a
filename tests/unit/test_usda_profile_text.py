"""What a new profile says of a USDA PLANTS taxon (plants/usda/profile_text.py), and the import's summary."""

from plants.slugs import unique_slug
from plants.usda import profile_text
from plants.usda.summary import Summary


def test_the_summary_says_what_usda_records_and_nothing_more():
    assert profile_text.summary(
        "Littleleaf alumroot", "Heuchera parvifolia var. microcarpa", {"perennial"}, {"forb"}, {"NM", "CO"}
    ) == (
        "Littleleaf alumroot (Heuchera parvifolia var. microcarpa) is a perennial forb/herb "
        "native to Colorado and New Mexico."
    )
    assert profile_text.summary("X", "Y z", {"perennial", "annual"}, {"tree", "shrub"}, {"GU"}) == (
        "X (Y z) is an annual or perennial shrub and tree native to Guam."
    )
    assert profile_text.summary("X", "Y z", set(), set(), {"AK"}) == "X (Y z) is a plant native to Alaska."
    assert (
        profile_text.summary("X", "Y z", {"annual"}, set(), {"AK"})
        == "X (Y z) is an annual plant native to Alaska."
    )


def test_many_places_are_named_up_to_four_then_counted():
    places = {"CO", "NM", "AK", "AB", "BC"}
    assert profile_text.native_places_text(places) == "Alaska, Alberta, British Columbia and 2 other places"
    assert (
        profile_text.native_places_text({"CO", "NM", "AK", "AB"})
        == "Alaska, Alberta, Colorado and New Mexico"
    )


def test_a_plant_without_a_common_name_goes_by_its_scientific_name():
    assert profile_text.common_name("littleleaf alumroot", "Heuchera parvifolia") == "Littleleaf alumroot"
    assert profile_text.common_name("", "Heuchera parvifolia") == "Heuchera parvifolia"
    assert profile_text.title("Heuchera parvifolia", "Heuchera parvifolia") == "Heuchera parvifolia"
    assert profile_text.title("Alumroot", "Heuchera parvifolia") == "Alumroot (Heuchera parvifolia)"


def test_statuses_by_usda_region_and_the_native_range():
    assert profile_text.native_statuses({"CO", "AB", "NF"}, {"HI", "CO"}) == {
        "CAN": "N",
        "HI": "I",
        "L48": "NI",
    }
    assert profile_text.native_statuses({"MP", "BQ"}, set()) == {"NAV": "N", "PB": "N"}
    # Newfoundland and Labrador are one province in the range; the territories of the Pacific none.
    assert profile_text.native_range({"CO", "NF", "LB", "GU", "XX"}) == ["CO", "GU", "LB", "NF"]


def test_the_summary_counts_each_kind_and_knows_whether_anything_changed():
    summary = Summary()
    summary.count("taxa", created=2, unchanged=3)
    summary["taxa"].skipped += 1
    summary.count("profiles", unchanged=4)
    assert summary.lines() == [
        "taxa: 5 read, 2 created, 0 updated, 3 unchanged, 1 skipped",
        "profiles: 4 read, 0 created, 0 updated, 4 unchanged, 0 skipped",
    ]
    assert summary.changed
    unchanged = Summary()
    unchanged.count("taxa", unchanged=1_000)
    assert not unchanged.changed
    assert unchanged.lines() == ["taxa: 1,000 read, 0 created, 0 updated, 1,000 unchanged, 0 skipped"]


def test_a_slug_taken_gets_its_qualifier_then_a_number():
    used = {"alumroot"}
    assert unique_slug("alumroot", used, qualifier="hepa11") == "alumroot-hepa11"
    assert unique_slug("alumroot", used, qualifier="hepa11") == "alumroot-hepa11-2"
    assert unique_slug("alumroot", used) == "alumroot-2"
    assert unique_slug("sage", used) == "sage"
    assert {"alumroot-hepa11", "alumroot-hepa11-2", "alumroot-2", "sage"} <= used


def test_an_editors_range_is_usdas_when_it_names_the_same_places():
    assert profile_text.same_range(["CO", "NM"], {"NM", "CO"})
    # Newfoundland and Labrador, one province of a range, are two places to USDA; either way is the same.
    assert profile_text.same_range(["NL", "QC"], {"NF", "LB", "QC"})
    assert profile_text.same_range(["NF", "LB", "QC"], {"NF", "LB", "QC"})
    assert not profile_text.same_range(["CO"], {"CO", "NM"})
    assert not profile_text.same_range(["CO", "NM", "UT"], {"CO", "NM"})
    # A range can name any of USDA's places, Guam too: one that leaves it out says less.
    assert not profile_text.same_range(["CO"], {"CO", "GU"})
    assert profile_text.same_range(["CO", "GU"], {"CO", "GU"})
