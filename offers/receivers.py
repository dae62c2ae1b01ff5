"""E-mails to provider members about the review of their changes, queued with the review step.

Provider members have no admin access, so Wagtail's own notifications (which link into the
admin) are silenced for them (``services._review_start``); these take their place. Connected
from ``OffersConfig.ready()``.
"""

from django.dispatch import receiver
from wagtail.signals import workflow_approved, workflow_rejected

from cms.mail.services import isolated_side_effect
from cms.signals import review_declined

from .models import OfferPage
from .notifications import review_notify_member
from .permissions import may_edit_offer


def _offer_and_member(workflow_state) -> tuple[OfferPage | None, object | None]:
    # Fetched afresh: the page the review holds may predate the publish that approval did.
    page = OfferPage.objects.filter(pk=workflow_state.object_id).first()
    member = workflow_state.requested_by
    if page is None or member is None or not may_edit_offer(member, page):
        # A review the Redaktion started itself: Wagtail tells the editor.
        return None, None
    return page, member


@receiver(workflow_rejected, dispatch_uid="offers.notify_member_of_changes_requested")
def notify_member_on_changes_requested(sender, instance, user=None, **kwargs) -> None:
    page, member = _offer_and_member(instance)
    if page is None:
        return
    with isolated_side_effect(f"Asking the provider of offer {page.pk} for changes"):
        task_state = instance.current_task_state
        comment = (task_state.get_comment() if task_state else "") or ""
        review_notify_member(
            page=page, member=member, template="changes_requested", reviewer=user, comment=comment
        )


@receiver(workflow_approved, dispatch_uid="offers.notify_member_of_approval")
def notify_member_on_approval(sender, instance, user=None, **kwargs) -> None:
    page, member = _offer_and_member(instance)
    if page is None:
        return
    with isolated_side_effect(f"Telling the provider of offer {page.pk} it is published"):
        review_notify_member(page=page, member=member, template="approved", reviewer=user)


@receiver(review_declined, dispatch_uid="offers.notify_member_of_decline")
def notify_member_on_decline(sender, workflow_state, decline, user=None, **kwargs) -> None:
    page, member = _offer_and_member(workflow_state)
    if page is None:
        return
    with isolated_side_effect(f"Telling the provider of offer {page.pk} it was declined"):
        review_notify_member(
            page=page, member=member, template="declined", reviewer=user, comment=decline.reason
        )
