"""The review's e-mails: they greet people by the name they show and speak of the Redaktion's
"redaktionelle Prüfung", never of the forum's "Moderation"."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from cms.accounts.groups import EDITORS
from cms.models import ArticlePage
from tests.factories import create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(review_issue):
    return review_issue


@pytest.fixture
def submitter(db):
    return create_user(
        EDITORS, username="redakteurin.a", first_name="Anni", display_name="Anna Berger"
    )


@pytest.fixture
def reviewer(db):
    return create_user(
        EDITORS, username="redakteur.b", first_name="Tobi", display_name="Tobias Keller"
    )


@pytest.fixture
def operator(db):
    return create_user(
        username="betrieb", is_superuser=True, first_name="Bea", display_name="Betrieb Wissensbörse"
    )


def submit_for_review(issue, submitter, capture) -> ArticlePage:
    article = ArticlePage(
        title="Neue Wege in die Arbeit",
        slug="neue-wege",
        teaser="Ein Jobcenter erprobt.",
        live=False,
    )
    issue.add_child(instance=article)
    article.save_revision(user=submitter)
    with capture(execute=True):
        article.get_workflow().start(article, submitter)
    return article


def message_to(user):
    [message] = [message for message in mail.outbox if message.to == [user.email]]
    return message


def assert_reads_as_the_review(message):
    text = f"{message.subject}\n{message.body}"
    assert "redaktionellen Prüfung" in text
    assert "Moderation" not in text


class TestSubmissionEmail:
    def test_greets_the_reviewer_by_display_name(
        self, issue, submitter, reviewer, django_capture_on_commit_callbacks
    ):
        submit_for_review(issue, submitter, django_capture_on_commit_callbacks)

        message = message_to(reviewer)
        assert message.body.splitlines()[0] == "Guten Tag Tobias Keller,"
        assert "Tobi," not in message.body
        assert_reads_as_the_review(message)
        assert "„Neue Wege in die Arbeit“" in message.subject

    def test_greets_the_operator_by_display_name(
        self, issue, submitter, reviewer, operator, django_capture_on_commit_callbacks
    ):
        submit_for_review(issue, submitter, django_capture_on_commit_callbacks)

        # One e-mail for the review step, one for the start of the workflow.
        messages = [message for message in mail.outbox if message.to == [operator.email]]
        assert len(messages) == 2
        for message in messages:
            assert message.body.splitlines()[0] == "Guten Tag Betrieb Wissensbörse,"
            assert_reads_as_the_review(message)
        # Wagtail names the person who submitted by their full name: the one they show.
        assert any("von Anna Berger zur redaktionellen Prüfung" in m.body for m in messages)
        assert not any("Anni" in m.body for m in messages)

    @override_settings(WAGTAILADMIN_NOTIFICATION_USE_HTML=True)
    def test_the_html_version_greets_by_display_name_too(
        self, issue, submitter, reviewer, django_capture_on_commit_callbacks
    ):
        submit_for_review(issue, submitter, django_capture_on_commit_callbacks)

        [(html, _mime)] = message_to(reviewer).alternatives
        soup = BeautifulSoup(html, "html.parser")
        paragraphs = [p.get_text(" ", strip=True) for p in soup.find_all("p")]
        assert paragraphs[0] == "Guten Tag Tobias Keller,"
        assert "redaktionellen Prüfung" in paragraphs[1]
        assert "Moderation" not in soup.get_text()


class TestDecisionEmail:
    def test_approval_greets_the_submitter_by_display_name(
        self, client, issue, submitter, reviewer, django_capture_on_commit_callbacks
    ):
        article = submit_for_review(issue, submitter, django_capture_on_commit_callbacks)
        task_state = article.current_workflow_state.current_task_state
        mail.outbox.clear()
        client.force_login(reviewer)

        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse(
                    "wagtailadmin_pages:workflow_action",
                    args=(article.pk, "approve", task_state.pk),
                ),
                {"comment": "Passt, danke!"},
            )

        message = message_to(submitter)
        assert message.body.splitlines()[0] == "Guten Tag Anna Berger,"
        assert "Anni" not in message.body


class TestPasswordResetEmails:
    def test_the_sites_reset_greets_by_display_name(
        self, client, home, submitter, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("accounts:password_reset"), {"email": submitter.email})

        assert message_to(submitter).body.splitlines()[0] == "Guten Tag Anna Berger,"

    def test_the_admins_reset_greets_by_display_name(
        self, client, home, submitter, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("wagtailadmin_password_reset"), {"email": submitter.email})

        assert message_to(submitter).body.splitlines()[0] == "Guten Tag Anna Berger,"
