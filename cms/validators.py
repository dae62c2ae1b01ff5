"""Single-line values: titles, names and other one-line fields refuse line breaks and control
characters, wherever they enter (the site's forms, the import, the Wagtail admin).

A line break in a title survives into e-mail subjects and headers, feeds and CSV exports, where
it splits or forges lines; other control characters are invisible in the admin and break
exports. Multi-line texts (teasers, sections, posts) are Textarea fields and keep their breaks.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# C0 controls (tab, line feed and carriage return included), DEL, C1 controls (NEL U+0085
# included), and the Unicode line and paragraph separators.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
SINGLE_LINE_MESSAGE = _("Please enter only one line here, without control characters.")


def has_control_characters(value: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(value))


def one_line(value: str) -> str:
    """``value`` with every run of control characters (and the spaces around it) as one space."""
    return re.sub(rf"\s*(?:{CONTROL_CHARACTERS.pattern})+\s*", " ", value).strip()


def validate_single_line(value) -> None:
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(SINGLE_LINE_MESSAGE, code="single_line")


def _is_single_line_input(field: forms.Field) -> bool:
    return isinstance(field, forms.CharField) and not isinstance(
        field.widget, forms.Textarea | forms.PasswordInput | forms.HiddenInput
    )


class SingleLineFormMixin:
    """For forms: every one-line text input (a CharField that is not a Textarea) refuses line
    breaks and control characters. Mix in before ``forms.Form`` / ``forms.ModelForm``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if _is_single_line_input(field) and validate_single_line not in field.validators:
                field.validators.append(validate_single_line)


def is_single_line_field(field) -> bool:
    """One-line model fields: editable CharFields without choices (TextFields are multi-line)."""
    return isinstance(field, models.CharField) and field.editable and not field.choices


class SingleLineFieldsMixin:
    """For models (pages, snippets, inline children): every editable CharField refuses line
    breaks and control characters, also those a model inherits, such as ``Page.title``.

    It checks in ``clean_fields`` rather than with field validators, because inherited fields
    belong to other apps; ``clean_fields`` honours ``exclude``, so a ModelForm only hears about
    its own fields. Mix in before the model base: ``class PracticePage(SingleLineFieldsMixin,
    Page)``.

    ``save`` joins such values into one line instead: Wagtail validates a page again whenever it
    saves one, also when it publishes a revision written before this rule, and an old title must
    not make the publication fail. Forms and services validate before they save, so what users
    type is refused with the message, never changed silently.
    """

    def save(self, *args, **kwargs):
        for field in self._meta.concrete_fields:
            if is_single_line_field(field):
                value = getattr(self, field.attname)
                if isinstance(value, str) and has_control_characters(value):
                    setattr(self, field.attname, one_line(value))
        return super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        errors: dict[str, list] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if (exclude and field.name in exclude) or field.name in errors:
                continue
            if not is_single_line_field(field):
                continue
            value = getattr(self, field.attname)
            if isinstance(value, str) and has_control_characters(value):
                errors[field.name] = [ValidationError(SINGLE_LINE_MESSAGE, code="single_line")]
        if errors:
            raise ValidationError(errors)
