"""Forms of the proposal board: every action also works as a plain POST without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Proposal, ProposalStatus


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Short description"), max_length=1000, required=False, widget=forms.Textarea
    )
    column = forms.ChoiceField(label=_("Process step"))
    from_workshop = forms.BooleanField(
        label=_("Entered from the workshop (shown as „aus dem Workshop“)"), required=False
    )

    def __init__(self, *args, columns: list[str], organiser: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].choices = [(name, name) for name in columns]
        if not organiser:
            del self.fields["from_workshop"]


# What fits side by side on a board, and in Proposal.column.
MAX_COLUMNS = 8
MAX_COLUMN_LENGTH = 120


class VoteForm(forms.Form):
    proposal = forms.IntegerField(min_value=1)
    delta = forms.TypedChoiceField(choices=[("1", "+1"), ("-1", "-1")], coerce=int)


class VotingSettingsForm(forms.Form):
    points_per_participant = forms.IntegerField(
        label=_("Points per participant"), min_value=1, max_value=50, initial=5
    )
    max_points_per_proposal = forms.IntegerField(
        label=_("Maximum points per proposal"), min_value=1, max_value=50, initial=3
    )
    live_totals = forms.BooleanField(label=_("Show totals while voting"), required=False)
    columns = forms.CharField(
        label=_("Columns"),
        help_text=_("One column per line; empty: the four steps of the process chain."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_columns(self) -> str:
        names = [line.strip() for line in self.cleaned_data["columns"].splitlines()]
        names = [name for name in names if name]
        if len(names) > MAX_COLUMNS:
            raise forms.ValidationError(_("At most %(count)d columns.") % {"count": MAX_COLUMNS})
        if any(len(name) > MAX_COLUMN_LENGTH for name in names):
            raise forms.ValidationError(
                _("A column name has at most %(count)d characters.") % {"count": MAX_COLUMN_LENGTH}
            )
        if len({name.casefold() for name in names}) < len(names):
            raise forms.ValidationError(_("Each column name only once, please."))
        return "\n".join(names)

    def clean(self):
        data = super().clean()
        points = data.get("points_per_participant")
        maximum = data.get("max_points_per_proposal")
        if points and maximum and maximum > points:
            raise forms.ValidationError(
                _("The maximum per proposal cannot exceed the points per participant.")
            )
        return data


class PaperPointsForm(forms.Form):
    """One number field per proposal: the dots counted on the pin board."""

    def __init__(self, *args, proposals: list[Proposal], **kwargs):
        super().__init__(*args, **kwargs)
        for proposal in proposals:
            self.fields[f"p{proposal.pk}"] = forms.IntegerField(
                label=proposal.title,
                min_value=0,
                max_value=10000,
                initial=proposal.paper_points,
            )

    def points(self) -> dict[int, int]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ProposalStatus.choices)
    progress_note = forms.CharField(
        label=_("Progress note"), required=False, max_length=2000, widget=forms.Textarea
    )
