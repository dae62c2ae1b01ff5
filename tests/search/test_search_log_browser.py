"""The click beacon and the Top-Treffer in a real browser: the first click's rank reaches the
log, the links stay plain links, and the page stays axe-clean."""

import os
import time
from pathlib import Path

import pytest

from search.models import SearchLogEntry
from tests.browser.conftest import CHROMIUM, assert_accessible
from tests.factories.search import create_promotion

from .helpers import create_practice, sync
from .test_search_browser import in_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason=f"Chromium not found at {CHROMIUM}: run `make browser` (Debian's Chromium).",
    ),
]


def wait_for_click_rank(entry_query: str, seconds: float = 10) -> int | None:
    """The beacon travels after the page has moved on: wait for its row to change."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        entry = SearchLogEntry.objects.filter(query=entry_query).first()
        if entry is not None and entry.clicked_rank is not None:
            return entry.clicked_rank
        time.sleep(0.2)
    return None


def test_a_click_on_a_result_notes_its_rank(live_server, transactional_db, settings):
    from playwright.sync_api import expect

    from practices.models import PracticeIndexPage
    from tests.factories import site_home

    settings.ELASTICSEARCH_URL = ""
    home = site_home()
    library = PracticeIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
    home.add_child(instance=library)
    library.save_revision().publish()
    create_practice(library, "Suchtberatung im Quartier", text="Suchtberatung vor Ort.")
    create_practice(library, "Suchtberatung auf dem Land", text="Mit dem Fahrdienst.")
    pinned = create_practice(library, "Mustervertrag Drogenhilfe", text="Eine Vorlage.")
    sync()
    create_promotion("suchtberatung", pinned)

    def steps(page):
        page.goto("/suche/?q=Suchtberatung")
        expect(page.locator(".search-promoted .search-badge")).to_have_text("Top-Treffer")
        assert_accessible(page)
        links = page.locator(".search-results__list .search-hit__title a")
        target = links.nth(1)
        expect(target).to_be_visible()
        href = target.get_attribute("href")

        target.click()

        # A plain link: the browser goes straight to the page, no redirect in between.
        expect(page).to_have_url(f"{live_server.url}{href}")

    in_browser(live_server.url, steps)

    assert wait_for_click_rank("suchtberatung") == 2
