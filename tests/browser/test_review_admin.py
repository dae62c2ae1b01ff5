"""Approval in the page editor, with Wagtail's autosave on, as two editors do it every day."""

import re

import pytest
from django.conf import settings
from django.db import connection
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect
from wagtail.models import Workflow

from cms.accounts.groups import WORKFLOW_NAME
from tests.browser.conftest import WATCH_EDITS


def submit_in_admin(page, issue, title: str) -> None:
    page.goto(f"/admin/pages/add/cms/articlepage/{issue.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_teaser").fill("Ein Jobcenter erprobt gemeinsam mit der Kommune neue Wege.")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-submit']").click()
    expect(page.locator(".messages")).to_contain_text(title)


def submit_for_review(issue, user, title: str):
    from cms.models import ArticlePage

    article = ArticlePage(
        title=title,
        teaser="Ein Jobcenter erprobt gemeinsam mit der Kommune neue Wege.",
        authors="Redaktion",
        live=False,
    )
    issue.add_child(instance=article)
    article.save_revision(user=user)
    Workflow.objects.get(name=WORKFLOW_NAME).start(article, user)
    return article


@pytest.mark.sqlite_default
def test_approvals_in_a_row_from_the_editor_all_publish(
    browser, live_server, demo_site, open_as, page
):
    from cms.accounts.models import User
    from cms.models import ArticlePage, MagazineIssue

    assert getattr(settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500) > 0
    # Ten in a row on the SQLite default, whose single writer the autosaves compete for; on
    # PostgreSQL a few go through the same path.
    approvals = 10 if connection.vendor == "sqlite" else 3
    issue = MagazineIssue.objects.get(issue_number=7)
    submitter = open_as("redaktion", admin=True)
    submit_in_admin(submitter, issue, "Freigabe im Editor 1")
    author = User.objects.get(username="redaktion")
    titles = ["Freigabe im Editor 1"] + [
        submit_for_review(issue, author, f"Freigabe im Editor {number}").title
        for number in range(2, approvals + 1)
    ]
    approver = open_as("redaktion2", admin=True)
    # Wagtail starts watching the form for edits (and so autosaving) two seconds after it loads,
    # as an editor reading the submission would see it.
    approver.add_init_script(WATCH_EDITS)
    server_errors = []
    approver.on(
        "response",
        lambda response: (
            # 409: an autosave that carried the approval, which the editor should never send.
            (response.status >= 500 or response.status == 409)
            and server_errors.append(f"{response.status} {response.request.method} {response.url}")
        ),
    )
    reader = page

    for number, title in enumerate(titles, start=1):
        article = ArticlePage.objects.get(title=title)
        approver.goto(f"/admin/pages/{article.pk}/edit/")
        expect(approver.locator("html[data-watching-edits]")).to_be_attached()
        if number % 2 == 0:
            # An edit just before approving goes live with the approval. Its autosave is let
            # finish first: the in-memory test database refuses two writers at once outright,
            # where the file database waits for the other (tests/cms/test_sqlite_concurrency.py).
            edit_path = f"/admin/pages/{article.pk}/edit/"
            try:
                with approver.expect_response(
                    lambda response, path=edit_path: (
                        response.request.method == "POST" and response.url.endswith(path)
                    ),
                    timeout=4_000,
                ):
                    approver.locator("#id_teaser").fill(
                        f"Von der Redaktion überarbeitet ({number})."
                    )
            except PlaywrightTimeoutError:
                pass  # no autosave yet: the approval's own submission carries the edit
        approver.locator("[data-w-dropdown-target='toggle']").last.click()
        approver.get_by_role("button", name="Freigeben und Veröffentlichen").click()
        expect(approver.locator(".messages")).to_contain_text(title)
        # Any autosave still under way has finished before the page is read back.
        approver.wait_for_load_state("networkidle")

        article.refresh_from_db()
        assert article.live, f"approval {number} did not publish {title!r}"
        assert article.current_workflow_state is None
        answer = reader.goto(article.url)
        assert answer.status == 200
        if number % 2 == 0:
            expect(reader.locator("main")).to_contain_text(f"überarbeitet ({number})")

    assert server_errors == []
    assert re.search(r"/admin/", approver.url)
