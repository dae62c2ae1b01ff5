"""The events of the demo in a browser: overview, filters, an event with its programme and
documentation, and the way to its proposal board – axe-core clean, by keyboard."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


def test_visitor_filters_past_events_and_reads_the_documentation(page, demo_site):
    page.goto("/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Veranstaltungen"
    ).click()
    expect(page.get_by_role("link", name="Kommende Veranstaltungen")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_role("link", name="Regionaltreffen NRW")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Vergangene Veranstaltungen").click()
    page.get_by_label("Bundesland").select_option(label="Hessen")
    page.get_by_role("button", name="Filter anwenden").press("Enter")
    event = page.get_by_role("link", name="Make It Work", exact=False)
    expect(event).to_be_visible()
    assert_accessible(page)

    event.focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Forum 1 – Mehr Wirkung durch Kooperation", exact=False)
    ).to_be_visible()
    expect(page.get_by_text("Dr. Alexander Berzel", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Termin herunterladen (.ics)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Vorschläge und Punktabfrage").click()
    expect(page.get_by_role("heading", name="Peer-Mentoring", exact=False).first).to_be_visible()
    assert_accessible(page)
