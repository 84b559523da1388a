"""The API's documentation page in a real browser, under the site's Content-Security-Policy."""

from playwright.sync_api import expect

# Runs before any page script and records every violation the browser reports, whatever the console says.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


def test_docs_list_every_operation_with_nothing_blocked(site, open_page):
    page = open_page("desktop")
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{site}/api/docs/")
    operations = page.locator(".opblock-summary-path")
    expect(operations).to_have_count(5)
    assert sorted(operations.all_inner_texts()) == [
        "/api/plants/",
        "/api/plants/{symbol}/",
        "/api/taxa/",
        "/api/taxa/{slug}/",
        "/api/zip/{code}/",
    ]
    # Trying an operation from the page reaches the API (same origin, connect-src 'self').
    page.locator(".opblock-summary-path", has_text="/api/zip/{code}/").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_placeholder("code").fill("80302")
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table")).to_contain_text("Boulder")
    assert page.evaluate("window.__cspViolations") == []
    assert page.console_errors == []
