import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import Comment, Page, PageLogEntry, PageViewRestriction, WorkflowState

from cms.accounts.groups import groups_sync
from practices.models import Jobcenter, PracticePage, PracticeStatus, Topic
from tests.factories import create_user
from tests.factories.practices import create_jobcenter

pytestmark = pytest.mark.django_db
SUBMIT = "/praxisbeispiel-einreichen/"
ONE_LINE = "Bitte geben Sie hier nur eine Zeile ohne Steuerzeichen ein."


def form_data(**overrides) -> dict:
    data = {
        "title": "Peer-Mentoring im Absolventenmanagement",
        "teaser": "Ehemalige Teilnehmende begleiten neue Teilnehmende nach der Maßnahme.",
        "jobcenters": [str(Jobcenter.objects.get(slug="jobcenter-en").pk)],
        "status": str(PracticeStatus.objects.get(slug="erprobung").pk),
        "start_date": "01.02.2025",
        "topics": [str(Topic.objects.get(slug="beratung-und-coaching").pk)],
        "section_situation": "Viele brechen nach der Maßnahme ab.\n\nDas wollten wir ändern.",
        "section_approach": "Peers <b>begleiten</b> neue Teilnehmende.",
        "contact_name": "Anna Berger",
        "contact_email": "anna.berger@jobcenter-en.example",
        "visibility": "public",
        "partner-TOTAL_FORMS": "3",
        "partner-INITIAL_FORMS": "0",
        "partner-0-partner_type": "",
        "partner-0-name": "",
        "figure-TOTAL_FORMS": "3",
        "figure-INITIAL_FORMS": "0",
        "figure-0-label": "Teilnehmende",
        "figure-0-value": "45",
    }
    data.update(overrides)
    return data


@pytest.fixture
def setup(library):
    groups_sync()
    create_jobcenter("Jobcenter EN", slug="jobcenter-en")
    return library


def submitted_and_opened_by_an_editor(client, staff_user) -> tuple:
    """``staff_user`` submits a practice; a second client session belongs to an editor."""
    client.force_login(staff_user)
    client.post(SUBMIT, form_data())
    practice = PracticePage.objects.get()
    task_state = practice.current_workflow_state.current_task_state
    editor = create_user("Redaktion", username="redaktion-zwei", email="redaktion@example.org")
    client.force_login(editor)
    return practice, task_state


def review(client, task_state, action: str, comment: str):
    page_id = task_state.workflow_state.object_id
    url = f"/admin/pages/workflow/action/{page_id}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})


def state() -> tuple:
    return (PracticePage.objects.count(), Page.objects.count(), WorkflowState.objects.count())


class TestSubmissionForm:
    def test_anonymous_is_sent_to_login(self, client, setup):
        response = client.get(SUBMIT)
        assert response.status_code == 302
        assert response["Location"] == f"/konto/anmelden/?next={SUBMIT}"

    def test_members_outside_staff_groups_are_refused(self, client, setup):
        client.force_login(create_user(username="extern"))
        assert client.get(SUBMIT).status_code == 403

    def test_form_is_german_with_help_texts(self, client, setup, staff_user):
        client.force_login(staff_user)
        html = client.get(SUBMIT).content.decode()
        for text in [
            "Praxisbeispiel einreichen",
            "Ausgangslage",
            "Von welchem Problem",
            "Kooperationspartner",
            "Kennzahlen",
            "Zur Prüfung einreichen",
            # Each row of partners and figures is a group screen readers announce by name.
            'role="group" aria-label="Partner 1"',
            'role="group" aria-label="Kennzahl 3"',
            'name="partner-TOTAL_FORMS"',
            'name="figure-TOTAL_FORMS"',
        ]:
            assert text in html

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"title": ""}, "Dieses Feld muss ausgefüllt werden."),
            ({"end_date": "01.01.2024"}, "Das Ende darf nicht vor dem Beginn liegen."),
            ({"start_date": "31.02.2025"}, "Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein."),
            ({"contact_email": "keine-adresse"}, "gültige E-Mail-Adresse"),
            ({"jobcenters": [], "bundeslaender": []}, "mindestens ein Jobcenter"),
            ({"partner-0-name": "Stadt Schwelm"}, "Bitte geben Sie Typ und Namen des Partners an."),
            ({"figure-0-value": ""}, "Bitte geben Sie Bezeichnung und Wert an."),
            ({"jobcenters": ["999999"]}, "Bitte eine gültige Auswahl treffen"),
            ({"partner-TOTAL_FORMS": "abc"}, "Management-Formular"),
            ({"title": "Erste Zeile\nzweite Zeile"}, ONE_LINE),
            ({"contact_name": "Anna\u2028Berger"}, ONE_LINE),
            ({"figure-0-label": "Teil\rnehmende"}, ONE_LINE),
        ],
    )
    def test_bad_input_gives_german_message_and_changes_nothing(
        self, client, setup, staff_user, overrides, message
    ):
        client.force_login(staff_user)
        before = state()
        response = client.post(SUBMIT, form_data(**overrides))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Bitte korrigieren Sie die markierten Felder." in html
        assert message in html
        assert state() == before


class TestSubmissionWorkflow:
    def test_submission_becomes_draft_in_review(self, client, setup, staff_user):
        client.force_login(staff_user)
        response = client.post(
            SUBMIT, form_data(**{"partner-0-partner_type": "", "section_goals": ""}), follow=True
        )
        assert "liegt jetzt der Redaktion zur Prüfung vor" in response.content.decode()
        practice = PracticePage.objects.get(title="Peer-Mentoring im Absolventenmanagement")
        assert not practice.live
        assert practice.submitted_by == staff_user
        revision = practice.latest_revision.as_object()
        assert [block.block_type for block in revision.body] == ["situation", "approach"]
        assert (
            revision.body[0].value.source
            == "<p>Viele brechen nach der Maßnahme ab.</p><p>Das wollten wir ändern.</p>"
        )
        assert "&lt;b&gt;begleiten&lt;/b&gt;" in revision.body[1].value.source
        assert [f.value for f in revision.figures.all()] == ["45"]
        assert list(revision.bundeslaender.values_list("code", flat=True)) == ["NW"]
        workflow_state = practice.current_workflow_state
        assert workflow_state is not None and workflow_state.status == "in_progress"
        assert (
            client.get(
                practice.url or "/praxisbeispiele/peer-mentoring-im-absolventenmanagement/"
            ).status_code
            == 404
        )

    def test_staff_only_submission_is_restricted(self, client, setup, staff_user):
        client.force_login(staff_user)
        client.post(SUBMIT, form_data(visibility="staff"))
        practice = PracticePage.objects.get()
        assert PageViewRestriction.objects.filter(page=practice).exists()

    def test_editor_approves_and_submitter_is_told_once(
        self, client, setup, staff_user, django_capture_on_commit_callbacks
    ):
        practice, task_state = submitted_and_opened_by_an_editor(client, staff_user)
        with django_capture_on_commit_callbacks(execute=True):
            response = review(client, task_state, "approve", "Danke!")
        assert response.status_code in (200, 302)
        practice.refresh_from_db()
        assert practice.live
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [staff_user.email]
        assert "Peer-Mentoring im Absolventenmanagement" in message.subject
        assert "ist veröffentlicht" in message.subject
        assert practice.full_url in message.body

        with django_capture_on_commit_callbacks(execute=True):
            practice.save_revision().publish()
        assert len(mail.outbox) == 1
        client.logout()
        assert "Peer-Mentoring" in client.get("/praxisbeispiele/").content.decode()

    def test_editor_asks_for_changes_and_submitter_gets_the_note(
        self, client, setup, staff_user, django_capture_on_commit_callbacks
    ):
        practice, task_state = submitted_and_opened_by_an_editor(client, staff_user)

        with django_capture_on_commit_callbacks(execute=True):
            response = review(
                client,
                task_state,
                "reject",
                "Bitte die Ergebnisse mit Zahlen belegen <b>und</b> kürzen.",
            )

        practice.refresh_from_db()
        assert response.status_code in (200, 302)
        assert not practice.live
        assert practice.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [staff_user.email]
        assert message.reply_to == ["redaktion@example.org"]
        assert message.subject == (
            "Ihr Praxisbeispiel „Peer-Mentoring im Absolventenmanagement“ braucht noch Änderungen"
        )
        assert "Bitte die Ergebnisse mit Zahlen belegen <b>und</b> kürzen." in message.body
        assert "/admin/" not in message.body
        html = message.alternatives[0][0]
        assert "Bitte die Ergebnisse mit Zahlen belegen &lt;b&gt;und&lt;/b&gt; kürzen." in html

    def test_staff_cannot_publish_directly(self, client, setup, staff_user):
        client.force_login(staff_user)
        client.post(SUBMIT, form_data())
        practice = PracticePage.objects.get()
        assert not practice.permissions_for_user(staff_user).can_publish()
        assert client.get("/admin/").status_code == 302


def png_upload(name: str = "flyer.png"):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#0b4f8a").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


class TestSubmissionUploads:
    def test_document_and_image_with_alt_text_are_attached(self, client, setup, staff_user):
        from django.core.files.uploadedfile import SimpleUploadedFile

        client.force_login(staff_user)
        pdf = SimpleUploadedFile("konzept.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
        client.post(
            SUBMIT,
            form_data(document=pdf, image=png_upload(), image_alt="Flyer der Joboffensive"),
        )
        revision = PracticePage.objects.get().latest_revision.as_object()
        assert [d.document.filename for d in revision.documents.all()] == ["konzept.pdf"]
        assert [(i.alt_text, i.image.width) for i in revision.images.all()] == [
            ("Flyer der Joboffensive", 40)
        ]

    @pytest.mark.parametrize(
        ("files", "message"),
        [
            ({"image_alt": ""}, "Bitte beschreiben Sie das Bild"),
            ({"image": "fake"}, "Bild"),
            ({"document": "exe"}, "können nicht hochgeladen werden"),
        ],
    )
    def test_bad_uploads_are_refused_and_nothing_is_saved(
        self, client, setup, staff_user, files, message
    ):
        from django.core.files.uploadedfile import SimpleUploadedFile
        from wagtail.documents.models import Document
        from wagtail.images.models import Image

        client.force_login(staff_user)
        data = form_data(image=png_upload(), image_alt="Ein Bild")
        if files.get("image") == "fake":
            data["image"] = SimpleUploadedFile("bild.png", b"kein Bild", "image/png")
        if files.get("document") == "exe":
            data["document"] = SimpleUploadedFile("tool.exe", b"MZ", "application/octet-stream")
        if "image_alt" in files:
            data["image_alt"] = files["image_alt"]
        before = (*state(), Image.objects.count(), Document.objects.count())
        response = client.post(SUBMIT, data)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert (*state(), Image.objects.count(), Document.objects.count()) == before


class TestSubmissionDataProtection:
    SECTION = "Frau Ayşe Yılmaz wohnt in der Goethestr. 12a und sucht einen Kitaplatz."

    def test_personal_data_shows_the_warning_and_saves_nothing(self, client, setup, staff_user):
        client.force_login(staff_user)
        before = state()

        response = client.post(SUBMIT, form_data(section_situation=self.SECTION))

        assert response.status_code == 200
        assert state() == before
        soup = BeautifulSoup(response.content, "html.parser")
        warning = soup.find("div", class_="personal-data-warning")
        assert warning["role"] == "alert"
        assert warning.h2.get_text() == "Mögliche personenbezogene Daten von Kund:innen"
        items = [item.get_text(" ", strip=True) for item in warning.find_all("li")]
        assert items[0].startswith(
            "Name mit Anschrift: Frau Ayşe Yılmaz wohnt in der Goethestr. 12a"
        )
        button = warning.find("button", attrs={"name": "personal_data_confirmed"})
        assert button.get_text(strip=True) == "Trotzdem einreichen"
        # The text stays in the form, to be corrected.
        assert self.SECTION in soup.find("textarea", attrs={"name": "section_situation"}).text

    def test_rows_of_partners_and_figures_are_checked_too(self, client, setup, staff_user):
        client.force_login(staff_user)
        before = state()

        response = client.post(
            SUBMIT,
            form_data(**{"figure-0-label": "Kundennummer 123D456789", "figure-0-value": "1"}),
        )

        warning = BeautifulSoup(response.content, "html.parser").find(
            "div", class_="personal-data-warning"
        )
        assert [code.get_text() for code in warning.find_all("code")] == ["123D456789"]
        assert state() == before

    def test_contact_details_of_the_contact_person_do_not_warn(self, client, setup, staff_user):
        client.force_login(staff_user)

        client.post(SUBMIT, form_data(contact_phone="02336 4480-0"))

        practice = PracticePage.objects.get()
        assert not Comment.objects.filter(page=practice).exists()

    def test_submitting_anyway_tells_the_redaktion_in_a_comment(self, client, setup, staff_user):
        client.force_login(staff_user)

        client.post(SUBMIT, form_data(section_situation=self.SECTION, personal_data_confirmed="on"))

        practice = PracticePage.objects.get()
        assert practice.current_workflow_state.status == "in_progress"
        comment = Comment.objects.get(page=practice)
        assert comment.user == staff_user
        assert comment.contentpath == "title"
        assert comment.revision_created == practice.latest_revision
        assert "Trotz Datenschutz-Hinweis eingereicht" in comment.text
        assert "Name mit Anschrift" in comment.text
        assert "Goethestr" not in comment.text
        assert PageLogEntry.objects.filter(page=practice, action="wagtail.comments.create").exists()

    def test_the_redaktion_sees_the_comment_in_the_editor(self, client, setup, staff_user):
        client.force_login(staff_user)
        client.post(SUBMIT, form_data(section_situation=self.SECTION, personal_data_confirmed="on"))
        practice = PracticePage.objects.get()
        client.force_login(create_user("Redaktion", username="redaktion-drei"))

        response = client.get(f"/admin/pages/{practice.pk}/edit/")

        data = json.loads(
            BeautifulSoup(response.content, "html.parser").find(id="comments-data").string
        )
        assert [comment["contentpath"] for comment in data["comments"]] == ["title"]
        assert "Trotz Datenschutz-Hinweis eingereicht" in data["comments"][0]["text"]
