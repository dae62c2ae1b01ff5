"""Writes of the practice library."""

import html
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.text import slugify

from cms.access import page_set_staff_only
from cms.mail.services import email_send

from .models import Jobcenter, PracticeIndexPage, PracticePage
from .reference import UMLAUTS


@dataclass(frozen=True)
class Partner:
    partner_type_id: int
    name: str


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: str = ""


def text_to_richtext(text: str) -> str:
    """Plain text with blank-line paragraphs as escaped rich-text HTML."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format(html.escape(part).replace("\n", "<br/>")) for part in paragraphs if part
    )


def unique_slug(parent, title: str) -> str:
    base = slugify(title.translate(UMLAUTS))[:200] or "praxisbeispiel"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def practice_submit(
    *,
    user,
    title: str,
    teaser: str,
    jobcenters: list[Jobcenter],
    bundeslaender: list,
    start_date=None,
    end_date=None,
    status=None,
    topics=(),
    target_groups=(),
    phases=(),
    partners: list[Partner] = (),
    figures: list[Figure] = (),
    sections: dict[str, str] | None = None,
    contact: dict[str, str] | None = None,
    staff_only: bool = False,
    document=None,
    image=None,
    image_alt: str = "",
) -> PracticePage:
    """Save a practice from staff as a draft and submit it to the Redaktion's review workflow."""
    from .models import PracticeDocument, PracticeFigure, PracticeImage, PracticePartner

    index = PracticeIndexPage.objects.first()
    if index is None:
        raise PracticeIndexPage.DoesNotExist("There is no practice index to add practices to.")
    contact = contact or {}
    page = PracticePage(
        title=title,
        slug=unique_slug(index, title),
        teaser=teaser,
        supra_regional=bool(bundeslaender),
        start_date=start_date,
        end_date=end_date,
        status=status,
        contact_name=contact.get("name", ""),
        contact_function=contact.get("function", ""),
        contact_email=contact.get("email", ""),
        contact_phone=contact.get("phone", ""),
        submitted_by=user,
        live=False,
        owner=user,
        body=[
            (key, text_to_richtext(text))
            for key, text in (sections or {}).items()
            if text and text.strip()
        ],
    )
    page.jobcenters = list(jobcenters)
    if bundeslaender:
        page.bundeslaender = list(bundeslaender)
    page.topics = list(topics)
    page.target_groups = list(target_groups)
    page.phases = list(phases)
    page.partners = [
        PracticePartner(partner_type_id=p.partner_type_id, name=p.name, sort_order=position)
        for position, p in enumerate(partners)
    ]
    page.figures = [
        PracticeFigure(label=f.label, value=f.value, note=f.note, sort_order=position)
        for position, f in enumerate(figures)
    ]
    if document is not None:
        page.documents = [PracticeDocument(document=_document_create(user=user, upload=document))]
    if image is not None:
        uploaded = _image_create(user=user, upload=image, title=title)
        page.images = [PracticeImage(image=uploaded, alt_text=image_alt)]
    page.full_clean(exclude=["path", "depth", "url_path"])
    index.add_child(instance=page)
    if staff_only:
        page_set_staff_only(page, True)
    page.save_revision(user=user, log_action=True)
    if not user.has_perm("wagtailadmin.access_admin"):
        _silence_admin_notifications(user)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page


def _document_create(*, user, upload):
    from wagtail.documents import get_document_model

    document = get_document_model()(title=upload.name, file=upload, uploaded_by_user=user)
    document.save()
    return document


def _image_create(*, user, upload, title: str):
    from wagtail.images import get_image_model

    image = get_image_model()(title=title, file=upload, uploaded_by_user=user)
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
    context = {
        "user": submitter,
        "page": page,
        "url": page.get_full_url() or page.url,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    email_send(
        to=[submitter.email],
        subject=render_to_string("practices/email/published_subject.txt", context),
        body=render_to_string("practices/email/published.txt", context),
        html=render_to_string("practices/email/published.html", context),
    )
    return True


def practice_notify_changes_requested(*, page: PracticePage, reviewer, comment: str) -> bool:
    """Tell the member who submitted ``page`` that the Redaktion asks for changes.

    Submitters without admin access cannot open the review in Wagtail, so the e-mail carries
    the reviewer's comment, and answering it reaches the reviewer.
    """
    submitter = page.submitted_by
    if submitter is None or not submitter.email:
        return False
    context = {
        "user": submitter,
        "page": page,
        "comment": comment.strip(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    email_send(
        to=[submitter.email],
        subject=render_to_string("practices/email/changes_requested_subject.txt", context),
        body=render_to_string("practices/email/changes_requested.txt", context),
        html=render_to_string("practices/email/changes_requested.html", context),
        reply_to=[reviewer.email] if reviewer is not None and reviewer.email else [],
    )
    return True
