"""A member saves a practice filter by keyboard and finds it under "Meine Suchaufträge"."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories.accounts import PASSWORD

FILTERS = "/praxisbeispiele/?zielgruppe=alleinerziehende&bundesland=NW"
NAME = "Praxisbeispiele: Alleinerziehende, Nordrhein-Westfalen"


def test_member_saves_a_filter_by_keyboard_and_sees_it_listed(page, transactional_db):
    from cms.accounts.groups import STAFF
    from tests.factories import create_user
    from tests.factories.practices import practice_index

    practice_index()
    create_user(STAFF, username="mitglied")
    page.goto("/konto/anmelden/")
    page.get_by_label("Benutzername").fill("mitglied")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()

    page.goto(FILTERS)
    save = page.get_by_role("form", name="Suche speichern")
    expect(save).to_be_visible()
    assert_accessible(page)
    frequency = save.get_by_label("E-Mail bei neuen Treffern")
    frequency.focus()
    frequency.select_option(label="Sofort")
    page.keyboard.press("Tab")
    button = save.get_by_role("button", name="Suche speichern")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Meine Suchaufträge")
    expect(page.locator(".messages")).to_contain_text(f"„{NAME}“ wurde gespeichert")
    expect(page.get_by_role("heading", level=2, name=NAME)).to_be_visible()
    entry = page.get_by_role("form", name=NAME)
    expect(entry.get_by_label("E-Mail bei neuen Treffern")).to_have_value("immediate")
    assert_accessible(page)

    # Renamed by keyboard: type the name, Enter submits the entry's form.
    name = entry.get_by_label("Name")
    name.fill("Alleinerziehende NRW")
    name.press("Enter")
    expect(page.locator(".messages")).to_contain_text("„Alleinerziehende NRW“ wurden gespeichert")
    expect(page.get_by_role("heading", level=2, name="Alleinerziehende NRW")).to_be_visible()
