"""The Content-Security-Policy in a real browser: nothing the site needs is blocked.

Run alone with `make test PYTEST_ARGS="-m browser"`.
"""

import pytest

PASSWORD = "a-long-password-1"

# Runs before any page script (Playwright injects it outside the page's policy) and records
# every violation the browser reports, whatever the console says.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_errors = []
    # Chromium reports each blocked load or inline piece as a console error naming the policy.
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and "Content Security Policy" in message.text
            and page.console_errors.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))  # a script that broke
    yield page
    context.close()


def violations(page):
    return page.evaluate("window.__cspViolations")


def assert_nothing_blocked(page):
    assert page.evaluate("document.readyState") == "complete"
    assert violations(page) == []
    assert page.console_errors == []


def test_the_violation_check_sees_an_inline_style_and_script(page, site):
    # Without this, a check that saw nothing would prove nothing.
    page.goto(f"{site}/")
    page.evaluate(
        """() => {
            document.body.insertAdjacentHTML("beforeend", '<p style="color: red">styled</p>');
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_function("window.__cspViolations.length >= 2")
    assert any("Content Security Policy" in error for error in page.console_errors)
    assert not page.evaluate("window.inlineRan === true")
    assert any(v.startswith("style-src") for v in violations(page)), violations(page)
    assert any(v.startswith("script-src") for v in violations(page)), violations(page)


def test_plant_page_shows_without_violations(page, site):
    response = page.goto(f"{site}/plants/littleleaf-alumroot/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert page.get_by_role("heading", level=1).inner_text() == "Littleleaf Alumroot"
    # The stylesheet applied (a blocked one would leave the browser's default black on white).
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") != "inline"
    assert_nothing_blocked(page)


def test_finder_script_runs_without_violations(page, site):
    page.goto(f"{site}/plants/?zone=5")
    page.get_by_label("Full sun").check()  # finder.js submits the form on change
    page.wait_for_url("**light=full_sun**")
    assert page.get_by_role("link", name="Littleleaf Alumroot").is_visible()
    assert_nothing_blocked(page)


def test_admin_login_and_plant_form_work_without_violations(page, site, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    page.goto(f"{site}/admin/")
    assert_nothing_blocked(page)
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/admin/")
    assert page.get_by_role("heading", name="Content").is_visible()
    assert_nothing_blocked(page)

    # The profile form is the admin's heaviest page: inlines, autocompletes, collapsible fieldsets.
    page.get_by_role("link", name="Plant profiles").click()
    page.get_by_role("link", name="Littleleaf Alumroot").click()
    page.wait_for_selector("#plantprofile_form")
    forms = page.locator("input[name$='-TOTAL_FORMS']").first
    count = int(forms.input_value())
    page.locator(".add-row a").first.click()  # the inline formset's script adds a row
    assert int(forms.input_value()) == count + 1
    assert_nothing_blocked(page)
