"""Import and export of practices in the Wagtail admin (practices/admin_transfer.py)."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from cms.accounts.groups import MODERATORS, groups_sync
from practices.models import PracticePage
from practices.transfer import CSV_COLUMNS
from tests.factories.accounts import create_user
from tests.factories.practices import create_jobcenter, create_practice

pytestmark = pytest.mark.django_db
IMPORT = "/admin/praxisbeispiele-transfer/import/"
CONFIRM = "/admin/praxisbeispiele-transfer/import/bestaetigen/"
EXPORT = "/admin/praxisbeispiele-transfer/export/"
HEADER = ["external_id", "title", "teaser", "status", "topics", "bundesland", "jobcenters"]


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.PRACTICE_IMPORT_DIR = str(tmp_path)
    return tmp_path / "practice-imports"


@pytest.fixture
def editor_client(client, editor, library):
    groups_sync()
    client.force_login(editor)
    return client


def csv_file(rows, *, header=HEADER, name="praxis.csv", delimiter=";") -> SimpleUploadedFile:
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, ("\ufeff" + stream.getvalue()).encode("utf-8"))


def good_rows(status_of_second: str = "Erprobung") -> list[list[str]]:
    return [
        ["he-001", "Suchtberatung im Haus", "Sprechstunde vor Ort.", "laufend", "Sucht", "HE", ""],
        [
            "nw-002",
            "Übergänge für Ältere",
            "Begleitung beim Rechtskreiswechsel.",
            status_of_second,
            "Übergänge/Rechtskreiswechsel | Gesundheit",
            "NW",
            "Jobcenter Märkischer Kreis",
        ],
    ]


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def error_table(response) -> list[list[str]]:
    return [
        [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in soup(response).select("[data-import-error]")
    ]


def figures(response, selector: str) -> dict[str, str]:
    section = soup(response).select_one(selector)
    return {dd["data-figure"]: dd.get_text(strip=True) for dd in section.select("dd")}


class TestImport:
    def test_a_bad_row_is_shown_then_the_fixed_file_is_checked_and_imported(self, editor_client):
        response = editor_client.post(IMPORT, {"file": csv_file(good_rows("unbekannt"))})

        assert response.status_code == 200
        [[where, column, message]] = error_table(response)
        assert (where, column) == ("Zeile 3", "status")
        assert "„unbekannt“" in message
        assert soup(response).select_one("[data-import-confirm]") is None
        assert not PracticePage.objects.exists()

        response = editor_client.post(IMPORT, {"file": csv_file(good_rows())})

        assert error_table(response) == []
        assert figures(response, "[data-import-plan]") == {
            "creates": "2",
            "updates": "0",
            "jobcenters": "1",
        }
        assert not PracticePage.objects.exists()
        token = soup(response).select_one("[data-import-confirm] input[name=token]")["value"]

        response = editor_client.post(CONFIRM, {"token": token}, follow=True)

        assert figures(response, "[data-import-result]") == {
            "created": "2",
            "updated": "0",
            "jobcenters-created": "1",
        }
        older = PracticePage.objects.get(external_id="nw-002")
        assert older.title == "Übergänge für Ältere"
        assert older.live
        assert [topic.name for topic in older.topics.all()] == [
            "Gesundheit",
            "Übergänge/Rechtskreiswechsel",
        ]
        assert [jc.name for jc in older.jobcenters.all()] == ["Jobcenter Märkischer Kreis"]

    def test_the_same_token_cannot_import_twice(self, editor_client):
        response = editor_client.post(IMPORT, {"file": csv_file(good_rows())})
        token = soup(response).select_one("[data-import-confirm] input[name=token]")["value"]
        editor_client.post(CONFIRM, {"token": token})

        response = editor_client.post(CONFIRM, {"token": token})

        assert soup(response).select_one("[data-import-expired]") is not None
        assert PracticePage.objects.count() == 2

    def test_a_forged_token_writes_nothing(self, editor_client):
        response = editor_client.post(CONFIRM, {"token": "abc:def"})

        assert soup(response).select_one("[data-import-expired]") is not None
        assert not PracticePage.objects.exists()

    def test_another_editors_token_does_not_work(self, editor_client, client):
        response = editor_client.post(IMPORT, {"file": csv_file(good_rows())})
        token = soup(response).select_one("[data-import-confirm] input[name=token]")["value"]
        other = create_user("Redaktion", username="zweite-redakteurin")
        client.force_login(other)

        response = client.post(CONFIRM, {"token": token})

        assert soup(response).select_one("[data-import-expired]") is not None
        assert not PracticePage.objects.exists()

    def test_json_errors_name_the_record_and_field(self, editor_client):
        data = [{"title": "Gut", "teaser": "Gut."}, {"title": "Ohne Teaser", "start": "1.3.2024"}]
        upload = SimpleUploadedFile("praxis.json", json.dumps(data).encode())

        response = editor_client.post(IMPORT, {"file": upload})

        rows = error_table(response)
        assert [(where, field) for where, field, _ in rows] == [
            ("Datensatz 2", "teaser"),
            ("Datensatz 2", "start"),
        ]
        assert not PracticePage.objects.exists()

    def test_an_existing_external_id_is_updated(self, editor_client):
        create_practice("Alter Titel", external_id="he-001")

        response = editor_client.post(IMPORT, {"file": csv_file(good_rows()[:1])})

        assert figures(response, "[data-import-plan]")["updates"] == "1"
        token = soup(response).select_one("[data-import-confirm] input[name=token]")["value"]
        editor_client.post(CONFIRM, {"token": token})
        assert PracticePage.objects.get(external_id="he-001").title == "Suchtberatung im Haus"

    def test_a_csv_saved_by_excel_with_german_dates_and_windows_encoding_is_read(
        self, editor_client
    ):
        text = "title;teaser;start;end\r\nKöln hilft;Kurz.;01.03.2024;31.12.2025\r\n"
        upload = SimpleUploadedFile("praxis.csv", text.encode("cp1252"))

        response = editor_client.post(IMPORT, {"file": upload})

        assert error_table(response) == []
        token = soup(response).select_one("[data-import-confirm] input[name=token]")["value"]
        editor_client.post(CONFIRM, {"token": token})
        page = PracticePage.objects.get()
        assert (page.title, page.start_date.isoformat()) == ("Köln hilft", "2024-03-01")

    @pytest.mark.parametrize(
        "upload, expected",
        [
            (SimpleUploadedFile("praxis.txt", b"title\n"), "JSON- oder CSV-Datei"),
            (SimpleUploadedFile("praxis.json", b""), "leer"),
            (SimpleUploadedFile("praxis.json", "[]".encode("utf-16")), "nicht UTF-8"),
        ],
    )
    def test_bad_uploads_get_a_german_message(self, editor_client, upload, expected):
        response = editor_client.post(IMPORT, {"file": upload})

        assert response.status_code == 200
        errors = soup(response).select_one("[data-import-upload] .error-message")
        assert errors is not None and expected in errors.get_text()
        assert not PracticePage.objects.exists()

    def test_a_file_over_the_limit_is_refused(self, editor_client, monkeypatch):
        monkeypatch.setattr("practices.admin_transfer.MAX_UPLOAD_BYTES", 10)
        response = editor_client.post(IMPORT, {"file": csv_file(good_rows())})

        errors = soup(response).select_one("[data-import-upload] .error-message")
        assert "größer als 5 MB" in errors.get_text()

    def test_unknown_columns_and_broken_json_are_file_errors(self, editor_client):
        upload = csv_file([["x"]], header=["titel"])
        rows = error_table(editor_client.post(IMPORT, {"file": upload}))
        assert rows[0][0] == "Datei" and "„titel“" in rows[0][2]

        upload = SimpleUploadedFile("praxis.json", b"[{")
        rows = error_table(editor_client.post(IMPORT, {"file": upload}))
        assert rows[0][0] == "Datei" and "kein gültiges JSON" in rows[0][2]


class TestPermissions:
    def test_a_moderator_is_refused_and_the_menu_hides_it(self, client, library):
        groups_sync()
        client.force_login(create_user(MODERATORS, username="moderatorin"))

        for url in (IMPORT, EXPORT, f"{EXPORT}?format=csv"):
            assert client.get(url).status_code == 302
        response = client.post(IMPORT, {"file": csv_file(good_rows())})
        assert response.status_code == 302
        assert not PracticePage.objects.exists()
        admin_home = client.get("/admin/").content.decode()
        assert "/admin/praxisbeispiele-transfer/" not in admin_home

    def test_network_staff_without_admin_access_go_to_the_login(self, client, staff_user):
        client.force_login(staff_user)

        assert client.get(EXPORT).status_code == 302

    def test_the_editor_sees_the_menu(self, editor_client):
        admin_home = editor_client.get("/admin/").content.decode()

        assert IMPORT in admin_home and EXPORT in admin_home


def read_excel_csv(response) -> tuple[str, list[list[str]]]:
    text = response.content.decode("utf-8")
    return text, list(
        csv.reader(io.StringIO(text.lstrip("\ufeff")), dialect="excel", delimiter=";")
    )


class TestExport:
    def test_csv_opens_in_german_excel_with_one_row_per_practice(self, editor_client):
        jobcenter = create_jobcenter("Jobcenter Münster")
        create_practice(
            "Grüne Wege für Ältere",
            jobcenters=[jobcenter],
            topics=["sucht"],
            teaser="Erster Absatz.\n\nZweiter; mit Semikolon.",
        )
        create_practice("=SUMME(A1)", staff_only=True)

        response = editor_client.get(EXPORT, {"format": "csv"})

        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert "attachment" in response["Content-Disposition"]
        text, rows = read_excel_csv(response)
        assert text.startswith("\ufeff")
        assert "\r\n" in text
        assert rows[0] == CSV_COLUMNS
        assert len(rows) == 3
        by_title = {row[1]: dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]}
        green = by_title["Grüne Wege für Ältere"]
        assert green["jobcenters"] == "Jobcenter Münster"
        assert green["teaser"] == "Erster Absatz.\n\nZweiter; mit Semikolon."
        assert by_title["'=SUMME(A1)"]["visibility"] == "staff"

    def test_xlsx_has_the_same_columns_and_text_cells(self, editor_client):
        create_practice("Grüne Wege für Ältere")
        create_practice("=SUMME(A1)")

        response = editor_client.get(EXPORT, {"format": "xlsx"})

        assert response["Content-Disposition"].endswith('.xlsx"')
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
        assert rows[0] == CSV_COLUMNS
        titles = sorted(row[1] for row in rows[1:])
        assert titles == ["=SUMME(A1)", "Grüne Wege für Ältere"]
        # Written as text, "=SUMME(A1)" is not run as a formula.
        cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value]
        assert {cell.data_type for cell in cells} == {"s"}

    def test_the_exported_csv_imports_again_without_changes(self, editor_client):
        create_practice("Schuldnerberatung", external_id="rp-7", topics=["schulden"])
        exported = editor_client.get(EXPORT, {"format": "csv"}).content

        response = editor_client.post(IMPORT, {"file": SimpleUploadedFile("export.csv", exported)})

        assert error_table(response) == []
        assert figures(response, "[data-import-plan]")["updates"] == "1"

    def test_the_public_lists_filters_limit_the_export(self, editor_client):
        create_practice("Sucht", topics=["sucht"])
        create_practice("Schulden", topics=["schulden"])

        page = editor_client.get(EXPORT, {"handlungsfeld": "sucht"})
        links = [a["href"] for a in soup(page).select("[data-export-links] a")]
        response = editor_client.get(EXPORT + links[2])

        assert links[2] == "?handlungsfeld=sucht&format=json"
        assert [record["title"] for record in json.loads(response.content)] == ["Sucht"]

    def test_an_unknown_filter_value_is_reported_and_nothing_downloaded(self, editor_client):
        response = editor_client.get(EXPORT, {"handlungsfeld": "gibtsnicht", "format": "csv"})

        assert response["Content-Type"].startswith("text/html")
        assert "gibtsnicht" in soup(response).select_one("[data-export-errors]").get_text()

    def test_the_export_runs_a_constant_number_of_queries(self, editor_client):
        jobcenter = create_jobcenter()
        create_practice(jobcenters=[jobcenter], topics=["sucht"])
        create_practice(jobcenters=[jobcenter], topics=["sucht"])
        # The first request fills the caches of the admin and of the filter choices.
        editor_client.get(EXPORT, {"format": "csv"})
        with CaptureQueriesContext(connection) as two:
            editor_client.get(EXPORT, {"format": "csv"})
        for _ in range(4):
            create_practice(jobcenters=[jobcenter], topics=["sucht", "schulden"])
        with CaptureQueriesContext(connection) as six:
            editor_client.get(EXPORT, {"format": "csv"})

        assert len(six) == len(two)
