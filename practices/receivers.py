"""E-mails to the submitter of a practice: queued with the review step, sent after its commit.

A failure here is logged and never undoes or breaks the publication or the review itself.

The library's filter choices are forgotten when a value they offer changes.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, workflow_rejected

from cms.mail.services import isolated_side_effect
from cms.signals import review_declined

from .models import PracticePage
from .selectors import FILTER_CHOICE_SOURCES, practice_filter_choices_forget
from .services import (
    practice_notify_changes_requested,
    practice_notify_declined,
    practice_notify_submitter,
)


@receiver(page_published, sender=PracticePage, dispatch_uid="practices.notify_submitter")
def notify_submitter_on_publish(sender, instance, **kwargs) -> None:
    if instance.submitted_by_id and not instance.submitter_notified:
        with isolated_side_effect(f"Telling the submitter of practice {instance.pk}"):
            practice_notify_submitter(page=instance)


@receiver(workflow_rejected, dispatch_uid="practices.notify_submitter_of_changes")
def notify_submitter_on_changes_requested(sender, instance, user=None, **kwargs) -> None:
    page = getattr(instance.content_object, "specific", None)
    if not isinstance(page, PracticePage) or not page.submitted_by_id:
        return
    if instance.requested_by_id != page.submitted_by_id:
        # A review an editor started on the page asks the editor; Wagtail tells them.
        return
    with isolated_side_effect(f"Asking the submitter of practice {page.pk} for changes"):
        task_state = instance.current_task_state
        comment = (task_state.get_comment() if task_state else "") or ""
        practice_notify_changes_requested(page=page, reviewer=user, comment=comment)


@receiver(review_declined, dispatch_uid="practices.notify_submitter_of_decline")
def notify_submitter_on_decline(sender, workflow_state, decline, user=None, **kwargs) -> None:
    page = getattr(workflow_state.content_object, "specific", None)
    # Declining a revision of a published practice leaves the practice online.
    if not isinstance(page, PracticePage) or not page.submitted_by_id or page.live:
        return
    with isolated_side_effect(f"Telling the submitter of practice {page.pk} it was declined"):
        practice_notify_declined(page=page, reviewer=user, reason=decline.reason)


def forget_filter_choices(sender, **kwargs) -> None:
    practice_filter_choices_forget()


for _model, _field in FILTER_CHOICE_SOURCES.values():
    _name = _model.__name__
    post_save.connect(forget_filter_choices, _model, dispatch_uid=f"practices.saved.{_name}")
    post_delete.connect(forget_filter_choices, _model, dispatch_uid=f"practices.deleted.{_name}")
