import json

from django.db.models import F
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.workflows import WorkflowPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .files import document_check
from .legal import AccessibilityFeedback, AccessibilityFeedbackPolicy, feedback_mark
from .models import DECLINE_LOG_ACTION
from .review import STEP_FIELDS, autosave_step_refusal


# After Wagtail's own check of collection privacy (order 0), so that both must let a user through.
@hooks.register("before_serve_document", order=100)
def refuse_documents_to_those_who_may_not_see_them(document, request):
    return document_check(request, document)


@hooks.register("before_edit_page")
def refuse_review_steps_in_autosave(request, page):
    return autosave_step_refusal(request)


@hooks.register("before_create_page")
def refuse_review_steps_in_autosave_of_new_pages(request, parent_page, page_class):
    return autosave_step_refusal(request)


@hooks.register("insert_editor_js")
def autosave_leaves_review_steps_to_the_submission():
    return format_html(
        '<script src="{}" data-step-fields="{}"></script>',
        static("js/admin-autosave.js"),
        json.dumps(STEP_FIELDS),
    )


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    @actions.register_action(DECLINE_LOG_ACTION)
    class DeclineLogFormatter(LogFormatter):
        label = _("Workflow: decline")

        def format_message(self, log_entry):
            try:
                return _("Declined at “%(task)s”; it will not be published") % {
                    "task": log_entry.data["workflow"]["task"]["title"]
                }
            except (KeyError, TypeError):
                return _("Declined; it will not be published")

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")


@hooks.register("insert_global_admin_js")
def label_the_date_pickers_apply_button():
    return format_html(
        '<script src="{}" data-label="{}"></script>',
        static("js/admin-datetimepicker.js"),
        _("Apply selection"),
    )


# Wagtail's form for the pages a workflow applies to declares its page field without a label,
# so Django would show the English field name.
WorkflowPageForm.base_fields["page"].label = _("Page")


class AccessibilityFeedbackForm(WagtailAdminModelForm):
    """The Redaktion sets the status; the date of the answer is recorded, not typed."""

    def save(self, commit=True):
        feedback = feedback_mark(feedback=super().save(commit=False), status=self.instance.status)
        if commit:
            feedback.save()
        return feedback


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = _("Accessibility feedback")
    menu_order = 270
    add_to_admin_menu = True
    list_display = [
        "received_at",
        "due_on",
        "status",
        BooleanColumn("overdue", label=_("overdue"), accessor="overdue"),
        "page_address",
    ]
    list_filter = ["status"]
    search_fields = ["description", "page_address"]
    # Open feedback first, the one due soonest on top.
    ordering = [F("answered_on").desc(nulls_first=True), "due_on"]
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("received_at", read_only=True), FieldPanel("due_on", read_only=True)]
            ),
            FieldRowPanel(
                [FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)]
            ),
            FieldPanel("page_address", read_only=True),
            FieldPanel("description", read_only=True),
            FieldRowPanel([FieldPanel("status"), FieldPanel("answered_on", read_only=True)]),
            FieldPanel("note"),
        ],
        base_form_class=AccessibilityFeedbackForm,
    )


register_permission_policy(
    AccessibilityFeedback, AccessibilityFeedbackPolicy(AccessibilityFeedback)
)
register_snippet(AccessibilityFeedbackViewSet)
