"""Script-injection attempts in editors' text do nothing in a real browser (system Chromium).

Every payload in tests/support/factories.py both sets `window.__xss` and calls alert(),
so a payload that ran would leave the sentinel set or open a dialog.
"""

import pytest

from tests.support.factories import hostile_plant

PAGES = [
    "/plants/hostile-plant/",
    "/plants/",
    "/plants/?family=hostileaceae&use=hostile-use&q=Hostile",
    "/",
    "/taxa/",
    "/taxa/hostileaceae/",
    "/taxa/hostilia-xss/",
]


@pytest.fixture
def hostile_site(site):
    return site, hostile_plant()


@pytest.mark.parametrize("path", PAGES)
def test_no_script_runs_and_no_dialog_opens(page, hostile_site, path):
    url, plant = hostile_site
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(f"{url}{path}")
    assert response.status == 200
    page.wait_for_load_state("load")
    # Mouse and focus events on every element would fire any handler that got into an attribute.
    page.evaluate(
        """() => document.querySelectorAll("*").forEach((element) => {
            for (const type of ["mouseover", "focus", "click"]) {
                if (type === "click" && element.closest("a, button, input, label, summary")) continue;
                element.dispatchEvent(new Event(type, {bubbles: false}));
            }
        })"""
    )
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.evaluate("window.__xss") is None
    assert page.locator("iframe, svg, img[src='x']").count() == 0
    assert plant.common_name.split()[0] in page.content()


def test_the_plant_page_shows_the_payloads_as_text(page, hostile_site):
    url, plant = hostile_site
    page.goto(f"{url}/plants/hostile-plant/")
    assert page.get_by_role("heading", level=1).inner_text() == plant.common_name
    assert page.get_by_role("heading", name=plant.title).is_visible()
    tip = plant.care_tips.get(order=1).text
    assert page.locator(".care-tips li").first.inner_text() == f"Planting {tip}"
    assert page.get_by_role("link", name="source").count() == 0  # its stored URL is javascript:
    assert page.evaluate("window.__xss") is None
