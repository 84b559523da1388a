"""The public site in a real browser (system Chromium through Playwright).

Run alone with `make test PYTEST_ARGS="-m browser"`.
"""

import time

import pytest

from tests.support.pages import PUBLIC_PAGES


def test_filter_by_zone_light_and_use_finds_the_alumroot(page, site):
    page.goto(f"{site}/plants/")
    page.get_by_label("Your USDA hardiness zone").fill("5")
    page.get_by_role("button", name="Show plants").click()
    page.wait_for_url("**zone=5**")
    page.get_by_label("Full sun").check()  # JavaScript submits on change
    page.wait_for_url("**light=full_sun**")
    page.get_by_label("Rock garden").check()
    page.wait_for_url("**use=rock-garden**")
    assert page.get_by_role("heading", name="1 plant").is_visible()
    page.get_by_role("link", name="Littleleaf Alumroot").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Littleleaf Alumroot"
    assert page.console_errors == []


def test_finder_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/plants/?zone=5")
    page.get_by_label("Full shade").check()
    page.get_by_role("button", name="Apply filters").click()
    assert "light=full_shade" in page.url
    assert page.get_by_text("No plants match all of these filters.").is_visible()
    context.close()


def test_garden_use_link_opens_the_filtered_finder(page, site):
    page.goto(f"{site}/plants/littleleaf-alumroot/")
    page.get_by_role("link", name="Xeriscape designs focused on water conservation").click()
    page.wait_for_url("**/plants/?use=xeriscape")
    assert page.get_by_role("link", name="Garden use: Xeriscape (remove this filter)").is_visible()
    assert page.get_by_role("link", name="Littleleaf Alumroot").is_visible()
    assert page.console_errors == []


def test_classification_link_opens_the_taxon_page(page, site):
    page.goto(f"{site}/plants/littleleaf-alumroot/")
    page.get_by_role("navigation", name="Classification").get_by_role("link", name="Saxifragaceae").click()
    page.wait_for_url("**/taxa/saxifragaceae/")
    assert "Saxifragaceae" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_text("Saxifrage family").first.is_visible()
    assert page.console_errors == []


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_fit_a_390px_phone_without_console_errors(open_page, site, path):
    page = open_page("phone")
    response = page.goto(f"{site}{path}")
    assert response.status == 200
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.console_errors == []


# Every layout shift the page has had since it started loading (Chromium's Layout Instability API).
LAYOUT_SHIFTS = """() => new Promise((resolve) => {
  new PerformanceObserver((list) => resolve(list.getEntries().filter((e) => !e.hadRecentInput).map((e) => e.value)))
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve([]), 500);
})"""


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_nothing_moves_once_a_page_has_appeared(open_page, site, path, size):
    # A script that folds or fills something after the first paint must not push what the
    # visitor is reading (on a phone the finder's filters once folded after its results showed).
    page = open_page(size)
    # Scripts arrive late, as on a slow connection: the page is drawn before they run.
    page.route("**/*.js", lambda route: (time.sleep(0.3), route.continue_()))
    page.goto(f"{site}{path}", wait_until="load")
    assert page.evaluate(LAYOUT_SHIFTS) == []


def test_rare_banner_and_zone_scale_are_visible(page, site):
    page.goto(f"{site}/plants/littleleaf-alumroot/")
    assert page.get_by_role("heading", name="Rare plant").is_visible()
    assert page.get_by_text("USDA hardiness zones 4–8").is_visible()


def _top_and_bottom(page, selector) -> tuple[float, float]:
    box = page.locator(selector).first.bounding_box()
    return box["y"], box["y"] + box["height"]


def test_plant_page_spacing_on_a_phone_and_a_desktop(browser, site):
    # A phone reads the facts, then the article: no more space between them than between sections.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = phone.new_page()
    page.goto(f"{site}/plants/littleleaf-alumroot/")
    # The facts end with the "Does it grow where I live?" form, below the zone scale.
    _, facts_bottom = _top_and_bottom(page, ".grows-here")
    title_top, _ = _top_and_bottom(page, ".article__title")
    assert 0 < title_top - facts_bottom <= 56
    phone.close()
    # A desktop sets the article's title level with the sidebar's first heading.
    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desktop.new_page()
    page.goto(f"{site}/plants/littleleaf-alumroot/")
    title_top, _ = _top_and_bottom(page, ".article__title")
    glance_top, _ = _top_and_bottom(page, "#facts-heading")
    assert abs(title_top - glance_top) <= 2
    desktop.close()
