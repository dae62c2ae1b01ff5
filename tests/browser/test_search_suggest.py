"""Suggestions while typing in the header and search page boxes: the ARIA combobox pattern."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from cms.demo import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible

PRACTICE = "Offene Sprechstunde der Suchtberatung im Jobcenter"
STAFF_ONLY = "Gemeinsame Fallkonferenzen mit der Schuldnerberatung"


@pytest.fixture
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""


def header_box(page):
    return page.get_by_role("combobox", name="Wissensbörse durchsuchen")


def listbox_of(page, box):
    return page.locator("#" + box.get_attribute("aria-controls"))


def test_keyboard_user_picks_a_title_from_the_header_box(page, demo_site, database_search):
    page.goto("/")
    box = header_box(page)
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    listbox = listbox_of(page, box)
    expect(listbox).to_be_hidden()

    box.press_sequentially("Offene Sprechst", delay=40)

    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text(PRACTICE)
    count = options.count()
    announced = "1 Vorschlag verfügbar" if count == 1 else f"{count} Vorschläge verfügbar"
    expect(page.locator("[aria-live=polite]", has_text=announced)).to_have_count(1)
    assert_accessible(page)

    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    expect(box).to_be_focused()

    box.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(PRACTICE)
    assert "/praxisbeispiele/" in page.url


def test_escape_closes_then_clears_and_arrows_reopen(page, demo_site, database_search):
    page.goto("/")
    box = header_box(page)
    listbox = listbox_of(page, box)
    box.press_sequentially("Sprechst", delay=40)
    expect(listbox).to_be_visible()

    box.press("Escape")

    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))
    expect(box).to_have_value("Sprechst")

    box.press("ArrowDown")
    expect(listbox).to_be_visible()
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    box.press("Escape")

    expect(box).to_have_value("")
    expect(listbox).to_be_hidden()

    box.press_sequentially("Sprechst", delay=40)
    expect(listbox).to_be_visible()
    box.press("Tab")
    expect(listbox).to_be_hidden()
    expect(box).not_to_be_focused()


def test_a_clicked_term_is_searched_from_the_search_page_box(page, demo_site, database_search):
    page.goto("/suche/")
    box = page.get_by_role("combobox", name="Suchbegriff")
    listbox = listbox_of(page, box)

    box.press_sequentially("Schuldnerb", delay=40)
    term = listbox.get_by_role("option").filter(has_text="Schlagwort")
    expect(term).to_have_count(1)
    expect(term).to_contain_text("Schuldnerberatung")
    term.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Suche")
    assert parse_qs(urlparse(page.url).query)["q"] == ["Schuldnerberatung"]
    expect(box).to_have_value("Schuldnerberatung")


def test_staff_only_titles_are_suggested_to_staff_only(page, demo_site, database_search):
    page.goto("/")
    box = header_box(page)
    listbox = listbox_of(page, box)

    box.press_sequentially("Schuldnerb", delay=40)

    expect(listbox.get_by_role("option").filter(has_text="Schlagwort")).to_have_count(1)
    expect(listbox.get_by_role("option").filter(has_text=STAFF_ONLY)).to_have_count(0)
    box.fill("")
    box.press_sequentially("Fallkonf", delay=40)
    expect(listbox.get_by_role("option").filter(has_text=STAFF_ONLY)).to_have_count(0)

    page.goto("/konto/anmelden/")
    page.get_by_label("Benutzername").fill("maria.schulz")
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()
    box = header_box(page)
    box.press_sequentially("Fallkonf", delay=40)

    expect(listbox_of(page, box).get_by_role("option").filter(has_text=STAFF_ONLY)).to_have_count(1)


def test_popup_fits_a_320_pixel_wide_screen(page, demo_site, database_search):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/")
    box = header_box(page)
    listbox = listbox_of(page, box)
    width_before = page.evaluate("document.documentElement.scrollWidth")

    box.press_sequentially("Sucht", delay=40)

    expect(listbox).to_be_visible()
    shape = listbox.bounding_box()
    assert shape["x"] >= 0 and shape["x"] + shape["width"] <= 320
    # The open popup widens nothing.
    assert page.evaluate("document.documentElement.scrollWidth") == width_before
    assert_accessible(page)
