from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Frequency
from .selectors import NAME_MAX_LENGTH, InvalidQuery, query_normalise

QUERY_MAX_LENGTH = 2000


class SavedSearchCreateForm(forms.Form):
    # Kind and query come from the results page, not from the member: their errors cannot be
    # corrected in a field, so they are errors of the whole form (no label, no link).
    kind = forms.CharField(required=False, widget=forms.HiddenInput)
    query = forms.CharField(required=False, widget=forms.HiddenInput)
    frequency = forms.ChoiceField(
        label=_("E-mail about new results"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose how often you want to be notified."),
            "invalid_choice": _("Please choose how often you want to be notified."),
        },
    )

    # The kind and stored query once they are known to be savable, so that the page can show
    # what would be saved even when the frequency or the member's limit stops it.
    search: tuple[str, str] | None = None

    def clean(self):
        cleaned = super().clean()
        kind, query = cleaned.get("kind", ""), cleaned.get("query", "")
        if len(query) > QUERY_MAX_LENGTH:
            raise ValidationError(_("This search is too long to be saved."))
        try:
            cleaned["query"] = query_normalise(kind=kind, query=query)
        except InvalidQuery as error:
            raise ValidationError(str(error)) from error
        self.search = (kind, cleaned["query"])
        return cleaned


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
