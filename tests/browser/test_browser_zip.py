"""A ZIP code in a real browser: the home page's form, the finder's answer, the ZIP code remembered."""

import pytest

SIZES = ("phone", "desktop")


@pytest.mark.parametrize("size", SIZES)
def test_a_zip_from_the_home_page_sets_zone_and_state_and_is_remembered(open_page, site, size):
    page = open_page(size)

    page.goto(f"{site}/")
    page.get_by_label("ZIP code").fill("80302")
    page.get_by_role("button", name="Find plants").click()
    page.wait_for_url("**zip=80302**")
    assert page.get_by_text("ZIP 80302 (Boulder, Colorado): USDA zone 6a, 2023 map").is_visible()
    assert page.get_by_role("link", name="Your USDA hardiness zone: 6a").is_visible()
    assert page.get_by_role("link", name="Native to: Colorado").is_visible()
    assert page.get_by_role("heading", name="1 plant").is_visible()  # the alumroot: Colorado, zones 4-8
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]

    # The next page asks the same question, with the ZIP code kept in the browser only.
    page.goto(f"{site}/plants/littleleaf-alumroot/")
    field = page.get_by_label("ZIP code")
    assert field.input_value() == "80302"
    page.get_by_role("button", name="Check").click()
    page.wait_for_url("**zip=80302**")
    assert page.get_by_text("Native to Colorado.").is_visible()
    assert page.get_by_text("Hardy in your zone, 6a (it grows in zones 4–8).").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert page.evaluate("document.cookie") == ""
    assert page.console_errors == []


def test_a_zip_removed_by_its_chip_is_not_filled_in_again(page, site):
    page.goto(f"{site}/")
    page.get_by_label("ZIP code").fill("80302")
    page.get_by_role("button", name="Find plants").click()
    page.wait_for_url("**zip=80302**")
    page.get_by_role("link", name="Your USDA hardiness zone: 6a").click()
    page.wait_for_url("**state=CO**")
    assert "zip" not in page.url
    assert page.get_by_label("ZIP code").input_value() == ""
    assert page.console_errors == []
