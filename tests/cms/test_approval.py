"""Approval publishes, whichever way the second editor gives it, with Wagtail's autosave on."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState
from wagtail.test.utils.wagtail_tests import WagtailTestUtils

from cms.models import ArticlePage
from tests.cms.test_workflow import approve_url, article_form, submit_new_article

pytestmark = pytest.mark.django_db

APPROVE_IN_EDITOR = {"action-workflow-action": "true", "workflow-action-name": "approve"}


@pytest.fixture
def issue(review_issue):
    return review_issue


@pytest.fixture
def submitter(editor_a):
    return editor_a


@pytest.fixture
def approver(editor_b):
    return editor_b


def log_actions(page) -> list[str]:
    return list(
        PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True)
    )


def test_approving_in_the_editor_publishes_once(client, issue, submitter, approver):
    article = submit_new_article(client, submitter, issue)
    client.force_login(approver)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        {**article_form(), **APPROVE_IN_EDITOR},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert article.current_workflow_state is None
    assert log_actions(article).count("wagtail.publish") == 1
    client.logout()
    assert client.get(article.url).status_code == 200


def test_an_autosave_that_carries_the_approval_takes_no_step(client, issue, submitter, approver):
    """The editor's hidden step fields reach the background autosave too; it must not approve,
    or the two requests race and the loser saves its unpublished copy over the published page."""
    article = submit_new_article(client, submitter, issue)
    revisions = article.revisions.count()
    client.force_login(approver)
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

    autosave = client.post(
        edit_url, {**article_form(), **APPROVE_IN_EDITOR}, HTTP_ACCEPT="application/json"
    )

    assert autosave.status_code == 409
    assert autosave.json()["success"] is False
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert article.revisions.count() == revisions
    assert "wagtail.publish" not in log_actions(article)

    submission = client.post(edit_url, {**article_form(), **APPROVE_IN_EDITOR})

    assert submission.status_code == 302
    article.refresh_from_db()
    assert article.live


def test_a_plain_autosave_still_saves_a_draft(client, issue, submitter, approver):
    article = submit_new_article(client, submitter, issue)
    client.force_login(approver)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        article_form(teaser="Ein Jobcenter erprobt mit der Kommune neue Wege in die Arbeit."),
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().teaser.startswith("Ein Jobcenter erprobt")
    assert not article.live


def test_approving_from_the_dashboard_or_report_publishes(client, issue, submitter, approver):
    article = submit_new_article(client, submitter, issue)
    client.force_login(approver)

    response = client.post(approve_url(article), {"comment": "", "next": "/admin/"})

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert log_actions(article).count("wagtail.publish") == 1


def test_a_scheduled_approval_shows_as_scheduled_not_published(client, issue, submitter, approver):
    go_live_at = timezone.localtime() + timedelta(days=3)
    client.force_login(submitter)
    client.post(
        reverse("wagtailadmin_pages:add", args=("cms", "articlepage", issue.pk)),
        {
            **article_form(go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M")),
            "action-submit": "Zur Freigabe einreichen",
        },
    )
    article = ArticlePage.objects.get(slug="joboffensive-mehr-zeit")
    assert article.current_workflow_state is not None
    client.force_login(approver)

    response = client.post(approve_url(article), {"comment": ""})

    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert article.scheduled_revision is not None
    actions = log_actions(article)
    assert "wagtail.publish.schedule" in actions
    assert "wagtail.publish" not in actions
    history = client.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    entries = [
        " ".join(row.get_text(" ").split())
        for row in WagtailTestUtils.get_soup(history.content).select("tbody tr")
    ]
    assert any("zur Veröffentlichung am" in entry and "eingeplant" in entry for entry in entries)
    assert not any("Erschienen" in entry for entry in entries), entries
