import json

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.workflows import WorkflowPageForm
from wagtail.log_actions import LogFormatter

from .files import document_check
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
