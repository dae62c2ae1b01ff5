"""A confirmed import runs as a task; its page shows the progress, then the result or errors."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.accounts.groups import EDITORS, MODERATORS, groups_sync
from practices.import_runs import import_run_execute
from practices.models import ImportRun, PracticePage
from tests.factories.accounts import create_user

pytestmark = pytest.mark.django_db
IMPORT = "/admin/praxisbeispiele-transfer/import/"
CONFIRM = "/admin/praxisbeispiele-transfer/import/bestaetigen/"
GOOD_CSV = (
    "title;teaser;status;topics\r\n"
    "Suchtberatung im Haus;Sprechstunde vor Ort.;laufend;Sucht\r\n"
    "Übergänge für Ältere;Begleitung.;Erprobung;Gesundheit\r\n"
)


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.PRACTICE_IMPORT_DIR = str(tmp_path)


@pytest.fixture
def editor_client(client, editor, library):
    groups_sync()
    client.force_login(editor)
    return client


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def confirm(client, text: str = GOOD_CSV, name: str = "praxis.csv"):
    response = client.post(IMPORT, {"file": SimpleUploadedFile(name, text.encode("utf-8"))})
    form = soup_of(response).select_one("[data-import-confirm]")
    token = form.select_one("input[name=token]")["value"]
    return client.post(CONFIRM, {"token": token}, follow=True)


def run_url(run: ImportRun) -> str:
    return reverse("practice_transfer:run", args=[run.pk])


class TestConfirm:
    def test_the_confirm_ends_on_the_run_page_with_the_counts(self, editor_client, editor):
        response = confirm(editor_client)

        run = ImportRun.objects.get()
        assert response.redirect_chain == [(run_url(run), 302)]
        page = soup_of(response)
        result = page.select_one("[data-import-result]")
        assert "wurde importiert" in result.h2.get_text()
        assert page.select_one("[data-import-summary]").get_text(strip=True) == (
            "2 angelegt, 0 aktualisiert"
        )
        assert page.select_one("[data-import-summary]")["role"] == "status"
        assert page.select_one("progress") is None
        assert (run.status, run.done, run.total, run.created, run.user) == (
            "done",
            2,
            2,
            2,
            editor,
        )
        # The file is not kept once written.
        assert run.source == ""
        assert PracticePage.objects.filter(live=True).count() == 2

    def test_the_status_view_reports_the_finished_run(self, editor_client):
        confirm(editor_client)
        run = ImportRun.objects.get()

        data = editor_client.get(reverse("practice_transfer:run_status", args=[run.pk])).json()

        assert data == {
            "status": "done",
            "finished": True,
            "done": 2,
            "total": 2,
            "text": "2 von 2 Praxisbeispielen",
        }


class TestRunningRun:
    @pytest.fixture
    def running(self, editor):
        return ImportRun.objects.create(
            user=editor,
            file_name="praxis.csv",
            file_format="csv",
            status=ImportRun.Status.RUNNING,
            done=5,
            total=10,
        )

    def test_shows_half_done_and_keeps_refreshing(self, editor_client, running):
        page = soup_of(editor_client.get(run_url(running)))

        bar = page.select_one("[data-import-progress] progress")
        assert (bar["value"], bar["max"], bar.get_text(strip=True)) == ("5", "10", "50 %")
        assert page.find("label", attrs={"for": bar["id"]}) is not None
        status = page.select_one("[data-import-status]")
        assert status.get_text(strip=True) == "5 von 10 Praxisbeispielen"
        assert (status["role"], status["aria-live"]) == ("status", "polite")
        # With a script the page follows the JSON status; without one it refreshes itself.
        assert page.select_one("script[src$='practices/import-run.js']") is not None
        assert 'http-equiv="refresh"' in str(page.select_one("head noscript") or page)

    def test_a_finished_run_no_longer_refreshes(self, editor_client, running):
        running.status = ImportRun.Status.DONE
        running.save()

        page = soup_of(editor_client.get(run_url(running)))

        assert page.select_one("script[src$='practices/import-run.js']") is None
        assert page.select_one("meta[http-equiv=refresh]") is None


class TestPermissions:
    @pytest.fixture
    def run(self, editor):
        return ImportRun.objects.create(user=editor, file_name="praxis.csv", file_format="csv")

    def test_another_editor_does_not_see_the_run(self, client, library, run):
        groups_sync()
        client.force_login(create_user(EDITORS, username="zweite-redakteurin"))

        assert client.get(run_url(run)).status_code == 404
        status_url = reverse("practice_transfer:run_status", args=[run.pk])
        assert client.get(status_url).status_code == 404

    def test_a_user_without_transfer_permission_is_refused(self, client, library, run):
        groups_sync()
        client.force_login(create_user(MODERATORS, username="moderatorin"))

        response = client.get(run_url(run))

        assert response.status_code in (302, 403)
        assert "praxis.csv" not in response.content.decode()

    def test_a_superuser_sees_every_run(self, client, library, run):
        client.force_login(create_user(username="admin", is_superuser=True, is_staff=True))

        assert client.get(run_url(run)).status_code == 200


class TestFailure:
    def test_a_failing_write_marks_the_run_failed_and_writes_nothing(
        self, editor_client, monkeypatch
    ):
        from practices.transfer import writing

        def broken_write(*args, **kwargs):
            raise RuntimeError("disk full")

        written = []
        original = writing._practice_write

        def write_then_break(*args, **kwargs):
            if written:
                broken_write()
            written.append(original(*args, **kwargs))
            return written[-1]

        monkeypatch.setattr(writing, "_practice_write", write_then_break)

        page = soup_of(confirm(editor_client))

        run = ImportRun.objects.get()
        assert run.status == ImportRun.Status.FAILED
        assert "nichts wurde geschrieben" in run.message
        message = page.select_one("[data-import-message]")
        assert message.get_text(strip=True) == run.message
        assert message["role"] == "alert"
        # The first practice was written, then rolled back with the rest.
        assert len(written) == 1
        assert not PracticePage.objects.exists()

    def test_data_changed_since_the_check_is_listed_as_errors(self, editor_client, editor):
        run = ImportRun.objects.create(
            user=editor,
            file_name="praxis.csv",
            file_format="csv",
            source="title;teaser;status\r\nOhne Status;Text.;verschwunden\r\n",
        )

        assert import_run_execute(run_id=run.pk) == ImportRun.Status.FAILED

        page = soup_of(editor_client.get(run_url(run)))
        [row] = page.select("[data-import-error]")
        assert [cell.get_text(strip=True) for cell in row.find_all("td")][:2] == [
            "Zeile 2",
            "status",
        ]
        assert not PracticePage.objects.exists()

    def test_a_run_is_written_once_even_if_its_task_comes_twice(self, editor_client):
        confirm(editor_client)
        run = ImportRun.objects.get()

        assert import_run_execute(run_id=run.pk) == ""
        assert PracticePage.objects.count() == 2
