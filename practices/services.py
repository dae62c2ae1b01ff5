"""Writes of the practice library."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from cms.access import page_is_restricted, page_set_staff_only
from cms.mail.services import email_send
from cms.site_url import absolute_url

from .content import PracticeContent, practice_apply
from .models import PracticeDocument, PracticeImage, PracticeIndexPage, PracticePage
from .reference import UMLAUTS


def unique_slug(parent, title: str) -> str:
    base = slugify(title.translate(UMLAUTS))[:200] or "praxisbeispiel"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def practice_submit(*, user, content: PracticeContent) -> PracticePage:
    """Save a practice from staff as a draft and submit it to the Redaktion's review workflow."""
    index = PracticeIndexPage.objects.first()
    if index is None:
        raise PracticeIndexPage.DoesNotExist("There is no practice index to add practices to.")
    page = PracticePage(
        slug=unique_slug(index, content.title), submitted_by=user, live=False, owner=user
    )
    _practice_fill(page, user=user, content=content)
    page.full_clean(exclude=["path", "depth", "url_path"])
    index.add_child(instance=page)
    if content.staff_only:
        page_set_staff_only(page, True)
    page.save_revision(user=user, log_action=True)
    if not user.has_perm("wagtailadmin.access_admin"):
        _silence_admin_notifications(user)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page


def submission_open_for_changes(*, page: PracticePage, user) -> WorkflowState:
    """The review of ``page`` that waits for changes from ``user``, who submitted it.

    Raises ``PermissionDenied`` with the reason, for the member to read, in every other case.
    """
    if user is None or not user.is_authenticated or page.submitted_by_id != user.pk:
        raise PermissionDenied(_("Only the member who submitted this practice can revise it."))
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise PermissionDenied(
            _(
                "The Redaktion is reviewing this submission. You can revise it when they ask "
                "you for changes."
            )
        )
    if (
        workflow_state is None
        or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES
        # A review an editor started on the page asks the editor, not the member.
        or workflow_state.requested_by_id != user.pk
    ):
        raise PermissionDenied(_("This submission is no longer open for changes."))
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        raise PermissionDenied(
            _("The Redaktion is editing this submission at the moment. Please try again later.")
        )
    return workflow_state


@transaction.atomic
def practice_resubmit(*, page: PracticePage, user, content: PracticeContent) -> PracticePage:
    """Save ``user``'s answer to the Redaktion's change request on ``page`` and send it back.

    The answer becomes a new revision by ``user``, and the review resumes at the step that
    asked for changes, as it does when an editor resubmits in Wagtail's page editor; the
    Redaktion is notified by Wagtail. Returns the page as revised.
    """
    workflow_state = submission_open_for_changes(page=page, user=user)
    draft = page.get_latest_revision_as_object()
    _practice_fill(draft, user=user, content=content)
    if not draft.live:
        # As in Wagtail's editor: the row of a page never published holds its latest draft.
        draft.save()
    if content.staff_only != page_is_restricted(draft):
        page_set_staff_only(draft, content.staff_only)
    draft.save_revision(user=user, log_action=True)
    workflow_state.resume(user)
    return draft


def _practice_fill(page: PracticePage, *, user, content: PracticeContent) -> None:
    """Put ``content`` into ``page``, a new page or the latest revision of a submitted one, and
    attach the member's uploads to the documents and images the practice has."""
    practice_apply(page, content=content)
    if content.document is not None:
        documents = list(page.documents.all())
        uploaded = _document_create(user=user, upload=content.document)
        page.documents = [
            *documents,
            PracticeDocument(document=uploaded, sort_order=len(documents)),
        ]
    if content.image is not None:
        images = list(page.images.all())
        uploaded = _image_create(
            user=user, upload=content.image, title=content.title, description=content.image_alt
        )
        page.images = [
            *images,
            PracticeImage(image=uploaded, alt_text=content.image_alt, sort_order=len(images)),
        ]


def _document_create(*, user, upload):
    from wagtail.documents import get_document_model

    document = get_document_model()(title=upload.name, file=upload, uploaded_by_user=user)
    document.save()
    return document


def _image_create(*, user, upload, title: str, description: str = ""):
    from wagtail.images import get_image_model

    # The member's alt text becomes the image's description, which editors' alt texts start from.
    image = get_image_model()(
        title=title, description=description[:255], file=upload, uploaded_by_user=user
    )
    image.save()
    return image


def _silence_admin_notifications(user) -> None:
    """Staff without admin access get our own e-mail; Wagtail's would link into the admin."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def practice_notify_submitter(*, page: PracticePage) -> bool:
    """Tell the member who submitted ``page`` that it is published; only ever once.

    Call inside the transaction that publishes: the e-mail is queued with it and leaves after
    the commit (``cms.mail``).
    """
    submitter = page.submitted_by
    if submitter is None or not submitter.email or page.submitter_notified:
        return False
    # The flag, not the in-memory page, decides: a second publish of a stale copy sends nothing.
    if not PracticePage.objects.filter(pk=page.pk, submitter_notified=False).update(
        submitter_notified=True
    ):
        return False
    _email_submitter(submitter, "published", {"page": page, "url": absolute_url(page.url)})
    return True


def practice_notify_changes_requested(*, page: PracticePage, reviewer, comment: str) -> bool:
    """Tell the member who submitted ``page`` that the Redaktion asks for changes.

    Submitters without admin access cannot open the review in Wagtail, so the e-mail carries
    the reviewer's comment and the link to revise the practice on the site; answering the
    e-mail reaches the reviewer.
    """
    submitter = page.submitted_by
    if submitter is None or not submitter.email:
        return False
    _email_submitter(
        submitter,
        "changes_requested",
        {
            "page": page,
            "comment": comment.strip(),
            "edit_url": absolute_url(reverse("practices:submission_edit", args=[page.pk])),
        },
        reviewer=reviewer,
    )
    return True


def practice_notify_declined(*, page: PracticePage, reviewer, reason: str) -> bool:
    """Tell the member who submitted ``page`` that the Redaktion declined it, and why."""
    submitter = page.submitted_by
    if submitter is None or not submitter.email:
        return False
    _email_submitter(
        submitter,
        "declined",
        {
            "page": page,
            "reason": reason.strip(),
            "submissions_url": absolute_url(reverse("practices:my_submissions")),
        },
        reviewer=reviewer,
    )
    return True


def _email_submitter(submitter, template: str, context: dict, *, reviewer=None) -> None:
    """Queue ``practices/email/<template>*`` to ``submitter``; answering reaches the reviewer."""
    context = {"user": submitter, "site_name": settings.WAGTAIL_SITE_NAME, **context}
    email_send(
        to=[submitter.email],
        subject=render_to_string(f"practices/email/{template}_subject.txt", context),
        body=render_to_string(f"practices/email/{template}.txt", context),
        html=render_to_string(f"practices/email/{template}.html", context),
        reply_to=[reviewer.email] if reviewer is not None and reviewer.email else [],
    )
