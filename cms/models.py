from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState
from wagtail.search import index

from .blocks import ALT_TEXT_HELP, ALT_TEXT_MISSING, BaseStreamBlock, alt_text_or_description
from .editorial_blocks import ArticleStreamBlock, GuideChaptersBlock
from .forms import ReviewDeclineForm
from .signals import review_declined
from .validators import SingleLineFieldsMixin
from .widgets import SearchableCheckboxSelectMultiple


class HomePage(SingleLineFieldsMixin, Page):
    """The start page: the initiative in a few sentences and the ways into the platform."""

    intro = models.CharField(_("lead"), max_length=300, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from .home import render_sections

        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = render_sections(request)
        return context


class StandardPage(SingleLineFieldsMixin, Page):
    """Plain content such as Impressum, Datenschutz or Barrierefreiheit."""

    intro = models.CharField(_("lead"), max_length=300, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class SectionIndexPage(SingleLineFieldsMixin, Page):
    """Shared shape of the section start pages (magazine, guides) until they grow their own."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True


class MagazineIndexPage(SectionIndexPage):
    """The magazine “chancen”: its issues, newest first."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.MagazineIssue"]
    max_count = 1

    class Meta:
        verbose_name = _("magazine index")
        verbose_name_plural = _("magazine indexes")

    def get_context(self, request, *args, **kwargs):
        from .magazine import issue_list

        context = super().get_context(request, *args, **kwargs)
        context["issues"] = issue_list(index_page=self, user=request.user)
        return context


class GuideIndexPage(SectionIndexPage):
    """The Handlungshilfen, filterable by Handlungsfeld."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = _("guide index")
        verbose_name_plural = _("guide indexes")

    def get_context(self, request, *args, **kwargs):
        from .guides import guide_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(guide_index_context(request, index_page=self))
        return context


class TaxonomyMixin(models.Model):
    """The practice library's classification, so editorial content can be filtered and related."""

    topics = ParentalManyToManyField(
        "practices.Topic", verbose_name=_("fields of action"), blank=True, related_name="%(class)ss"
    )
    target_groups = ParentalManyToManyField(
        "practices.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="%(class)ss",
    )
    bundeslaender = ParentalManyToManyField(
        "practices.Bundesland",
        verbose_name=_("Bundesländer"),
        blank=True,
        related_name="%(class)ss",
    )

    taxonomy_panel = MultiFieldPanel(
        [
            FieldPanel("topics", widget=SearchableCheckboxSelectMultiple()),
            FieldPanel("target_groups", widget=SearchableCheckboxSelectMultiple()),
            FieldPanel("bundeslaender", widget=SearchableCheckboxSelectMultiple()),
        ],
        heading=_("Classification"),
    )

    class Meta:
        abstract = True


def _require_alt_text(page: Page, image_field: str, alt_field: str) -> None:
    """An image needs alternative text: the editor's, else the image's description."""
    if not getattr(page, f"{image_field}_id"):
        return
    alt_text = alt_text_or_description(getattr(page, alt_field), getattr(page, image_field))
    setattr(page, alt_field, alt_text)
    if not alt_text:
        raise ValidationError({alt_field: ALT_TEXT_MISSING})


class MagazineIssue(SingleLineFieldsMixin, Page):
    """An Ausgabe of “chancen”, e.g. “Ausgabe 07 — Zeit | LOS!”."""

    issue_number = models.PositiveSmallIntegerField(_("issue number"), unique=True)
    theme = models.CharField(
        _("theme"), max_length=200, blank=True, help_text=_("e.g. “Zeit | LOS!”")
    )
    publication_date = models.DateField(_("publication date"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt_text = models.CharField(
        _("alternative text of the cover"), max_length=255, blank=True, help_text=ALT_TEXT_HELP
    )
    editorial = RichTextField(
        _("editorial"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("issue_number"), FieldPanel("publication_date")]),
        FieldPanel("theme"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt_text")], heading=_("Cover")
        ),
        FieldPanel("editorial"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("theme"),
        index.SearchField("editorial"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["cms.MagazineIndexPage"]
    subpage_types = ["cms.ArticlePage"]

    class Meta:
        verbose_name = _("magazine issue")
        verbose_name_plural = _("magazine issues")

    def clean(self) -> None:
        super().clean()
        _require_alt_text(self, "cover_image", "cover_alt_text")

    @property
    def display_title(self) -> str:
        return f"{self.title} — {self.theme}" if self.theme else self.title

    @property
    def og_image(self):
        return self.cover_image

    @property
    def og_image_alt(self) -> str:
        return self.cover_alt_text

    def get_context(self, request, *args, **kwargs):
        from .magazine import issue_articles

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = issue_articles(issue=self, user=request.user)
        return context


class ArticlePage(SingleLineFieldsMixin, TaxonomyMixin, Page):  # noqa: DJ008 (Page gives __str__)
    """An Artikel in an issue of the magazine."""

    authors = models.CharField(
        _("author(s)"),
        max_length=300,
        blank=True,
        help_text=_("Several names separated by commas."),
    )
    teaser = models.TextField(
        _("teaser"), max_length=600, help_text=_("Two or three sentences that make people read on.")
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt_text = models.CharField(
        _("alternative text"), max_length=255, blank=True, help_text=ALT_TEXT_HELP
    )
    lead_image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    lead_image_credit = models.CharField(_("credit"), max_length=150, blank=True)
    body = StreamField(ArticleStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("authors"),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt_text"),
                FieldRowPanel([FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")]),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        TaxonomyMixin.taxonomy_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("authors"),
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
    ]

    parent_page_types = ["cms.MagazineIssue"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self) -> None:
        super().clean()
        _require_alt_text(self, "lead_image", "lead_image_alt_text")

    @property
    def og_image(self):
        return self.lead_image

    @property
    def og_image_alt(self) -> str:
        return self.lead_image_alt_text

    @property
    def og_type(self) -> str:
        return "article"

    @property
    def author_list(self) -> list[str]:
        return [name.strip() for name in self.authors.split(",") if name.strip()]

    @property
    def reading_minutes(self) -> int:
        from .magazine import reading_minutes

        return reading_minutes(self.teaser, self.body)

    def get_context(self, request, *args, **kwargs):
        from .magazine import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(article=self, user=request.user))
        return context


class GuidePage(  # noqa: DJ008 (Page gives __str__)
    RoutablePageMixin, SingleLineFieldsMixin, TaxonomyMixin, Page
):
    """A Handlungshilfe: chaptered guidance for network work, with a PDF to take away.

    The PDF is made from the published chapters (``cms.guide_pdf``) and served at
    ``<guide>/pdf/``; an uploaded PDF takes its place.
    """

    audience = models.CharField(
        _("audience"),
        max_length=300,
        help_text=_("Who the guide is for, e.g. “Netzwerkkoordinator:innen in Jobcentern”."),
    )
    summary = models.TextField(_("summary"), max_length=1000)
    version_date = models.DateField(
        _("version date"), help_text=_("The date the content was last checked.")
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Usually leave empty: the PDF is made from the chapters whenever the guide is "
            "published. A PDF chosen here replaces it and does not change with the chapters."
        ),
    )
    chapters = StreamField(GuideChaptersBlock(), verbose_name=_("chapters"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("audience"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("version_date"), FieldPanel("pdf")]),
        FieldPanel("chapters"),
        TaxonomyMixin.taxonomy_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("audience"),
        index.SearchField("summary"),
        index.SearchField("chapters"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    parent_page_types = ["cms.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def clean(self) -> None:
        super().clean()
        if self.pdf_id and self.pdf.file_extension.lower() != "pdf":
            raise ValidationError({"pdf": _("Please choose a PDF document.")})
        from .guides import chapter_anchors_store, saved_chapter_anchors

        # Every way to a revision or a publication cleans the page first, the editor's form too.
        chapter_anchors_store(self.chapters, saved=saved_chapter_anchors(self))

    @property
    def table_of_contents(self) -> list[dict]:
        from .guides import chapter_anchors

        return chapter_anchors(self.chapters)

    def get_context(self, request, *args, **kwargs):
        from .guides import guide_context

        context = super().get_context(request, *args, **kwargs)
        context.update(guide_context(guide=self, user=request.user))
        return context

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        from .guide_pdf import guide_pdf_response

        return guide_pdf_response(request, guide=self)


class ReviewDecline(models.Model):
    """The Redaktion's decision not to publish a submission, with the reason its author reads.

    Wagtail's review knows approving and requesting changes only. Declining cancels the
    workflow, and a cancelled workflow alone cannot be told apart from one cancelled because
    an editor took the page over or restarted the review; this row records that it was a
    decision, by whom, when and why. It belongs to the workflow state, so that a later review
    of the same page starts without it.
    """

    workflow_state = models.OneToOneField(
        "wagtailcore.WorkflowState",
        verbose_name=_("workflow state"),
        on_delete=models.CASCADE,
        related_name="review_decline",
    )
    reason = models.TextField(_("reason"))
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declined by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    declined_at = models.DateTimeField(_("declined at"), default=timezone.now)

    class Meta:
        verbose_name = _("declined submission")
        verbose_name_plural = _("declined submissions")

    def __str__(self) -> str:
        return str(self.reason)[:80]


DECLINE = "decline"
DECLINE_LOG_ACTION = "cms.workflow.decline"


class ReviewTask(AbstractGroupApprovalTask):
    """Group approval with the four-eyes principle: the submitter cannot decide on their own work.

    Besides approving and requesting changes, the Redaktion can decline a submission outright,
    with a reason (``decline``).
    """

    forbid_self_approval = models.BooleanField(
        _("Submitters may not approve their own submissions"),
        default=True,
        help_text=_(
            "When ticked, whoever submitted a revision for review, or wrote it, cannot approve it; "
            "a second editor has to."
        ),
    )

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "forbid_self_approval"]

    class Meta:
        verbose_name = _("editorial review")
        verbose_name_plural = _("editorial reviews")

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve; optionally never the person who submitted.")

    def is_own_submission(self, obj, user) -> bool:
        if not self.forbid_self_approval or user is None or not user.is_authenticated:
            return False
        workflow_state = getattr(obj, "current_workflow_state", None)
        if workflow_state is None:
            return False
        if workflow_state.requested_by_id == user.pk:
            return True
        task_state = workflow_state.current_task_state
        revision = task_state.revision if task_state else None
        return revision is not None and revision.user_id == user.pk

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions or self.is_own_submission(obj, user):
            # Every decision on a submission, not only the approval, takes a second person.
            return []
        return [*actions, (DECLINE, _("Decline"), True)]

    def get_form_for_action(self, action):
        if action == DECLINE:
            return ReviewDeclineForm
        return super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if self.forbid_self_approval:
            # The dashboard's "awaiting your review" should not list one's own submissions.
            states = states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)
        return states

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name in {"approve", "reject", DECLINE} and self.is_own_submission(
            task_state.workflow_state.content_object, user
        ):
            if action_name == "approve":
                raise PermissionDenied(
                    _("Your own submission has to be approved by another editor.")
                )
            raise PermissionDenied(_("Another editor has to decide on your own submission."))
        if action_name == DECLINE:
            return self.decline(task_state, user, reason=kwargs.get("comment", ""))
        return super().on_action(task_state, user, action_name, **kwargs)

    @transaction.atomic
    def decline(self, task_state, user, *, reason: str) -> None:
        """End the review of ``task_state``'s submission without publishing it, for ``reason``."""
        workflow_state = task_state.workflow_state
        obj = workflow_state.content_object
        if DECLINE not in [name for name, _label, _modal in self.get_actions(obj, user)]:
            raise PermissionDenied(_("Only the Redaktion can decline a submission."))
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise PermissionDenied(_("This submission is no longer awaiting review."))
        # The dialog checks the form; the page editor passes the dialog's data on unchecked.
        form = ReviewDeclineForm({"comment": reason})
        if not form.is_valid():
            raise PermissionDenied(_("Please give the reason for declining."))
        reason = form.cleaned_data["comment"]
        workflow_state.cancel(user=user)
        # Cancelling clears the task's comment; the reason belongs in the workflow history.
        TaskState.objects.filter(pk=task_state.pk).update(comment=reason)
        decline = ReviewDecline.objects.create(
            workflow_state=workflow_state, reason=reason, declined_by=user
        )
        log(
            instance=getattr(obj, "specific", obj),
            action=DECLINE_LOG_ACTION,
            user=user,
            revision=task_state.revision,
            data={
                "workflow": {
                    "id": workflow_state.workflow_id,
                    "title": workflow_state.workflow.name,
                    "task_state_id": task_state.pk,
                    "task": {"id": self.pk, "title": self.name},
                },
                "comment": reason,
            },
        )
        review_declined.send(
            sender=type(self), workflow_state=workflow_state, decline=decline, user=user
        )


@register_setting(icon="site")
class FooterSettings(BaseSiteSetting):
    """The legal pages every page links to in its footer."""

    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("imprint page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Linked from every page's header (BITV 2.0 § 4); the settings are read once per request.
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page in Leichte Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("easy_language_page"),
            ],
            heading=_("Footer links"),
        )
    ]

    select_related = ["imprint_page", "privacy_page", "accessibility_page", "easy_language_page"]

    class Meta:
        verbose_name = _("footer")
        verbose_name_plural = _("footer")


# The legal pages' models live in their own module; Django finds models through this one.
from .legal import AccessibilityFeedback, AccessibilityStatementPage  # noqa: E402, F401
