"""What happens when the review workflow approves a page (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Kept free of model imports: Wagtail resolves this path while its own models load.
"""


def publish_approved(workflow_state, user=None) -> None:
    """Publish the approved revision in the approver's name.

    The Redaktion holds no publish permission, so that nothing goes live without review; passing
    the review task is the permission. Wagtail's default action would check the approver's own
    publish permission and refuse.
    """
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
