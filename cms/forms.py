"""Forms of the site core that Wagtail's admin shows."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm


class ReviewDeclineForm(TaskStateCommentForm):
    """The reason for declining a submission, asked for in the review action's dialog.

    The field keeps Wagtail's name ``comment``, so that the reason is stored and shown in the
    workflow history like the comment of any other review step.
    """

    comment = forms.CharField(
        label=_("Reason for declining"),
        max_length=5000,
        widget=forms.Textarea({"rows": 4}),
        help_text=_("The submitter reads it in an e-mail and on their submissions page."),
        error_messages={"required": _("Please give the reason for declining.")},
    )
