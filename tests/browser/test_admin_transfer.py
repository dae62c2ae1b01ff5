"""An editor imports practices in the admin with the keyboard: a bad row, the fix, the import."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

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


def log_in(page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_editor_fixes_a_bad_row_and_imports(page, editor_login):
    from practices.models import PracticePage

    log_in(page, *editor_login)

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

    # The write runs as a task (immediately here); the run's page shows its result.
    # On a busy machine the write inside the request can outlast expect's five seconds.
    page.wait_for_url(
        re.compile(r"/admin/praxisbeispiele-transfer/import/laeufe/\d+/$"), timeout=60_000
    )
    expect(page.locator("[data-import-result]")).to_contain_text("wurde importiert")
    expect(page.locator("[data-import-summary]")).to_have_text("2 angelegt, 0 aktualisiert")
    expect(page.locator("[data-figure='created']")).to_have_text("2")
    assert_accessible(page)
    assert sorted(PracticePage.objects.values_list("title", flat=True)) == [
        "Suchtberatung im Haus",
        "Übergänge für Ältere",
    ]


def test_the_run_page_follows_a_running_import_to_its_result(page, editor_login):
    from django.contrib.auth import get_user_model

    from practices.models import ImportRun

    username, password = editor_login
    run = ImportRun.objects.create(
        user=get_user_model().objects.get(username=username),
        file_name="praxis.csv",
        file_format="csv",
        status=ImportRun.Status.RUNNING,
        done=5,
        total=10,
    )
    log_in(page, username, password)

    page.goto(f"/admin/praxisbeispiele-transfer/import/laeufe/{run.pk}/")
    status = page.locator("[data-import-status]")
    expect(status).to_have_text("5 von 10 Praxisbeispielen")
    expect(page.get_by_label("Fortschritt des Imports")).to_have_attribute("value", "5")
    assert_accessible(page)

    ImportRun.objects.filter(pk=run.pk).update(done=8)
    expect(status).to_have_text("8 von 10 Praxisbeispielen")

    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.DONE, done=10, created=10)
    expect(page.locator("[data-import-summary]")).to_have_text("10 angelegt, 0 aktualisiert")
