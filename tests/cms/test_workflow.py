"""Editorial publishing: review by a second editor, scheduling, revisions, who may publish."""

import json
import logging
import smtplib
from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.accounts.groups import EDITORS, MODERATORS, STAFF, TASK_NAME, groups_sync
from cms.models import ArticlePage, ReviewDecline, ReviewTask
from practices.content import PracticeContent
from practices.services import practice_submit
from search.models import IndexOutbox, SearchDocument
from tests.cms.magazine_helpers import make_article
from tests.factories import create_user
from tests.factories.practices import create_jobcenter

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(review_issue):
    return review_issue


def article_form(**overrides) -> dict:
    data = {
        "title": "Joboffensive: mehr Zeit für Beratung",
        "slug": "joboffensive-mehr-zeit",
        "authors": "Redaktion",
        "teaser": "Neunzehn zusätzliche Vermittlungskräfte betreuen 1.900 Kundinnen und Kunden.",
        "lead_image": "",
        "lead_image_alt_text": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "body": streamfield(
            [
                (
                    "paragraph",
                    '{"blocks": [{"key": "a", "type": "unstyled", "text": "Hallo"}], '
                    '"entityMap": {}}',
                )
            ]
        ),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def submit_new_article(client, editor, issue) -> ArticlePage:
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("cms", "articlepage", issue.pk)),
        {**article_form(), "action-submit": "Zur Freigabe einreichen"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return ArticlePage.objects.get(slug="joboffensive-mehr-zeit")


def approve_url(page) -> str:
    return action_url(page, "approve")


def action_url(page, action: str) -> str:
    task_state = page.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


class TestReviewWorkflow:
    def test_groups_sync_installs_the_four_eyes_task(self, issue):
        task = ReviewTask.objects.get(name=TASK_NAME)
        assert task.forbid_self_approval is True
        assert list(task.groups.values_list("name", flat=True)) == [EDITORS]
        assert [t.specific.__class__ for t in task.workflows.get().tasks.all()] == [ReviewTask]

    def test_submitted_article_waits_for_review_and_is_not_public(self, client, issue, editor_a):
        article = submit_new_article(client, editor_a, issue)

        assert not article.live
        assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        client.logout()
        assert client.get(issue.url).content.decode().count(article.title) == 0

    @pytest.mark.parametrize("action", ["approve", "reject", "decline"])
    def test_submitter_cannot_decide_on_own_submission(self, client, issue, editor_a, action):
        article = submit_new_article(client, editor_a, issue)
        task = article.current_workflow_task

        actions = [name for name, _label, _modal in task.get_actions(article, editor_a)]
        response = client.post(
            action_url(article, action), {"comment": "Selbst entschieden."}, follow=True
        )

        assert actions == []
        assert "keinen Zugang zu diesem Bereich" in response.content.decode()
        article.refresh_from_db()
        assert not article.live
        assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert not ReviewDecline.objects.exists()

    def test_edit_view_offers_approval_only_to_the_second_editor(
        self, client, issue, editor_a, editor_b
    ):
        article = submit_new_article(client, editor_a, issue)
        edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

        own = client.get(edit_url).content.decode()
        client.force_login(editor_b)
        other = client.get(edit_url).content.decode()

        assert 'data-workflow-action-name="reject"' not in own
        assert 'data-workflow-action-name="approve"' not in own
        assert 'data-workflow-action-name="decline"' not in own
        assert 'data-workflow-action-name="approve"' in other
        assert 'data-workflow-action-name="reject"' in other
        assert 'data-workflow-action-name="decline"' in other
        assert "Freigeben und Veröffentlichen" in other

    def test_second_editor_approves_and_article_goes_live(self, client, issue, editor_a, editor_b):
        article = submit_new_article(client, editor_a, issue)
        url = approve_url(article)
        client.force_login(editor_b)

        response = client.post(url, {"comment": "Passt, danke!"})

        assert response.status_code == 302
        article.refresh_from_db()
        assert article.live
        assert article.current_workflow_state is None
        client.logout()
        assert article.title in client.get(issue.url).content.decode()
        assert article.title in client.get("/magazin/feed/rss/").content.decode()

    def test_self_approval_allowed_when_task_says_so(self, client, issue, editor_a):
        ReviewTask.objects.filter(name=TASK_NAME).update(forbid_self_approval=False)
        article = submit_new_article(client, editor_a, issue)

        response = client.post(approve_url(article), {"comment": ""})

        assert response.status_code == 302
        article.refresh_from_db()
        assert article.live

    @pytest.mark.parametrize(
        ("action", "message"),
        [
            ("approve", "Ihre eigene Einreichung muss von einer anderen Person aus der Redaktion"),
            ("reject", "Über Ihre eigene Einreichung muss eine andere Person aus der Redaktion"),
            ("decline", "Über Ihre eigene Einreichung muss eine andere Person aus der Redaktion"),
        ],
    )
    def test_service_level_decision_by_submitter_is_refused(
        self, client, issue, editor_a, action, message
    ):
        from django.core.exceptions import PermissionDenied

        article = submit_new_article(client, editor_a, issue)
        task_state = article.current_workflow_state.current_task_state

        with pytest.raises(PermissionDenied, match=message):
            task_state.task.specific.on_action(
                task_state, editor_a, action, comment="Selbst entschieden."
            )
        article.refresh_from_db()
        assert not article.live
        assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert article.current_workflow_state.current_task_state.status == "in_progress"


REASON = "Das Thema ist schon in Ausgabe 5 ausführlich behandelt."


class TestDecline:
    def test_second_editor_declines_with_a_reason(self, client, issue, editor_a, editor_b):
        article = submit_new_article(client, editor_a, issue)
        task_state = article.current_workflow_state.current_task_state
        client.force_login(editor_b)

        response = client.post(action_url(article, "decline"), {"comment": f"  {REASON}  "})

        assert response.status_code == 302
        article.refresh_from_db()
        assert not article.live
        assert article.current_workflow_state is None
        workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
        assert workflow_state.status == WorkflowState.STATUS_CANCELLED
        decline = ReviewDecline.objects.get(workflow_state=workflow_state)
        assert (decline.reason, decline.declined_by) == (REASON, editor_b)
        task_state.refresh_from_db()
        assert (task_state.status, task_state.comment) == ("cancelled", REASON)
        client.logout()
        assert client.get(issue.url).content.decode().count(article.title) == 0

    def test_the_page_history_shows_the_decline_in_german(self, client, issue, editor_a, editor_b):
        article = submit_new_article(client, editor_a, issue)
        client.force_login(editor_b)
        client.post(action_url(article, "decline"), {"comment": REASON})

        response = client.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))

        entry = PageLogEntry.objects.get(page=article, action="cms.workflow.decline")
        assert entry.user == editor_b
        assert entry.data["comment"] == REASON
        soup = BeautifulSoup(response.content, "html.parser")
        rows = [" ".join(row.get_text(" ").split()) for row in soup.select("tbody tr")]
        [row] = [row for row in rows if "Abgelehnt bei" in row]
        assert f"Abgelehnt bei „{TASK_NAME}“; wird nicht veröffentlicht" in row
        assert REASON in row
        choice = soup.find("input", attrs={"name": "action", "value": "cms.workflow.decline"})
        assert choice.find_parent("label").get_text(strip=True) == "Workflow: Ablehnen"

    def test_the_dialog_asks_for_the_reason_and_refuses_none(
        self, client, issue, editor_a, editor_b
    ):
        article = submit_new_article(client, editor_a, issue)
        client.force_login(editor_b)
        url = action_url(article, "decline")
        xhr = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}

        dialog = json.loads(client.get(url, **xhr).content)["html"]
        refused = json.loads(client.post(url, {"comment": "   "}, **xhr).content)

        field = BeautifulSoup(dialog, "html.parser").find("textarea", attrs={"name": "comment"})
        label = BeautifulSoup(dialog, "html.parser").find("label", attrs={"for": field["id"]})
        assert label.get_text(strip=True).startswith("Begründung der Ablehnung")
        assert refused["step"] == "action"
        assert "Bitte geben Sie den Grund für die Ablehnung an." in refused["html"]
        assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert not ReviewDecline.objects.exists()

    def test_declining_from_the_page_editor(self, client, issue, editor_a, editor_b):
        article = submit_new_article(client, editor_a, issue)
        client.force_login(editor_b)
        edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
        step = {"action-workflow-action": "true", "workflow-action-name": "decline"}

        without_reason = client.post(
            edit_url, {**article_form(), **step, "workflow-action-extra-data": "{}"}
        )
        assert without_reason.status_code in {302, 403}
        assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert not ReviewDecline.objects.exists()

        client.post(
            edit_url,
            {
                **article_form(),
                **step,
                "workflow-action-extra-data": json.dumps({"comment": REASON}),
            },
        )

        assert article.current_workflow_state is None
        assert ReviewDecline.objects.get().reason == REASON

    def test_self_decline_allowed_when_task_says_so(self, client, issue, editor_a):
        ReviewTask.objects.filter(name=TASK_NAME).update(forbid_self_approval=False)
        article = submit_new_article(client, editor_a, issue)

        client.post(action_url(article, "decline"), {"comment": REASON})

        assert ReviewDecline.objects.get().declined_by == editor_a

    def test_outsiders_cannot_decline(self, client, issue, editor_a):
        from django.core.exceptions import PermissionDenied

        article = submit_new_article(client, editor_a, issue)
        task_state = article.current_workflow_state.current_task_state
        moderator = create_user(MODERATORS, username="moderatorin")

        with pytest.raises(PermissionDenied, match="Nur die Redaktion kann"):
            task_state.task.specific.on_action(task_state, moderator, "decline", comment=REASON)
        assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert not ReviewDecline.objects.exists()


class TestWhoMayPublish:
    def test_a_workflow_without_review_tasks_publishes_nothing_for_editors(
        self, client, issue, editor_a
    ):
        # A workflow whose tasks were all removed or deactivated finishes on submission; only
        # an approval by a reviewer may stand in for the publish permission, not that.
        empty = Workflow.objects.create(name="Ohne Prüfung")
        WorkflowPage.objects.create(workflow=empty, page=issue)

        article = submit_new_article(client, editor_a, issue)

        article.refresh_from_db()
        assert not article.live
        assert Client().get(article.url).status_code == 404

    def test_editor_cannot_publish_directly(self, client, issue, editor_a):
        client.force_login(editor_a)

        client.post(
            reverse("wagtailadmin_pages:add", args=("cms", "articlepage", issue.pk)),
            {**article_form(), "action-publish": "Veröffentlichen"},
        )

        article = ArticlePage.objects.get(slug="joboffensive-mehr-zeit")
        assert not article.live
        assert not article.permissions_for_user(editor_a).can_publish()

    @pytest.mark.parametrize("group", [MODERATORS, STAFF])
    def test_moderators_and_staff_cannot_publish(self, client, issue, group):
        user = create_user(group, username=f"user-{group[:5].lower()}")
        article = make_article(issue)
        article.unpublish()
        client.force_login(user)

        response = client.post(
            reverse("wagtailadmin_pages:edit", args=(article.pk,)),
            {**article_form(title="Heimlich veröffentlicht"), "action-publish": "1"},
        )

        assert response.status_code in {302, 403}
        article.refresh_from_db()
        assert not article.live
        assert article.title != "Heimlich veröffentlicht"
        assert not article.permissions_for_user(user).can_publish()


class TestScheduledPublishing:
    def test_article_goes_live_when_its_time_has_come(self, client, issue, monkeypatch):
        article = make_article(issue, title="Geplanter Artikel")
        article.unpublish()
        article.go_live_at = timezone.now() + timedelta(hours=1)
        article.save_revision().publish()
        article.refresh_from_db()
        assert not article.live

        call_command("publish_scheduled", verbosity=0)
        article.refresh_from_db()
        assert not article.live
        assert "Geplanter Artikel" not in client.get(issue.url).content.decode()

        later = timezone.now() + timedelta(hours=2)
        monkeypatch.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled", verbosity=0)

        article.refresh_from_db()
        assert article.live
        assert "Geplanter Artikel" in client.get(issue.url).content.decode()

    def test_article_is_withdrawn_at_its_expiry(self, client, issue, monkeypatch):
        article = make_article(issue, title="Befristeter Artikel")
        article.expire_at = timezone.now() + timedelta(hours=1)
        article.save_revision().publish()
        assert "Befristeter Artikel" in client.get("/magazin/feed/rss/").content.decode()

        later = timezone.now() + timedelta(hours=2)
        monkeypatch.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled", verbosity=0)

        article.refresh_from_db()
        assert not article.live
        assert article.expired
        assert "Befristeter Artikel" not in client.get("/magazin/feed/rss/").content.decode()


class TestRevisions:
    def test_editor_compares_and_reverts_revisions(self, client, issue, editor_a):
        article = make_article(issue, title="Erste Fassung")
        first = article.latest_revision
        article.title = "Zweite Fassung"
        second = article.save_revision(user=editor_a)
        client.force_login(editor_a)

        compare = client.get(
            reverse("wagtailadmin_pages:revisions_compare", args=(article.pk, first.pk, second.pk))
        )
        revert = client.get(
            reverse("wagtailadmin_pages:revisions_revert", args=(article.pk, first.pk))
        )

        assert compare.status_code == 200
        html = compare.content.decode()
        assert '<span class="deletion">Erste</span><span class="addition">Zweite</span>' in html
        assert revert.status_code == 200
        assert "Erste Fassung" in revert.content.decode()


def test_dashboard_lists_submissions_only_for_the_second_editor(client, issue, editor_a, editor_b):
    from wagtail.models import TaskState

    article = submit_new_article(client, editor_a, issue)

    own = TaskState.objects.reviewable_by(editor_a)
    other = TaskState.objects.reviewable_by(editor_b)

    assert not own.filter(workflow_state__object_id=str(article.pk)).exists()
    assert other.filter(workflow_state__object_id=str(article.pk)).exists()


class RefusingMailServer(EmailBackend):
    """A mail server that is away."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server not reachable")


def submitted_practice(title: str):
    """A member's practice, submitted to the review workflow "Redaktionelle Prüfung"."""
    groups_sync()
    submitter = create_user(STAFF, username="netzwerk", email="anna.berger@jobcenter.example")
    page = practice_submit(
        user=submitter,
        content=PracticeContent(
            title=title,
            teaser="Ehemalige Teilnehmende begleiten neue Teilnehmende.",
            jobcenters=[create_jobcenter()],
        ),
    )
    return submitter, page


def approve_as_second_editor(page):
    reviewer = create_user(EDITORS, username="redakteur.b")
    client = Client(raise_request_exception=False)
    client.force_login(reviewer)
    return client.post(approve_url(page), {"comment": "Passt."})


# Committing for real: e-mails and index pushes run after the commit, inside the request.
@pytest.mark.django_db(transaction=True)
class TestApprovalSideEffects:
    def test_line_break_in_the_title_breaks_neither_the_approval_nor_the_email(self, library):
        # Forms refuse line breaks now; a title stored before that (or by a script) still has one.
        submitter, page = submitted_practice("Peer-Mentoring im Absolventenmanagement")
        legacy_title = "Peer-Mentoring\r\nim Absolventenmanagement"
        type(page).objects.filter(pk=page.pk).update(title=legacy_title)
        revision = page.latest_revision
        revision.content["title"] = legacy_title
        revision.save(update_fields=["content"])
        mail.outbox.clear()

        response = approve_as_second_editor(page)

        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live
        assert Client().get(page.url).status_code == 200
        [message] = [message for message in mail.outbox if message.to == [submitter.email]]
        assert message.subject == (
            "Ihr Praxisbeispiel „Peer-Mentoring im Absolventenmanagement“ ist veröffentlicht"
        )
        assert SearchDocument.objects.filter(doc_id=f"practice-{page.pk}").exists()
        # The push after the commit ran too, so Elasticsearch would have the page as well.
        assert not IndexOutbox.objects.exists()

    def test_mail_server_failure_still_publishes_and_the_retry_delivers(
        self, library, caplog, monkeypatch
    ):
        submitter, page = submitted_practice("Peer-Mentoring im Absolventenmanagement")
        mail.outbox.clear()

        with (
            override_settings(EMAIL_BACKEND="tests.cms.test_workflow.RefusingMailServer"),
            caplog.at_level(logging.WARNING, logger="cms.mail"),
        ):
            response = approve_as_second_editor(page)

        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live
        assert Client().get(page.url).status_code == 200
        assert mail.outbox == []
        assert "ConnectionRefusedError: SMTP server not reachable" in caplog.text
        later = timezone.now() + timedelta(minutes=5)
        monkeypatch.setattr(timezone, "now", lambda: later)
        call_command("email_retry", stdout=StringIO())
        [message] = mail.outbox
        assert message.to == [submitter.email]
        assert message.subject == (
            "Ihr Praxisbeispiel „Peer-Mentoring im Absolventenmanagement“ ist veröffentlicht"
        )


class LoginRefusingMailServer(EmailBackend):
    """A mail server that refuses the login (Wagtail opens the connection before sending)."""

    def open(self):
        raise smtplib.SMTPAuthenticationError(535, b"5.7.8 Authentication failed")


class TestReviewNotifications:
    def test_mail_server_refusing_the_login_does_not_break_a_submission(
        self, issue, editor_a, editor_b, monkeypatch
    ):
        with override_settings(EMAIL_BACKEND="tests.cms.test_workflow.LoginRefusingMailServer"):
            article = submit_new_article(Client(raise_request_exception=False), editor_a, issue)

        assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert mail.outbox == []
        later = timezone.now() + timedelta(minutes=5)
        monkeypatch.setattr(timezone, "now", lambda: later)
        call_command("email_retry", stdout=StringIO())
        [message] = [message for message in mail.outbox if message.to == [editor_b.email]]
        assert article.title in message.subject
        assert message.extra_headers["Auto-Submitted"] == "auto-generated"

    def test_line_break_in_a_title_still_reaches_the_reviewers(
        self, issue, editor_a, editor_b, django_capture_on_commit_callbacks
    ):
        # Saved before titles were checked for line breaks.
        article = ArticlePage(
            title="Joboffensive:\r\nmehr Zeit", slug="joboffensive", teaser="Mehr Zeit.", live=False
        )
        issue.add_child(instance=article)
        article.save_revision(user=editor_a)

        with django_capture_on_commit_callbacks(execute=True):
            article.get_workflow().start(article, editor_a)

        [message] = [message for message in mail.outbox if message.to == [editor_b.email]]
        assert "„Joboffensive: mehr Zeit“" in message.subject
