import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from cms.accounts.groups import EDITORS, MODERATORS, STAFF, WORKFLOW_NAME, groups_sync
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db


def test_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {STAFF, EDITORS, MODERATORS}


def test_editors_draft_but_publish_through_review(home):
    groups_sync()
    editors = Group.objects.get(name=EDITORS)
    codenames = set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page"} <= codenames
    assert "publish_page" not in codenames
    assert editors.permissions.filter(codename="access_admin").exists()
    workflow_page = WorkflowPage.objects.get(page=Page.get_first_root_node())
    assert workflow_page.workflow.name == WORKFLOW_NAME
    task = workflow_page.workflow.tasks.get().specific
    assert list(task.groups.all()) == [editors]
    # The four-eyes review task: the submitter cannot approve their own submission.
    assert type(task).__name__ == "ReviewTask"
    assert task.forbid_self_approval


def test_staff_have_no_admin_access(client, home, staff_user):
    groups_sync()
    client.force_login(staff_user)
    response = client.get("/admin/")
    assert response.status_code == 302


def test_groups_sync_is_idempotent(home):
    groups_sync()
    before = (GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    groups_sync()
    assert (GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == before


def test_editor_logs_into_german_admin(client, home, editor):
    groups_sync()
    response = client.post(
        "/admin/login/", {"username": "redakteurin", "password": PASSWORD}, follow=True
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/admin/"
    assert 'lang="de"' in html
    assert "Seiten" in html
