from playwright.sync_api import expect

from cms.legal import AccessibilityFeedback
from tests.browser.conftest import assert_accessible


def test_leichte_sprache_is_linked_from_the_header(page, demo_site):
    page.goto("/praxisbeispiele/")
    page.locator("header.site-header").get_by_role("link", name="Leichte Sprache").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Leichte Sprache")
    expect(page.get_by_role("heading", name="Wie suchen Sie etwas?")).to_be_visible()
    assert_accessible(page)


def test_report_a_barrier_by_keyboard(page, demo_site):
    page.goto("/")
    page.locator("footer").get_by_role("link", name="Barrierefreiheit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erklärung zur Barrierefreiheit")
    expect(page.get_by_role("link", name="Schlichtungsstelle nach § 16 BGG")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Welche Barriere haben Sie gefunden?").focus()
    page.keyboard.type("Die Karte lässt sich nicht mit der Tastatur bedienen.")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Adresse (URL) oder Name der betroffenen Seite")).to_be_focused()
    page.keyboard.type("/karte/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Ihre E-Mail-Adresse")).to_be_focused()
    page.keyboard.type("eva@example.de")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Meldung absenden")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Vielen Dank für Ihre Meldung")
    assert_accessible(page)
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.page_address == "/karte/"
    assert feedback.email == "eva@example.de"


def test_missing_description_is_announced_in_german(page, demo_site):
    page.goto("/barrierefreiheit/")
    page.get_by_role("button", name="Meldung absenden").click()

    expect(page.locator("#id_description_error")).to_have_text(
        "Bitte beschreiben Sie die Barriere."
    )
    assert_accessible(page)
    assert not AccessibilityFeedback.objects.exists()
