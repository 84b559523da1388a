"""Browser tests' shared setup: the system Chromium through Playwright (the live site is tests/conftest.py's).

Every test in this folder is marked `browser` (run alone with `make test PYTEST_ARGS="-m browser"`)
and skipped where Debian's chromium is not installed.
"""

import shutil

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
            if shutil.which("chromium") is None:
                item.add_marker(pytest.mark.skip(reason="needs Debian's chromium (/usr/bin/chromium)"))


@pytest.fixture(autouse=True, scope="module")
def allow_orm_beside_playwright():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make around it are still synchronous and safe.  Module-wide, because
    # the database is flushed after each test's own fixtures are torn down.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>;127.0.0.0/8;localhost;[::1]",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# The two widths every page is looked at: a phone's and a desktop's.
VIEWPORTS = {
    "phone": ({"width": 390, "height": 844}, True),
    "desktop": ({"width": 1280, "height": 900}, False),
}


@pytest.fixture
def open_page(browser):
    """open_page("phone" or "desktop"): a page in a fresh context, its console errors in page.console_errors."""
    contexts = []

    def open_at(size="desktop"):
        viewport, mobile = VIEWPORTS[size]
        context = browser.new_context(viewport=viewport, is_mobile=mobile)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on(
            "console", lambda message: message.type == "error" and page.console_errors.append(message.text)
        )
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    return open_page("desktop")
