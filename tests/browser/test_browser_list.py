"""The plant list in a real browser: saved from plant pages, kept in the browser, shared, edited, printed."""

import pytest

from tests.support import factories

TRAITS = {"has_characteristics": True, "height_feet": 2.0, "availability": "routinely_available"}
# Letter paper, 8.5 × 11 in, less print.css's half-inch margins, in CSS pixels (96 to the inch).
LETTER_CONTENT = {"width": int(7.5 * 96), "height": int(10 * 96)}


@pytest.fixture
def plants(site):
    aster = factories.make_plants(
        1, common_name="Aromatic aster", usda={**TRAITS, "bloom_period": "Fall", "flower_color": "purple"}
    )[0]
    ginger = factories.make_plants(
        1,
        common_name="Wild ginger",
        usda={**TRAITS, "bloom_period": "Early Spring", "flower_color": "brown"},
        light_full_sun=False,
        light_full_shade=True,
        rank_code="G2",
    )[0]
    return site, ["HEPAM2", aster.usda_symbol, ginger.usda_symbol]


def names_listed(page) -> list[str]:
    return page.locator(".listed-plant__name").all_inner_texts()


def stored(page) -> list[str]:
    return page.evaluate("JSON.parse(localStorage.getItem('nativeplants.list') || '[]')")


def test_plants_saved_from_their_pages_make_a_list_that_is_kept_shared_edited_and_printed(
    browser, page, plants, tmp_path
):
    site, symbols = plants
    for slug, name in [
        ("littleleaf-alumroot", "Littleleaf Alumroot"),
        ("test-plant-" + symbols[1][2:], "Aromatic aster"),
        ("test-plant-" + symbols[2][2:], "Wild ginger"),
    ]:
        page.goto(f"{site}/plants/{slug}/")
        page.get_by_role("button", name=f"Add to my list ({name})").click()
        assert page.get_by_role("button", name=f"Remove from my list ({name})").is_visible()
    header = page.get_by_role("navigation", name="Site").get_by_role("link", name="My list (3)")
    assert header.is_visible()
    assert page.evaluate("document.cookie") == ""

    header.click()
    page.wait_for_url(f"**/list/?plants={','.join(symbols)}")
    assert names_listed(page) == ["Littleleaf Alumroot", "Aromatic aster", "Wild ginger"]
    assert page.get_by_role("row", name="Aromatic aster Fall (September–November), purple").is_visible()
    assert page.get_by_text("Littleleaf Alumroot and Wild ginger are rare in the wild.").is_visible()

    page.reload()
    assert names_listed(page) == ["Littleleaf Alumroot", "Aromatic aster", "Wild ginger"]
    assert stored(page) == symbols

    # The share link, opened in a browser that has never seen the list.
    share = page.locator("a[data-share-link]").get_attribute("href")
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(share)
    assert names_listed(other) == ["Littleleaf Alumroot", "Aromatic aster", "Wild ginger"]
    assert other.get_by_role("link", name="My list (3)").is_visible()  # it is theirs now
    fresh.close()

    # Removing one updates the page in place, its address and the stored list.
    page.get_by_role("button", name="Remove Aromatic aster").click()
    page.wait_for_url(f"**/list/?plants={symbols[0]},{symbols[2]}")
    page.get_by_role("link", name="My list (2)").wait_for()
    assert names_listed(page) == ["Littleleaf Alumroot", "Wild ginger"]
    assert stored(page) == [symbols[0], symbols[2]]
    assert page.get_by_role("link", name="My list (2)").is_visible()
    page.reload()
    assert names_listed(page) == ["Littleleaf Alumroot", "Wild ginger"]

    # Printed on Letter paper: the list and its calendar on the first page, the care sheets after it.
    page.set_viewport_size(LETTER_CONTENT)
    page.emulate_media(media="print")
    page.screenshot(path=tmp_path / "list-print-letter.png", full_page=True)
    plants_end = page.locator(".plant-list__plants").evaluate("e => e.getBoundingClientRect().bottom")
    assert plants_end <= LETTER_CONTENT["height"]
    assert page.locator(".care-sheets").is_visible()
    assert not page.get_by_role("link", name="Download CSV").is_visible()
    assert page.console_errors == []


def test_a_shared_list_does_not_replace_the_visitors_own_unless_they_ask(page, plants):
    site, symbols = plants
    page.goto(f"{site}/list/?plants={symbols[0]}")
    assert stored(page) == [symbols[0]]  # an empty browser takes the list it opens
    page.goto(f"{site}/list/?plants={symbols[1]},{symbols[2]}")
    assert page.get_by_text("This is not the list saved in this browser (1 plant).").is_visible()
    assert stored(page) == [symbols[0]]
    page.get_by_role("button", name="Save this list as mine").click()
    assert stored(page) == [symbols[1], symbols[2]]
    page.goto(f"{site}/list/")  # the header's address without a script: the stored list is shown
    page.wait_for_url(f"**/list/?plants={symbols[1]},{symbols[2]}")
    page.get_by_role("link", name="Clear the list").click()
    page.get_by_text("No plants yet.").wait_for()
    assert stored(page) == []
    assert page.console_errors == []


def test_without_javascript_the_add_link_starts_a_list_and_the_list_page_works(browser, plants):
    site, symbols = plants
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/plants/littleleaf-alumroot/")
    page.get_by_role("link", name="Add to my list (Littleleaf Alumroot)").click()
    assert names_listed(page) == ["Littleleaf Alumroot"]
    page.goto(f"{site}/list/?plants={','.join(symbols)}")
    page.get_by_role("button", name="Remove Wild ginger").click()
    assert names_listed(page) == ["Littleleaf Alumroot", "Aromatic aster"]
    context.close()
