"""“Meine Einreichungen”: members follow their submissions through the review and answer it."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Comment, PageLogEntry, Revision, TaskState, WorkflowState

from cms.accounts.groups import EDITORS, groups_sync
from cms.models import ReviewDecline
from practices.models import Jobcenter, PartnerType, PracticePage
from tests.factories import create_user
from tests.factories.practices import create_jobcenter, create_submission
from tests.practices.test_submission import SUBMIT, form_data

pytestmark = pytest.mark.django_db
MINE = "/meine-einreichungen/"
NOTE = "Bitte belegen Sie die Ergebnisse mit Zahlen.\nUnd kürzen Sie die Ausgangslage."
REASON = "Das Vorgehen ist schon als Praxisbeispiel aus Schwelm veröffentlicht."


@pytest.fixture
def setup(library):
    groups_sync()
    create_jobcenter("Jobcenter EN", slug="jobcenter-en")
    return library


@pytest.fixture
def reviewer(db):
    return create_user(
        EDITORS, username="redaktion-zwei", display_name="Rita Redaktion", email="rita@example.org"
    )


def edit_url(practice) -> str:
    return f"{MINE}{practice.pk}/bearbeiten/"


def decide(practice, reviewer, action: str, comment: str = "") -> None:
    """The Redaktion's decision on ``practice`` in the review workflow, as the admin takes it."""
    practice = PracticePage.objects.get(pk=practice.pk)
    task_state = practice.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, action, comment=comment)


def admin_decides(reviewer, practice, action: str, comment: str):
    client = Client()
    client.force_login(reviewer)
    task_state = PracticePage.objects.get(pk=practice.pk).current_workflow_task_state
    url = f"/admin/pages/workflow/action/{practice.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def listed(response) -> list[dict]:
    """The submissions on "Meine Einreichungen", as the member reads them."""
    return [
        {
            "title": article.h2.get_text(strip=True),
            "state": article.select_one(".submission__state").get_text(strip=True),
            "text": " ".join(article.get_text(" ").split()),
            "note": (article.blockquote.get_text("\n", strip=True) if article.blockquote else None),
            "links": {a.get_text(" ", strip=True): a["href"] for a in article.find_all("a")},
        }
        for article in soup_of(response).select("ol.submission-list > li > article")
    ]


def form_values(response) -> dict[str, list[str]]:
    """What a browser would send back from the page's form, untouched."""
    form = soup_of(response).find("form", enctype="multipart/form-data")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"file", "submit"}:
            continue
        values = data.setdefault(name, [])
        if field.name == "textarea":
            # Browsers drop the line break that follows <textarea>.
            values.append(field.text.removeprefix("\n"))
        elif field.name == "select":
            values += [
                option.get("value", "") for option in field.find_all("option", selected=True)
            ]
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                values.append(field.get("value", "on"))
        else:
            values.append(field.get("value", ""))
    return data


def today() -> str:
    return timezone.localdate().strftime("%d.%m.%Y")


class TestMySubmissionsPage:
    def test_anonymous_is_sent_to_login(self, client, setup):
        response = client.get(MINE)

        assert response.status_code == 302
        assert response["Location"] == f"/konto/anmelden/?next={MINE}"

    def test_lists_only_own_submissions_newest_first(self, client, setup, staff_user):
        colleague = create_user("Netzwerk-Mitarbeitende", username="kollegin")
        create_submission(staff_user, "Erste Einreichung")
        create_submission(colleague, "Einreichung der Kollegin")
        create_submission(staff_user, "Zweite Einreichung")
        client.force_login(staff_user)

        response = client.get(MINE)

        assert response.status_code == 200
        assert [item["title"] for item in listed(response)] == [
            "Zweite Einreichung",
            "Erste Einreichung",
        ]

    def test_each_state_in_german_with_what_the_member_needs(
        self, client, setup, staff_user, reviewer
    ):
        published = create_submission(staff_user, "Joboffensive")
        decide(published, reviewer, "approve")
        declined = create_submission(staff_user, "Doppelte Idee")
        decide(declined, reviewer, "decline", comment=REASON)
        asked = create_submission(staff_user, "Peer-Mentoring")
        decide(asked, reviewer, "reject", comment=NOTE)
        create_submission(staff_user, "Kita-Lotsen")
        client.force_login(staff_user)

        items = {item["title"]: item for item in listed(client.get(MINE))}

        assert items["Kita-Lotsen"]["state"] == "In Prüfung"
        assert f"eingereicht am {today()}" in items["Kita-Lotsen"]["text"]
        assert items["Kita-Lotsen"]["note"] is None

        assert items["Peer-Mentoring"]["state"] == "Änderungen erbeten"
        assert items["Peer-Mentoring"]["note"] == NOTE
        assert (
            f"Rita Redaktion aus der Redaktion hat am {today()} um Änderungen gebeten:"
            in items["Peer-Mentoring"]["text"]
        )
        assert items["Peer-Mentoring"]["links"] == {
            "Überarbeiten und erneut einreichen : Peer-Mentoring": edit_url(asked)
        }

        assert items["Joboffensive"]["state"] == "Veröffentlicht"
        published.refresh_from_db()
        assert items["Joboffensive"]["links"]["Joboffensive"] == published.url
        assert items["Joboffensive"]["links"]["Zum Praxisbeispiel : Joboffensive"] == published.url

        assert items["Doppelte Idee"]["state"] == "Abgelehnt"
        assert items["Doppelte Idee"]["note"] == REASON
        assert (
            f"Rita Redaktion aus der Redaktion hat die Einreichung am {today()} abgelehnt."
            in items["Doppelte Idee"]["text"]
        )
        assert items["Doppelte Idee"]["links"] == {}

    def test_query_count_stays_the_same_for_more_submissions(
        self, client, setup, staff_user, reviewer
    ):
        decide(create_submission(staff_user), reviewer, "approve")
        client.force_login(staff_user)

        def queries() -> int:
            client.get(MINE)  # fills the caches every request shares (site, content types)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(MINE)
            assert response.status_code == 200
            return len(captured)

        with_one = queries()
        decide(create_submission(staff_user), reviewer, "approve")
        decide(create_submission(staff_user), reviewer, "reject", comment=NOTE)
        decide(create_submission(staff_user), reviewer, "decline", comment=REASON)
        create_submission(staff_user)
        with_five = queries()

        assert len(listed(client.get(MINE))) == 5
        assert with_five == with_one

    def test_pages_through_many_submissions(self, client, setup, staff_user):
        for number in range(13):
            create_submission(staff_user, f"Einreichung {number + 1:02d}")
        client.force_login(staff_user)

        first = client.get(MINE)
        second = client.get(MINE, {"seite": "2"})
        missing = client.get(MINE, {"seite": "99"})

        assert len(listed(first)) == 12
        assert [item["title"] for item in listed(second)] == ["Einreichung 01"]
        nav = soup_of(first).find("nav", class_="pagination")
        assert nav["aria-label"] == "Seiten"
        assert nav.find("a", rel="next")["href"] == "?seite=2"
        assert "Die Seite „99“ gibt es nicht; Seite 1 wird angezeigt." in soup_of(missing).get_text(
            " "
        )
        assert len(listed(missing)) == 12

    def test_member_without_submissions_is_told_so(self, client, setup, staff_user):
        client.force_login(staff_user)

        text = soup_of(client.get(MINE)).main.get_text(" ")

        assert "Sie haben noch kein Praxisbeispiel eingereicht." in text

    def test_linked_from_profile_and_from_the_thank_you_page(self, client, setup, staff_user):
        client.force_login(staff_user)

        profile = soup_of(client.get("/konto/profil/"))
        done = soup_of(client.post(SUBMIT, form_data(), follow=True))

        assert profile.find("a", string="Meine Einreichungen")["href"] == MINE
        assert done.find("a", href=MINE).get_text(strip=True) == (
            "Alle Ihre Einreichungen und ihr Stand"
        )


class TestAnsweringAChangeRequest:
    def test_round_trip_from_change_request_to_publication(
        self, client, setup, staff_user, reviewer, django_capture_on_commit_callbacks
    ):
        # The member submits; the Redaktion asks for changes in the admin.
        client.force_login(staff_user)
        client.post(SUBMIT, form_data())
        practice = PracticePage.objects.get()
        workflow_state = practice.current_workflow_state
        response = admin_decides(reviewer, practice, "reject", NOTE)
        assert response.status_code == 302

        # The member sees the request and the note.
        [item] = listed(client.get(MINE))
        assert (item["state"], item["note"]) == ("Änderungen erbeten", NOTE)

        # The form shows the latest revision and the note; the member revises and resubmits.
        form_page = client.get(edit_url(practice))
        assert form_page.status_code == 200
        assert soup_of(form_page).h1.get_text(strip=True) == "Einreichung überarbeiten"
        assert NOTE.split("\n")[0] in soup_of(form_page).find(role="note").get_text()
        data = form_values(form_page)
        assert data["title"] == ["Peer-Mentoring im Absolventenmanagement"]
        data["section_results"] = ["30 von 45 Teilnehmenden haben eine Arbeit aufgenommen."]
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(edit_url(practice), data, follow=True)

        assert response.redirect_chain == [(MINE, 302)]
        assert (
            "Vielen Dank: „Peer-Mentoring im Absolventenmanagement“ liegt der Redaktion wieder "
            "zur Prüfung vor." in soup_of(response).find(class_="messages").get_text()
        )
        [item] = listed(response)
        assert item["state"] == "In Prüfung"
        practice.refresh_from_db()
        revision = practice.latest_revision
        assert revision.user == staff_user
        assert [(block.block_type, block.value.source) for block in revision.as_object().body] == [
            (
                "situation",
                "<p>Viele brechen nach der Maßnahme ab.</p><p>Das wollten wir ändern.</p>",
            ),
            ("approach", "<p>Peers &lt;b&gt;begleiten&lt;/b&gt; neue Teilnehmende.</p>"),
            ("results", "<p>30 von 45 Teilnehmenden haben eine Arbeit aufgenommen.</p>"),
        ]
        # The same review goes on at its step, and the Redaktion is told and sees it again.
        resumed = practice.current_workflow_state
        assert (resumed.pk, resumed.status) == (workflow_state.pk, WorkflowState.STATUS_IN_PROGRESS)
        assert resumed.current_task_state.revision == revision
        assert resumed.current_task_state.status == TaskState.STATUS_IN_PROGRESS
        assert TaskState.objects.reviewable_by(reviewer).filter(pk=resumed.current_task_state_id)
        assert PageLogEntry.objects.filter(page=practice, action="wagtail.workflow.resume").exists()
        [notice] = [message for message in mail.outbox if message.to == [reviewer.email]]
        assert "Peer-Mentoring im Absolventenmanagement" in notice.subject

        # The Redaktion approves: the member finds it published.
        assert admin_decides(reviewer, practice, "approve", "Danke!").status_code == 302
        practice.refresh_from_db()
        assert practice.live
        [item] = listed(client.get(MINE))
        assert item["state"] == "Veröffentlicht"
        assert item["links"]["Peer-Mentoring im Absolventenmanagement"] == practice.url
        assert client.get(practice.url).status_code == 200

    def test_the_form_is_filled_from_the_latest_revision(self, client, setup, staff_user, reviewer):
        kommune = PartnerType.objects.get(slug="kommune")
        client.force_login(staff_user)
        client.post(
            SUBMIT,
            form_data(
                visibility="staff",
                other_jobcenter="Jobcenter Neustadt",
                contact_phone="02336 4480-0",
                **{
                    "partner-0-partner_type": str(kommune.pk),
                    "partner-0-name": "Stadt Schwelm",
                    "figure-0-note": "2025",
                },
            ),
        )
        practice = PracticePage.objects.get()
        # An editor shortened the teaser in the admin before asking for more.
        draft = practice.get_latest_revision_as_object()
        draft.teaser = "Peers begleiten neue Teilnehmende."
        draft.save_revision(user=reviewer)
        decide(practice, reviewer, "reject", comment=NOTE)

        data = form_values(client.get(edit_url(practice)))

        assert data["teaser"] == ["Peers begleiten neue Teilnehmende."]
        assert data["jobcenters"] == [str(Jobcenter.objects.get(slug="jobcenter-en").pk)]
        assert data["other_jobcenter"] == ["Jobcenter Neustadt"]
        assert data["section_situation"] == [
            "Viele brechen nach der Maßnahme ab.\n\nDas wollten wir ändern."
        ]
        assert data["section_approach"] == ["Peers <b>begleiten</b> neue Teilnehmende."]
        assert data["start_date"] == ["01.02.2025"]
        assert data["visibility"] == ["staff"]
        assert (data["contact_name"], data["contact_phone"]) == (["Anna Berger"], ["02336 4480-0"])
        assert (data["partner-0-partner_type"], data["partner-0-name"]) == (
            [str(kommune.pk)],
            ["Stadt Schwelm"],
        )
        assert (data["figure-0-label"], data["figure-0-value"], data["figure-0-note"]) == (
            ["Teilnehmende"],
            ["45"],
            ["2025"],
        )
        assert data["partner-INITIAL_FORMS"] == ["1"]

    def test_unchanged_resubmission_keeps_the_redaktions_formatting_and_blocks(
        self, client, setup, staff_user, reviewer
    ):
        client.force_login(staff_user)
        client.post(SUBMIT, form_data(other_jobcenter="Jobcenter Neustadt", visibility="staff"))
        practice = PracticePage.objects.get()
        draft = practice.get_latest_revision_as_object()
        body = [(block.block_type, block.value) for block in draft.body]
        draft.body = [
            *body[:1],
            (
                "quote",
                {"text": "Peers erreichen, wer uns nicht mehr zuhört.", "attribution": "Anna"},
            ),
            ("approach", "<p>Peers <b>begleiten</b> neue Teilnehmende.</p>"),
        ]
        draft.save_revision(user=reviewer)
        decide(practice, reviewer, "reject", comment=NOTE)
        data = form_values(client.get(edit_url(practice)))
        data["teaser"] = ["Ehemalige begleiten Neue."]

        client.post(edit_url(practice), data)

        revised = PracticePage.objects.get().latest_revision.as_object()
        assert revised.teaser == "Ehemalige begleiten Neue."
        assert [block.block_type for block in revised.body] == ["situation", "approach", "quote"]
        assert revised.body[0].value.source.count("Jobcenter Neustadt") == 1
        assert revised.body[1].value.source == "<p>Peers <b>begleiten</b> neue Teilnehmende.</p>"
        assert revised.is_staff_only

    def test_a_confirmed_data_protection_warning_reaches_the_redaktion(
        self, client, setup, staff_user, reviewer
    ):
        practice = create_submission(staff_user, "Kita-Lotsen")
        decide(practice, reviewer, "reject", comment=NOTE)
        client.force_login(staff_user)
        data = form_values(client.get(edit_url(practice)))
        data["section_situation"] = ["Frau Ayşe Yılmaz wohnt in der Goethestr. 12a."]

        warned = client.post(edit_url(practice), data)
        data["personal_data_confirmed"] = ["on"]
        client.post(edit_url(practice), data)

        assert soup_of(warned).find("div", class_="personal-data-warning")
        practice.refresh_from_db()
        comment = Comment.objects.get(page=practice)
        assert comment.revision_created == practice.latest_revision
        assert "Trotz Datenschutz-Hinweis eingereicht" in comment.text
        assert practice.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    def test_bad_input_gives_a_german_message_and_changes_nothing(
        self, client, setup, staff_user, reviewer
    ):
        practice = create_submission(staff_user, "Kita-Lotsen")
        decide(practice, reviewer, "reject", comment=NOTE)
        client.force_login(staff_user)
        data = form_values(client.get(edit_url(practice)))
        data.update(title=[""], end_date=["01.01.2000"], start_date=["01.01.2001"])
        revisions = Revision.objects.count()

        response = client.post(edit_url(practice), data)

        assert response.status_code == 200
        text = soup_of(response).get_text(" ")
        assert "Bitte korrigieren Sie die markierten Felder." in text
        assert "Das Ende darf nicht vor dem Beginn liegen." in text
        assert Revision.objects.count() == revisions
        practice.refresh_from_db()
        assert practice.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    def test_the_change_request_email_links_to_the_form(
        self, client, setup, staff_user, reviewer, django_capture_on_commit_callbacks
    ):
        practice = create_submission(staff_user, "Kita-Lotsen")
        mail.outbox.clear()

        with django_capture_on_commit_callbacks(execute=True):
            decide(practice, reviewer, "reject", comment=NOTE)

        [message] = mail.outbox
        link = f"{settings.SITE_URL}{edit_url(practice)}"
        assert link in message.body
        assert f'href="{link}"' in message.alternatives[0][0]


class TestReviewsAnEditorStarted:
    """After an editor takes a submission over, the review's requests are addressed to them."""

    def test_changes_asked_of_an_editor_are_not_the_members(
        self, client, setup, staff_user, editor, reviewer, django_capture_on_commit_callbacks
    ):
        practice = create_submission(staff_user, "Kita-Lotsen")
        practice.current_workflow_state.cancel(user=editor)
        practice.get_workflow().start(practice, editor)
        mail.outbox.clear()

        with django_capture_on_commit_callbacks(execute=True):
            decide(practice, reviewer, "reject", comment="Bitte noch kürzen.")

        assert [message for message in mail.outbox if message.to == [staff_user.email]] == []
        client.force_login(staff_user)
        [item] = listed(client.get(MINE))
        assert (item["state"], item["note"]) == ("In Prüfung", None)
        assert client.get(edit_url(practice)).status_code == 403

    def test_declining_an_edit_of_a_published_practice_leaves_the_member_alone(
        self, client, setup, staff_user, editor, reviewer, django_capture_on_commit_callbacks
    ):
        practice = create_submission(staff_user, "Kita-Lotsen")
        decide(practice, reviewer, "approve")
        practice.refresh_from_db()
        practice.get_workflow().start(practice, editor)
        mail.outbox.clear()

        with django_capture_on_commit_callbacks(execute=True):
            decide(practice, reviewer, "decline", comment=REASON)

        assert ReviewDecline.objects.exists()
        assert mail.outbox == []
        client.force_login(staff_user)
        [item] = listed(client.get(MINE))
        assert item["state"] == "Veröffentlicht"


class TestWhoMayAnswer:
    @pytest.fixture
    def practice(self, setup, staff_user, reviewer):
        practice = create_submission(staff_user, "Kita-Lotsen")
        decide(practice, reviewer, "reject", comment=NOTE)
        return practice

    def refused(self, response) -> str:
        assert response.status_code == 403
        return soup_of(response).find(role="alert").get_text(strip=True)

    @pytest.mark.parametrize(
        ("state", "message"),
        [
            ("in_review", "Die Redaktion prüft diese Einreichung gerade."),
            ("approve", "Diese Einreichung kann nicht mehr geändert werden."),
            ("decline", "Diese Einreichung kann nicht mehr geändert werden."),
        ],
    )
    def test_only_while_the_redaktion_asks_for_changes(
        self, client, setup, staff_user, reviewer, state, message
    ):
        practice = create_submission(staff_user, "Kita-Lotsen")
        if state != "in_review":
            decide(practice, reviewer, state, comment=REASON)
        client.force_login(staff_user)
        revisions = Revision.objects.count()

        shown = client.get(edit_url(practice))
        sent = client.post(edit_url(practice), {"title": "Heimlich geändert"})

        assert message in self.refused(shown)
        assert message in self.refused(sent)
        assert Revision.objects.count() == revisions
        assert PracticePage.objects.get().title == "Kita-Lotsen"

    def test_other_members_get_not_found(self, client, practice):
        client.force_login(create_user("Netzwerk-Mitarbeitende", username="kollegin"))

        assert client.get(edit_url(practice)).status_code == 404
        assert client.post(edit_url(practice), {"title": "Fremd"}).status_code == 404

    def test_the_redaktion_answers_in_the_admin_not_here(self, client, practice, reviewer):
        client.force_login(reviewer)

        assert client.get(edit_url(practice)).status_code == 404

    @pytest.mark.parametrize("page_id", ["999999", "99999999999999999999999"])
    def test_unknown_submissions_are_not_found(self, client, setup, staff_user, page_id):
        client.force_login(staff_user)

        assert client.get(f"{MINE}{page_id}/bearbeiten/").status_code == 404

    def test_anonymous_is_sent_to_login(self, client, practice):
        response = client.get(edit_url(practice))

        assert response.status_code == 302
        assert response["Location"].startswith("/konto/anmelden/?next=")

    def test_a_member_no_longer_in_network_staff_is_refused(self, client, practice, staff_user):
        staff_user.groups.clear()
        client.force_login(staff_user)

        message = self.refused(client.get(edit_url(practice)))

        assert message == "Nur Netzwerkmitarbeitende können Praxisbeispiele einreichen."

    def test_a_page_the_redaktion_has_locked_waits(self, client, practice, staff_user, reviewer):
        PracticePage.objects.filter(pk=practice.pk).update(
            locked=True, locked_by=reviewer, locked_at=timezone.now()
        )
        client.force_login(staff_user)

        message = self.refused(client.get(edit_url(practice)))

        assert message.startswith("Die Redaktion bearbeitet diese Einreichung gerade.")

    def test_a_decision_taken_while_the_form_was_open_wins(
        self, client, practice, staff_user, reviewer
    ):
        client.force_login(staff_user)
        data = form_values(client.get(edit_url(practice)))
        practice.refresh_from_db()
        # An editor took the page over meanwhile: cancelled the review and started their own.
        practice.current_workflow_state.cancel(user=reviewer)
        practice.get_workflow().start(practice, reviewer)
        revisions = Revision.objects.count()
        data["title"] = ["Spät geändert"]

        message = self.refused(client.post(edit_url(practice), data))

        assert message.startswith("Die Redaktion prüft diese Einreichung gerade.")
        assert Revision.objects.count() == revisions


@pytest.mark.django_db(transaction=True)
class TestDeclinedSubmission:
    def test_the_submitter_gets_a_german_email_with_the_reason(self, library, reviewer):
        groups_sync()
        submitter = create_user(
            "Netzwerk-Mitarbeitende",
            username="anna",
            display_name="Anna Berger",
            email="anna.berger@jobcenter.example",
        )
        practice = create_submission(submitter, "Kita-Lotsen", start_date=date(2025, 1, 1))
        mail.outbox.clear()

        response = admin_decides(reviewer, practice, "decline", f"{REASON} <b>Danke</b>")

        assert response.status_code == 302
        assert ReviewDecline.objects.get().declined_by == reviewer
        [message] = mail.outbox
        assert message.to == [submitter.email]
        assert message.reply_to == [reviewer.email]
        assert message.subject == "Ihr Praxisbeispiel „Kita-Lotsen“ wird nicht veröffentlicht"
        assert message.body.startswith("Guten Tag Anna Berger,")
        assert f"{REASON} <b>Danke</b>" in message.body
        assert f"{settings.SITE_URL}{MINE}" in message.body
        assert "/admin/" not in message.body
        html = BeautifulSoup(message.alternatives[0][0], "html.parser")
        assert html.blockquote.get_text() == f"{REASON} <b>Danke</b>"
        assert html.find("a")["href"] == f"{settings.SITE_URL}{MINE}"
