import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from cms.demo import DEMO_PASSWORD
from practices.models import PracticePage
from tests.browser.conftest import assert_accessible


def log_in(page, username: str) -> None:
    page.goto("/konto/anmelden/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()


def test_newcomer_filters_library_and_shares_the_url(page, demo_site):
    page.goto("/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Praxisbeispiele"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Praxisbeispiele")
    public = PracticePage.objects.live().public().count()
    expect(page.get_by_role("status")).to_have_text(f"{public} Praxisbeispiele")
    assert_accessible(page)

    page.locator("summary", has_text="Bundesland").click()
    page.get_by_role("group", name="Bundesland", exact=True).get_by_label(
        "Nordrhein-Westfalen"
    ).check()
    page.locator("summary", has_text="Partnertyp").click()
    page.get_by_label("Suchtberatung").check()
    page.get_by_role("button", name="Filter anwenden").click()

    expect(page.get_by_role("status")).to_have_text("1 Praxisbeispiel")
    query = parse_qs(urlparse(page.url).query)
    assert query["bundesland"] == ["NW"] and query["partner"] == ["suchtberatung"]
    assert_accessible(page)

    shared = page.context.new_page()
    shared.goto(page.url)
    expect(shared.get_by_role("status")).to_have_text("1 Praxisbeispiel")
    expect(
        shared.get_by_role("group", name="Bundesland", exact=True).get_by_label(
            "Nordrhein-Westfalen"
        )
    ).to_be_checked()
    shared.close()

    page.get_by_role("link", name="Offene Sprechstunde der Suchtberatung im Jobcenter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Offene Sprechstunde der Suchtberatung im Jobcenter"
    )
    expect(page.get_by_role("heading", name="Ausgangslage")).to_be_visible()
    expect(page.get_by_role("link", name="Jobcenter Dortmund")).to_be_visible()
    assert_accessible(page)


def test_staff_only_practice_needs_login(page, demo_site):
    page.goto("/praxisbeispiele/")
    expect(page.get_by_text("Gemeinsame Fallkonferenzen")).to_have_count(0)
    page.goto("/praxisbeispiele/schuldnerberatung-fallkonferenzen-kassel/")
    expect(page).to_have_url(re.compile(r"/konto/anmelden/"))
    page.get_by_label("Benutzername").fill("maria.schulz")
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Gemeinsame Fallkonferenzen mit der Schuldnerberatung"
    )


def test_staff_member_submits_a_practice(page, demo_site):
    log_in(page, "anna.berger")
    page.goto("/praxisbeispiele/")
    page.get_by_role("link", name="Praxisbeispiel einreichen").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Schnuppertage beim Träger")
    page.get_by_label("Kurzbeschreibung").fill(
        "Vor Maßnahmebeginn lernen Teilnehmende den Träger an zwei Tagen kennen."
    )
    page.get_by_label("Status").select_option(label="Erprobung")
    page.get_by_label("Jobcenter", exact=True).select_option(label="Jobcenter EN")
    page.get_by_label("Übergabe/Aufnahme beim Träger").check()
    page.get_by_label("Ausgangslage").fill("Viele Teilnehmende erscheinen am ersten Tag nicht.")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihre Einreichung")
    assert_accessible(page)

    practice = PracticePage.objects.get(title="Schnuppertage beim Träger")
    assert not practice.live
    assert practice.current_workflow_state.status == "in_progress"
