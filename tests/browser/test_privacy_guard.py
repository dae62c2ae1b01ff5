"""The data-protection guard in the practice submission: the warning is announced and usable,
and "Trotzdem einreichen" sends the practice to the Redaktion with a note."""

from playwright.sync_api import expect
from wagtail.models import Comment

from practices.models import PracticePage
from tests.browser.conftest import assert_accessible
from tests.browser.test_practices import log_in


def test_staff_member_submits_anyway_after_the_warning(page, demo_site):
    log_in(page, "anna.berger")
    page.goto("/praxisbeispiel-einreichen/")
    page.get_by_label("Titel").fill("Hausbesuche mit der Schuldnerberatung")
    page.get_by_label("Kurzbeschreibung").fill("Beratung zu Hause statt im Jobcenter.")
    page.get_by_label("Status").select_option(label="Erprobung")
    page.get_by_label("Jobcenter", exact=True).select_option(label="Jobcenter EN")
    page.get_by_label("Ausgangslage").fill("Herr Max Mustermann, Hauptstraße 5, kam nie.")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()

    warning = page.get_by_role("alert").filter(has_text="Mögliche personenbezogene Daten")
    expect(warning).to_contain_text("Name mit Anschrift: Herr Max Mustermann, Hauptstraße 5")
    assert_accessible(page)
    assert not PracticePage.objects.filter(title="Hausbesuche mit der Schuldnerberatung").exists()

    warning.get_by_role("button", name="Trotzdem einreichen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihre Einreichung")
    practice = PracticePage.objects.get(title="Hausbesuche mit der Schuldnerberatung")
    assert "Name mit Anschrift" in Comment.objects.get(page=practice).text
