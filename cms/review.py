"""What happens when the review workflow approves a page (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Kept free of model imports at module level: Wagtail resolves this path while its own models load.
"""

import logging

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
