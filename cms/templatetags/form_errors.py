"""The entries of a form's error summary (templates/includes/form_errors.html).

The summary lists every error of a form and its formsets in one place at the top, each field
error as a link to the input, so that keyboard and screen-reader users reach the field without
searching the page for the messages (WCAG 3.3.1, the GOV.UK error-summary pattern).
"""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@dataclass(frozen=True)
class SummaryEntry:
    message: str
    label: str = ""
    target: str = ""


def _target(bound_field) -> str:
    """The id of the input a link should lead to: for radio and checkbox groups and multi-part
    widgets, whose label points nowhere, the first of their inputs."""
    if bound_field.is_hidden:
        return ""
    if bound_field.id_for_label:
        return bound_field.id_for_label
    subwidgets = bound_field.subwidgets
    return subwidgets[0].id_for_label if subwidgets else ""


def _form_entries(form, row: int | None = None) -> list[SummaryEntry]:
    row_label = _("Row %(row)s") % {"row": row} if row is not None else ""
    entries = [
        SummaryEntry(message=str(error), label=row_label) for error in form.non_field_errors()
    ]
    for bound_field in form:
        label = str(bound_field.label)
        if row is not None:
            label = _("%(label)s (row %(row)s)") % {"label": label, "row": row}
        entries.extend(
            SummaryEntry(message=str(error), label=label, target=_target(bound_field))
            for error in bound_field.errors
        )
    return entries


@register.simple_tag
def error_summary(form, *formsets) -> list[SummaryEntry]:
    """The errors of ``form`` (if bound), then of each formset, in the order of the page.

    Empty values among ``formsets`` are skipped, so that a template can pass a formset that
    only some views have."""
    entries: list[SummaryEntry] = []
    if form is not None and getattr(form, "is_bound", False):
        entries.extend(_form_entries(form))
    for formset in formsets:
        if not formset or not getattr(formset, "is_bound", False):
            continue
        entries.extend(SummaryEntry(message=str(error)) for error in formset.non_form_errors())
        for number, subform in enumerate(formset.forms, start=1):
            entries.extend(_form_entries(subform, row=number))
    return entries
