"""Browser tests: Playwright drives Debian's Chromium against a live server with a real database."""

import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the tests
# themselves are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Debian's headless build of Chromium (package chromium-headless-shell; the kind Playwright
# itself runs headless) takes about a fifth less time than the full browser, which serves too.
CHROMIUM = (
    os.environ.get("CHROMIUM_PATH")
    or shutil.which("chromium-headless-shell")
    or shutil.which("chromium")
    or "/usr/bin/chromium-headless-shell"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Wagtail's page editor starts watching the form for edits (and so autosaving) two seconds
# after it loads; what changed before that counts as the form's starting point. Pages given
# this init script mark <html data-watching-edits> once it watches.
WATCH_EDITS = (
    "document.addEventListener('w-unsaved:watch-edits', () => {"
    " document.documentElement.dataset.watchingEdits = 'true'; });"
)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(item.fspath).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if browser_items and not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: run `make browser` (Debian's Chromium)."
        if os.environ.get("CI"):
            raise pytest.UsageError(message)
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=message))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(10_000)
    browser_page = context.new_page()
    yield browser_page
    context.close()


@pytest.fixture
def demo_site(transactional_db):
    from tests.factories.demo import demo_content

    demo_content()


@pytest.fixture
def open_as(browser, live_server):
    """Log a demo account in, each in its own browser context, and return its page: the forum,
    or with ``admin=True`` the Wagtail admin, fully loaded."""
    from playwright.sync_api import expect

    from cms.demo import DEMO_PASSWORD

    contexts = []

    def login(username: str, *, admin: bool = False):
        context = browser.new_context(base_url=live_server.url, locale="de-DE")
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        if admin:
            page.goto("/admin/login/")
            page.locator("#id_username").fill(username)
            page.locator("#id_password").fill(DEMO_PASSWORD)
            page.locator("form button[type='submit']").click()
            expect(page).to_have_url(re.compile(r"/admin/$"))
        else:
            page.goto("/konto/anmelden/?next=/forum/")
            page.get_by_label("Benutzername").fill(username)
            page.get_by_label("Passwort").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Anmelden").click()
            expect(page).to_have_url(re.compile(r"/forum/$"))
        # The URL changes when the next page starts to arrive; tests read its header at once.
        page.wait_for_load_state("load")
        return page

    yield login
    for context in contexts:
        context.close()


def axe_violations(page, *, context=None) -> list[dict]:
    """Run axe-core's WCAG 2.1 AA rules on the page and return the violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        context=context,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    return results.response["violations"]


def assert_accessible(page, *, context=None) -> None:
    violations = axe_violations(page, context=context)
    summary = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert violations == [], f"axe-core found WCAG 2.1 AA violations on {page.url}:\n{summary}"
