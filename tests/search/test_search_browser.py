"""The search page in a real browser: filters, sort and results, keyboard-usable and axe-clean."""

import os
import re
import threading
from pathlib import Path

import pytest

from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    assert_accessible,
    demo_site,  # noqa: F401 - a fixture, used by name
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason=f"Chromium not found at {CHROMIUM}: run `make browser` (Debian's Chromium).",
    ),
]


def in_browser(base_url: str, steps) -> None:
    """Run ``steps(page)`` with a fresh Chromium in its own thread.

    Playwright's sync API refuses to start where another instance (tests/browser's session
    browser) already runs an event loop; a thread has none.
    """
    failure: list[BaseException] = []

    def run() -> None:
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                context = browser.new_context(base_url=base_url, locale="de-DE")
                context.set_default_timeout(10_000)
                try:
                    steps(context.new_page())
                finally:
                    browser.close()
        except BaseException as exc:  # handed to the test thread
            failure.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=180)
    if failure:
        raise failure[0]
    assert not thread.is_alive(), "the browser steps did not finish"


def test_search_filter_sort_and_results(live_server, demo_site, settings):  # noqa: F811
    from playwright.sync_api import expect

    settings.ELASTICSEARCH_URL = ""

    def steps(page):
        page.goto("/")
        header_search = page.get_by_role("search").first
        header_search.get_by_role("combobox").fill("Beratung")
        header_search.get_by_role("combobox").press("Enter")

        expect(page.get_by_role("heading", level=1)).to_have_text("Suche")
        expect(
            page.get_by_role("heading", level=2, name=re.compile(r"\d+ Treffer"))
        ).to_be_visible()
        expect(page.locator(".search-hit mark").first).to_be_visible()
        assert_accessible(page)

        land = page.get_by_role("group", name="Bundesland").get_by_role("checkbox").first
        land.check()
        page.get_by_role("button", name="Filter anwenden").click()
        expect(page).to_have_url(re.compile(r"bundesland="))
        expect(
            page.get_by_role("group", name="Bundesland").get_by_role("checkbox").first
        ).to_be_checked()

        page.get_by_label("Sortieren nach").select_option("newest")
        page.get_by_role("button", name="Sortieren", exact=True).click()
        expect(page).to_have_url(re.compile(r"sort=newest"))
        expect(page).to_have_url(re.compile(r"bundesland="))
        assert_accessible(page)

    in_browser(live_server.url, steps)
