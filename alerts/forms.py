from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency, SearchKind
from .selectors import NAME_MAX_LENGTH


class SavedSearchCreateForm(forms.Form):
    kind = forms.ChoiceField(
        choices=SearchKind.choices,
        error_messages={
            "required": _("This kind of search cannot be saved."),
            "invalid_choice": _("This kind of search cannot be saved."),
        },
    )
    query = forms.CharField(required=False, max_length=2000)
    frequency = forms.ChoiceField(
        label=_("E-mail about new results"),
        choices=Frequency.choices,
        error_messages={
            "required": _("Please choose how often you want to be notified."),
            "invalid_choice": _("Please choose how often you want to be notified."),
        },
    )


class SavedSearchUpdateForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX_LENGTH,
        error_messages={"required": _("Please enter a name.")},
    )
    frequency = forms.ChoiceField(
        label=_("E-mail about new results"),
        choices=Frequency.choices,
        error_messages={
            "required": _("Please choose how often you want to be notified."),
            "invalid_choice": _("Please choose how often you want to be notified."),
        },
    )


def form_error_text(form: forms.Form) -> str:
    """The errors of a small form as one sentence for a message on the next page."""
    return " ".join(str(error) for errors in form.errors.values() for error in errors)
