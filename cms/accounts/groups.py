"""The platform's groups and what each may do; applied idempotently after every migrate."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

STAFF = "Netzwerk-Mitarbeitende"
EDITORS = "Redaktion"
MODERATORS = "Moderation"
# Members of a provider (``offers.Provider.members``) keep its offers on the site, not in the
# admin: the group has no admin access and no page permissions.
PROVIDERS = "Träger"

WORKFLOW_NAME = "Redaktionelle Prüfung"
TASK_NAME = "Freigabe durch die Redaktion"
# Wagtail names the root of the page tree "Root"; the admin shows it atop every breadcrumb.
ROOT_PAGE_TITLE = "Alle Seiten"
# Wagtail's sample workflow and its task, retired below, under a German name that says so.
WAGTAIL_SAMPLE_NAME = "Moderators approval"
RETIRED_SAMPLE_NAME = "Wagtail-Beispiel (stillgelegt)"

# Page permissions the Redaktion holds on the whole tree; publishing goes through the workflow.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
# Models of these apps are edited by the Redaktion as snippets (taxonomies, directory).
EDITOR_MODEL_APPS = ["practices", "offers"]
# The Redaktion follows up workshop proposals (status, progress note, links) in the admin.
EDITOR_EXTRA_PERMISSIONS: list[tuple[str, str]] = [
    ("events", "view_proposal"),
    ("events", "change_proposal"),
]
MODERATOR_MODEL_APPS = ["forum"]


def _permission(app_label: str, codename: str) -> Permission | None:
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


@transaction.atomic
def groups_sync() -> dict[str, Group]:
    """Create or update the groups, their permissions and the review workflow; give the
    page tree's root its German title."""
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
        Task,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    from cms.models import ReviewTask

    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (STAFF, EDITORS, MODERATORS, PROVIDERS)
    }
    access_admin = _permission("wagtailadmin", "access_admin")

    editors = groups[EDITORS]
    moderators = groups[MODERATORS]
    for group in (editors, moderators):
        if access_admin:
            group.permissions.add(access_admin)
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=EDITOR_MODEL_APPS)
    )
    extra = [_permission(app_label, codename) for app_label, codename in EDITOR_EXTRA_PERMISSIONS]
    editors.permissions.add(*[permission for permission in extra if permission is not None])
    moderators.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=MODERATOR_MODEL_APPS)
    )

    root = Page.get_first_root_node()
    if root is None:
        return groups
    Page.objects.filter(pk=root.pk).exclude(title=ROOT_PAGE_TITLE).update(
        title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
    )
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = _permission("wagtailcore", codename)
        if permission:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    if root_collection:
        for app_label, codenames in EDITOR_COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                permission = _permission(app_label, codename)
                if permission:
                    GroupCollectionPermission.objects.get_or_create(
                        group=editors, collection=root_collection, permission=permission
                    )

    task = ReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ReviewTask.objects.create(name=TASK_NAME)
    task.groups.set([editors])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    # Databases set up before the four-eyes review task had a plain GroupApprovalTask here.
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    GroupApprovalTask.objects.filter(name=TASK_NAME).update(active=False)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # One review workflow for the whole tree; Wagtail's sample "Moderators approval" is retired.
    WorkflowPage.objects.exclude(workflow=workflow).filter(page=root).delete()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).filter(name=WAGTAIL_SAMPLE_NAME).update(
        name=RETIRED_SAMPLE_NAME, active=False
    )
    Task.objects.filter(name=WAGTAIL_SAMPLE_NAME).update(name=RETIRED_SAMPLE_NAME, active=False)
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()
    return groups
