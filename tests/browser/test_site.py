import re

from playwright.sync_api import expect

from cms.demo import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible


def test_home_page_in_german_with_working_navigation(page, demo_site):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    labels = nav.get_by_role("link").all_inner_texts()
    assert labels == [
        "Praxisbeispiele",
        "Magazin",
        "Handlungshilfen",
        "Veranstaltungen",
        "Angebote",
        "Karte",
        "Forum",
        "Suche",
    ]
    assert_accessible(page)

    for label, heading in [
        ("Praxisbeispiele", "Praxisbeispiele"),
        ("Magazin", "Magazin „chancen“"),
        ("Handlungshilfen", "Handlungshilfen"),
        ("Angebote", "Angebote"),
        ("Karte", "Karte"),
        ("Suche", "Suche"),
    ]:
        page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
            "link", name=label, exact=True
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Forum").click()
    expect(page).to_have_url(re.compile(r"/konto/anmelden/\?next=/forum/"))


def test_skip_link_moves_focus_to_main_content(page, demo_site):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def test_login_by_keyboard_alone(page, demo_site):
    page.goto("/konto/anmelden/")
    assert_accessible(page)
    page.get_by_label("Benutzername").focus()
    page.keyboard.type("anna.berger")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Passwort")).to_be_focused()
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/konto/profil/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihr Profil")
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()
    assert_accessible(page)


def test_failed_login_shows_accessible_error(page, demo_site):
    page.goto("/konto/anmelden/")
    page.get_by_label("Benutzername").fill("anna.berger")
    page.get_by_label("Passwort").fill("falsch")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("alert")).to_contain_text("Benutzername oder Passwort ist falsch")
    assert_accessible(page)


def test_layout_is_responsive_on_a_phone(browser, live_server, demo_site):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, locale="de-DE"
    )
    page = context.new_page()
    page.goto("/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    expect(nav).to_be_visible()
    # The links fold behind "Menü", which opens and closes by keyboard.
    menu = nav.get_by_role("button", name="Menü")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="Forum")).to_be_hidden()
    assert page.locator("header").bounding_box()["height"] < 200
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Forum")).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    menu.click()
    nav.get_by_role("link", name="Forum").click()
    expect(page).to_have_url(re.compile(r"/forum/$"))
    # On a wide screen the links show and the button does not.
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(menu).to_be_hidden()
    expect(nav.get_by_role("link", name="Forum")).to_be_visible()
    context.close()


def test_accessibility_helper_reports_violations(browser):
    from tests.browser.conftest import axe_violations

    page = browser.new_page()
    page.set_content('<html><body><img src="data:,"><input type="text"></body></html>')
    found = {violation["id"] for violation in axe_violations(page)}
    page.close()
    assert {"html-has-lang", "image-alt", "label"} <= found
