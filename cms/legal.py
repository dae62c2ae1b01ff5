"""The accessibility statement (§ 12b BGG, model statement of Implementing Decision (EU)
2018/1523) with its feedback form, and the Redaktion's tracking of that feedback."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.search import index

from cms.accounts.groups import EDITORS
from cms.mail.services import email_send
from cms.site_url import absolute_url
from cms.validators import SingleLineFieldsMixin

CONCILIATION_BODY_URL = "https://www.schlichtungsstelle-bgg.de"
# Without an address of the sender a flood could only be stopped across all senders; the cap is
# far above what a site of this size receives in an hour.
FEEDBACK_PER_HOUR = 30


def may_handle_accessibility_feedback(user) -> bool:
    """The Redaktion (and superusers) read and answer the feedback; nobody else sees it."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


class BarrierBlock(blocks.StructBlock):
    barrier = blocks.TextBlock(label=_("barrier"))
    reason = blocks.TextBlock(label=_("reason"), help_text=_("Why it is not (yet) accessible."))
    alternative = blocks.TextBlock(
        label=_("accessible alternative"), required=False, help_text=_("How to get the content.")
    )

    class Meta:
        icon = "warning"
        label = _("known barrier")


class AccessibilityStatementPage(SingleLineFieldsMixin, Page):
    """The one accessibility statement of the site, with the form to report a barrier."""

    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    intro = models.CharField(_("lead"), max_length=300, blank=True)
    compliance = models.CharField(
        _("compliance status"), max_length=10, choices=Compliance, default=Compliance.PARTIAL
    )
    barriers = StreamField(
        [("barrier", BarrierBlock())], verbose_name=_("known barriers"), blank=True
    )
    assessment_date = models.DateField(_("date of the assessment"))
    assessment_method = models.TextField(
        _("method of the assessment"),
        help_text=_("e.g. self-assessment with automated checks and manual tests"),
    )
    statement_date = models.DateField(_("statement made on"))
    reviewed_date = models.DateField(_("last reviewed on"), null=True, blank=True)
    contact_name = models.CharField(_("contact"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    conciliation_url = models.URLField(
        _("address of the conciliation body"), default=CONCILIATION_BODY_URL
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("compliance"),
        FieldPanel("barriers"),
        MultiFieldPanel(
            [
                FieldPanel("assessment_date"),
                FieldPanel("assessment_method"),
                FieldPanel("statement_date"),
                FieldPanel("reviewed_date"),
            ],
            heading=_("Preparation of the statement"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Feedback and contact"),
        ),
        FieldPanel("conciliation_url"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    template = "cms/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def serve(self, request, *args, **kwargs):
        form = AccessibilityFeedbackForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if form.is_valid():
                try:
                    if not form.cleaned_data["website"]:
                        feedback_create(page=self, **form.feedback_values())
                except ValidationError as error:
                    form.add_error(None, error)
            if form.is_valid():
                # A filled honeypot gets the same answer, so that a robot learns nothing.
                messages.success(
                    request,
                    gettext(
                        "Thank you for your message. The Redaktion will answer within one "
                        "month if you gave an e-mail address."
                    ),
                )
                return redirect(self.url)
            messages.error(request, gettext("Please correct the marked fields."))
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        return TemplateResponse(
            request, self.get_template(request), context, status=400 if form.is_bound else 200
        )


class AccessibilityFeedback(SingleLineFieldsMixin, models.Model):
    """A barrier reported through the statement's form, answered within one month."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ANSWERED = "answered", _("answered")

    received_at = models.DateTimeField(_("received"), default=timezone.now)
    due_on = models.DateField(_("answer due"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    page_address = models.CharField(_("page concerned"), max_length=500, blank=True)
    description = models.TextField(_("description"), max_length=5000)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    note = models.TextField(_("internal note"), blank=True)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return gettext("Feedback of %(date)s") % {
            "date": timezone.localtime(self.received_at).strftime("%d.%m.%Y %H:%M")
        }

    @property
    def overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_on < timezone.localdate()


class AccessibilityFeedbackForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("Optional; without it we cannot answer you."),
        error_messages={"invalid": _("Please enter a valid e-mail address, e.g. name@example.de.")},
    )
    page_address = forms.CharField(
        label=_("Address (URL) or name of the page concerned"), max_length=500, required=False
    )
    description = forms.CharField(
        label=_("Which barrier did you find?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please describe the barrier.")},
    )
    # Hidden from people and assistive technology; robots that fill every field fill it too.
    website = forms.CharField(
        label=_("Website"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("website") and feedback_flooded():
            raise ValidationError(
                _(
                    "Very many messages have arrived in the last hour. Please try again later "
                    "or write to us by e-mail."
                ),
                code="flood",
            )
        return cleaned

    def feedback_values(self) -> dict[str, str]:
        return {
            key: self.cleaned_data[key] for key in ("name", "email", "page_address", "description")
        }


def feedback_due_on(received: date) -> date:
    return received + relativedelta(months=1)


def feedback_flooded() -> bool:
    limit = getattr(settings, "ACCESSIBILITY_FEEDBACK_PER_HOUR", FEEDBACK_PER_HOUR)
    since = timezone.now() - timedelta(hours=1)
    return (
        bool(limit)
        and AccessibilityFeedback.objects.filter(received_at__gte=since).count() >= limit
    )


def accessibility_feedback_purge(*, today: date | None = None) -> int:
    """Delete feedback answered more than ACCESSIBILITY_FEEDBACK_RETENTION_DAYS ago, as the
    Datenschutz page states; open feedback stays until it is answered. Returns the number."""
    cutoff = (today or timezone.localdate()) - timedelta(
        days=settings.ACCESSIBILITY_FEEDBACK_RETENTION_DAYS
    )
    answered = AccessibilityFeedback.objects.filter(status=AccessibilityFeedback.Status.ANSWERED)
    # Feedback marked answered without a date counts from when it came in.
    expired = answered.filter(
        models.Q(answered_on__lt=cutoff)
        | models.Q(answered_on__isnull=True, received_at__date__lt=cutoff)
    )
    deleted, _rows = expired.delete()
    return deleted


def editor_addresses() -> list[str]:
    return list(
        get_user_model()
        .objects.filter(groups__name=EDITORS, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .distinct()
    )


@transaction.atomic
def feedback_create(
    *,
    page: AccessibilityStatementPage | None,
    description: str,
    name: str = "",
    email: str = "",
    page_address: str = "",
) -> AccessibilityFeedback:
    """Store a reported barrier and tell the Redaktion by e-mail once the row is committed."""
    now = timezone.now()
    feedback = AccessibilityFeedback(
        received_at=now,
        due_on=feedback_due_on(timezone.localdate(now)),
        name=name.strip(),
        email=email.strip(),
        page_address=page_address.strip(),
        description=description.strip(),
    )
    feedback.full_clean()
    feedback.save()
    feedback_notify_editors(feedback=feedback, page=page)
    return feedback


def feedback_notify_editors(
    *, feedback: AccessibilityFeedback, page: AccessibilityStatementPage | None
) -> None:
    from django.urls import reverse

    context = {
        "feedback": feedback,
        "statement_url": absolute_url(page.url or "") if page is not None else "",
        "admin_url": absolute_url(
            reverse("wagtailsnippets_cms_accessibilityfeedback:edit", args=[feedback.pk])
        ),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    email_send(
        to=editor_addresses(),
        subject=render_to_string("cms/legal/feedback_email_subject.txt", context),
        body=render_to_string("cms/legal/feedback_email.txt", context),
        reply_to=[feedback.email] if feedback.email else [],
    )


def feedback_mark(*, feedback: AccessibilityFeedback, status: str) -> AccessibilityFeedback:
    """Set the status; the date of the answer is kept from the first time it was answered."""
    feedback.status = status
    if status == AccessibilityFeedback.Status.ANSWERED:
        feedback.answered_on = feedback.answered_on or timezone.localdate()
    else:
        feedback.answered_on = None
    return feedback


class AccessibilityFeedbackPolicy(BasePermissionPolicy):
    """Feedback arrives through the form only: the Redaktion reads, answers and deletes it."""

    actions = {"view", "change", "delete"}

    def user_has_permission(self, user, action):
        return action in self.actions and may_handle_accessibility_feedback(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        return users.filter(models.Q(is_superuser=True) | models.Q(groups__name=EDITORS)).distinct()
