"""A member follows their submissions; the Redaktion declines one, asks for changes to another."""

from datetime import date

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

NOTE = "Bitte ergänzen Sie die Ergebnisse mit Zahlen."
REASON = "Dieses Vorgehen ist schon als Praxisbeispiel veröffentlicht."


def decide_in_the_editor(editor, practice, action: str, text: str) -> None:
    editor.goto(f"/admin/pages/{practice.pk}/edit/")
    editor.locator("[data-w-dropdown-target='toggle']").last.click()
    editor.locator(f"button[data-workflow-action-name='{action}']").click()
    dialog = editor.get_by_role("dialog")
    if action == "decline":
        # The reason is required: the dialog says so and stays open.
        dialog.locator("form button[type='submit']").click()
        expect(dialog).to_contain_text("Bitte geben Sie den Grund für die Ablehnung an.")
        expect(dialog).to_contain_text("Begründung der Ablehnung")
    dialog.locator("textarea[name='comment']").fill(text)
    dialog.locator("form button[type='submit']").click()
    expect(editor.locator(".messages")).to_be_visible()


def test_member_sees_the_decisions_and_answers_the_change_request(demo_site, open_as):
    from cms.accounts.models import User
    from practices.models import PracticePage
    from tests.factories.practices import create_submission

    anna = User.objects.get(username="anna.berger")
    asked = create_submission(anna, "Schnuppertage beim Träger", start_date=date(2025, 3, 1))
    declined = create_submission(anna, "Ein zweites Jobcenter-Café")
    editor = open_as("redaktion2", admin=True)
    decide_in_the_editor(editor, asked, "reject", NOTE)
    decide_in_the_editor(editor, declined, "decline", REASON)

    member = open_as("anna.berger")
    member.goto("/konto/profil/")
    member.get_by_role("link", name="Meine Einreichungen").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Meine Einreichungen")
    refused = member.get_by_role("article", name="Ein zweites Jobcenter-Café")
    expect(refused).to_contain_text("Abgelehnt")
    expect(refused).to_contain_text(REASON)
    changes = member.get_by_role("article", name="Schnuppertage beim Träger")
    expect(changes).to_contain_text("Änderungen erbeten")
    expect(changes).to_contain_text(NOTE)
    assert_accessible(member)

    changes.get_by_role("link", name="Überarbeiten und erneut einreichen").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Einreichung überarbeiten")
    expect(member.get_by_label("Titel")).to_have_value("Schnuppertage beim Träger")
    expect(member.get_by_label("Beginn")).to_have_value("01.03.2025")
    assert_accessible(member)
    member.get_by_label("Ergebnisse").fill("Neun von zehn kamen am ersten Tag.")
    member.get_by_role("button", name="Erneut zur Prüfung einreichen").click()

    expect(member.locator(".messages")).to_contain_text("wieder zur Prüfung vor")
    expect(member.get_by_role("article", name="Schnuppertage beim Träger")).to_contain_text(
        "In Prüfung"
    )
    assert_accessible(member)
    practice = PracticePage.objects.get(pk=asked.pk)
    assert practice.current_workflow_state.status == "in_progress"
    assert "Neun von zehn" in str(practice.latest_revision.as_object().body)
