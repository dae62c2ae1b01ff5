"""An editor imports practices in the admin with the keyboard: a bad row, the fix, the import."""

import re

import pytest
from playwright.sync_api import expect

HEADER = "title;teaser;status;topics\r\n"
GOOD = "Suchtberatung im Haus;Sprechstunde vor Ort.;laufend;Sucht\r\n"


@pytest.fixture
def editor_login(transactional_db, settings, tmp_path):
    from cms.accounts.groups import EDITORS, groups_sync
    from tests.factories.accounts import PASSWORD, create_user
    from tests.factories.practices import practice_index

    settings.PRACTICE_IMPORT_DIR = str(tmp_path)
    practice_index()
    groups_sync()
    create_user(EDITORS, username="redakteurin")
    return "redakteurin", PASSWORD


def csv_payload(second_status: str) -> dict:
    text = HEADER + GOOD + f"Übergänge für Ältere;Begleitung.;{second_status};Gesundheit\r\n"
    return {"name": "praxis.csv", "mimeType": "text/csv", "buffer": ("\ufeff" + text).encode()}


def submit_by_keyboard(page, file_payload: dict) -> None:
    page.locator("#id_file").set_input_files(file_payload)
    page.locator("#id_file").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Datei prüfen")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")


def test_editor_fixes_a_bad_row_and_imports(page, editor_login):
    from practices.models import PracticePage

    username, password = editor_login
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto("/admin/praxisbeispiele-transfer/import/")
    expect(page.get_by_role("heading", name="Praxisbeispiele importieren")).to_be_visible()
    submit_by_keyboard(page, csv_payload("unbekannt"))

    errors = page.locator("[data-import-errors]")
    expect(errors.get_by_role("heading")).to_contain_text("1 Fehler")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody tr td").nth(0)).to_have_text("Zeile 3")
    expect(errors.locator("tbody tr td").nth(1)).to_have_text("status")
    assert not PracticePage.objects.exists()

    submit_by_keyboard(page, csv_payload("Erprobung"))
    confirm = page.get_by_role("button", name="Jetzt importieren")
    expect(page.locator("[data-figure='creates']")).to_have_text("2")
    confirm.focus()
    page.keyboard.press("Enter")

    expect(page.locator("[data-import-result]")).to_contain_text("wurde importiert")
    expect(page.locator("[data-figure='created']")).to_have_text("2")
    assert sorted(PracticePage.objects.values_list("title", flat=True)) == [
        "Suchtberatung im Haus",
        "Übergänge für Ältere",
    ]
