"""What happens when the review workflow approves a page (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Kept free of model imports at module level: Wagtail resolves this path while its own models load.
"""

import logging

from django.http import JsonResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def publish_approved(workflow_state, user=None) -> None:
    """Publish the approved revision in the approver's name.

    The Redaktion holds no publish permission, so that nothing goes live without review; passing
    the review task is the permission. Wagtail's default action would check the approver's own
    publish permission and refuse. Only an approval stands in for the permission, though: a
    workflow that finishes without one (all its tasks removed or deactivated) publishes only for
    a user who may publish anyway.
    """
    from wagtail.actions.publish_revision import PublishPermissionError
    from wagtail.models import TaskState

    approved_by_user = (
        user is not None
        and workflow_state.task_states.filter(
            status=TaskState.STATUS_APPROVED, finished_by=user
        ).exists()
    )
    revision = workflow_state.content_object.get_latest_revision()
    try:
        revision.publish(user=user, skip_permission_checks=approved_by_user)
    except PublishPermissionError:
        logger.warning(
            "Workflow %s finished without an approval; %s may not publish, so nothing went live.",
            workflow_state.pk,
            user,
        )


# The fields by which Wagtail's edit view chooses a publish or a review step over saving a draft.
STEP_FIELDS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
    "action-cancel-workflow",
    "workflow-action-name",
)


def autosave_step_refusal(request) -> JsonResponse | None:
    """Refuse a background autosave that carries a publish or review step.

    Wagtail's editor adds hidden step fields to the edit form just before submitting it, and its
    unsaved-changes check then autosaves that same form: the approval would run twice at once,
    and the request that lost the race saved its stale copy of the page (not live) over the
    published one, or failed on the workflow the other had just finished. Steps are taken only
    by the editor's own submission; an autosave (a request that does not accept HTML) saves a
    draft or nothing.
    """
    if request.method != "POST" or request.accepts("text/html"):
        return None
    if not any(request.POST.get(name) for name in STEP_FIELDS):
        return None
    return JsonResponse(
        {
            "success": False,
            "error_code": "blocked_by_hook",
            "error_message": _(
                "Publishing and review steps are not saved automatically; "
                "the form you submitted takes care of it."
            ),
        },
        status=409,
    )
