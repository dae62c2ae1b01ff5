"""Wagtail's review notifications (submitted, approved, rejected) through the mail queue.

Wagtail sends them itself, inside the request, over a connection it opens first: a mail server
that refuses the login answers the editor with a 500, and a title with a line break loses the
e-mail. These notifiers render Wagtail's own templates for each recipient and queue the result.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import override
from wagtail.admin import mail as wagtail_mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from .services import email_send, isolated_side_effect


class QueuedEmailMixin:
    def send_emails(self, template_set, context, recipients, **kwargs) -> bool:
        with isolated_side_effect(f"Queueing the review notification “{self.notification}”"):
            for recipient in recipients:
                context["user"] = recipient
                with override(recipient.wagtail_userprofile.get_preferred_language()):
                    subject = render_to_string(template_set["subject"], context)
                    body = render_to_string(template_set["text"], context).strip()
                    html = (
                        render_to_string(template_set["html"], context)
                        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False)
                        else ""
                    )
                email_send(
                    to=[recipient.email],
                    subject=subject,
                    body=body,
                    html=html,
                    from_email=getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", ""),
                    headers={"Auto-Submitted": "auto-generated"},
                )
            return True
        return False


class TaskSubmittedNotifier(
    QueuedEmailMixin, wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier
):
    pass


class WorkflowSubmittedNotifier(
    QueuedEmailMixin, wagtail_mail.WorkflowStateSubmissionEmailNotifier
):
    pass


class WorkflowRejectedNotifier(QueuedEmailMixin, wagtail_mail.WorkflowStateRejectionEmailNotifier):
    pass


class WorkflowApprovedNotifier(QueuedEmailMixin, wagtail_mail.WorkflowStateApprovalEmailNotifier):
    pass


task_submitted_notifier = TaskSubmittedNotifier()
workflow_submitted_notifier = WorkflowSubmittedNotifier()
workflow_rejected_notifier = WorkflowRejectedNotifier()
workflow_approved_notifier = WorkflowApprovedNotifier()

# Wagtail's receivers, by the dispatch_uid it registers them with, and their replacements.
REPLACEMENTS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        task_submitted_notifier,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        workflow_submitted_notifier,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        workflow_rejected_notifier,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        workflow_approved_notifier,
    ),
]


def replace_wagtail_notifiers() -> None:
    """Swap Wagtail's notification receivers for the queued ones.

    Call once wagtail.admin is ready: its ``signal_handlers.register_signal_handlers`` connects
    the receivers replaced here.
    """
    for signal, sender, dispatch_uid, notifier in REPLACEMENTS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=f"cms.mail.{dispatch_uid}")
