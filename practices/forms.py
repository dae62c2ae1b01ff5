from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField

from cms.access import page_is_restricted
from cms.privacy_guard import PersonalDataGuardForm
from cms.validators import SingleLineFormMixin

from .blocks import SECTIONS
from .content import Figure, Partner, PracticeContent, richtext_to_text
from .models import (
    Bundesland,
    Jobcenter,
    PartnerType,
    PracticeStatus,
    ProcessPhase,
    TargetGroup,
    Topic,
)
from .selectors import DEFAULT_SORT, PracticeFilters, practice_filter_choices

MIN_YEAR, MAX_YEAR = 1990, 2100
# A text input with the German format rather than <input type=date>: browsers and screen readers
# present the native date picker each in their own way and order, while "TT.MM.JJJJ" is what
# users read everywhere else on the site. The German locale's input formats accept it (and ISO).
DATE_PLACEHOLDER = _("DD.MM.YYYY")
DATE_ERROR_MESSAGES = {"invalid": _("Please enter a date in the format DD.MM.YYYY.")}


def date_input() -> forms.DateInput:
    return forms.DateInput(
        format="%d.%m.%Y",
        attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "size": 10},
    )


class PracticeFilterForm(forms.Form):
    """The library's filters; parameter names are German because they appear in shared URLs."""

    handlungsfeld = forms.MultipleChoiceField(label=_("Field of action"), required=False)
    zielgruppe = forms.MultipleChoiceField(label=_("Target group"), required=False)
    partner = forms.MultipleChoiceField(label=_("Partner type"), required=False)
    phase = forms.MultipleChoiceField(label=_("Process phase"), required=False)
    status = forms.MultipleChoiceField(label=_("Status"), required=False)
    bundesland = forms.MultipleChoiceField(label=_("Bundesland"), required=False)
    rd = forms.MultipleChoiceField(label=_("Regionaldirektion"), required=False)
    jobcenter = forms.MultipleChoiceField(label=_("Jobcenter"), required=False)
    von = forms.IntegerField(
        label=_("Active from (year)"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
    )
    bis = forms.IntegerField(
        label=_("Active until (year)"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
    )
    sortierung = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("neueste", _("Newest first")), ("titel", _("Title A–Z"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in practice_filter_choices().items():
            self.fields[name].choices = choices

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("von"), cleaned.get("bis")
        if year_from and year_to and year_from > year_to:
            self.add_error("bis", _("The end year must not be before the start year."))
        return cleaned

    def filters(self) -> PracticeFilters:
        """The valid part of the request: an invalid parameter is reported and ignored."""
        data = {}
        if self.is_bound:
            self.is_valid()  # fills cleaned_data with the fields that are valid
            data = self.cleaned_data

        def values(name: str) -> list[str]:
            return list(data.get(name) or [])

        return PracticeFilters(
            topics=values("handlungsfeld"),
            target_groups=values("zielgruppe"),
            partner_types=values("partner"),
            phases=values("phase"),
            statuses=values("status"),
            bundeslaender=values("bundesland"),
            regionaldirektionen=values("rd"),
            jobcenters=values("jobcenter"),
            year_from=data.get("von"),
            year_to=data.get("bis"),
            sort=data.get("sortierung") or DEFAULT_SORT,
        )

    def error_messages(self) -> list[str]:
        return [
            f"{self.fields[name].label}: {error}" if name in self.fields else str(error)
            for name, errors in self.errors.items()
            for error in errors
        ]


class PracticeSubmissionForm(SingleLineFormMixin, PersonalDataGuardForm):
    """A practice from network staff for the Redaktion.

    The data-protection guard checks what will be published (not the contact person, whose
    address and phone number belong there), including the rows of ``formsets``; a confirmed
    warning reaches the Redaktion with the submission.
    """

    personal_data_confirm_label = _(
        "I have checked my submission: it contains no personal data of clients."
    )
    personal_data_error = _(
        "Your submission may contain personal data of clients (Sozialdaten). Please remove it, "
        "or submit anyway if it is harmless."
    )
    personal_data_intro = _(
        "Social data of clients must not appear in a practice (Sozialdatenschutz, § 35 SGB I). "
        "We found:"
    )
    personal_data_advice = _(
        "Please remove or anonymise it, e.g. “Frau M.” instead of the name and no numbers. If it "
        "is harmless, e.g. the address of a Beratungsstelle, choose “Submit anyway”: the "
        "Redaktion is told and checks it before publishing."
    )

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("A short name for the approach, e.g. “Joboffensive Gelsenkirchen”."),
    )
    teaser = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what was done, for whom, with what result."),
    )
    jobcenters = forms.ModelMultipleChoiceField(
        label=_("Jobcenters"),
        queryset=Jobcenter.objects.select_related("bundesland"),
        required=False,
        help_text=_("The Jobcenters that run the approach. Hold Ctrl to choose several."),
    )
    other_jobcenter = forms.CharField(
        label=_("Jobcenter not in the list"),
        max_length=200,
        required=False,
        help_text=_("The Redaktion adds it to the directory."),
    )
    bundeslaender = forms.ModelMultipleChoiceField(
        label=_("Bundesländer (for supra-regional approaches)"),
        queryset=Bundesland.objects.all(),
        required=False,
        help_text=_("Leave empty when the Länder follow from the Jobcenters."),
    )
    start_date = forms.DateField(
        label=_("Start"),
        required=False,
        widget=date_input(),
        help_text=_("Date as DD.MM.YYYY."),
        error_messages=DATE_ERROR_MESSAGES,
    )
    end_date = forms.DateField(
        label=_("End"),
        required=False,
        widget=date_input(),
        help_text=_("Date as DD.MM.YYYY; leave empty for approaches that continue."),
        error_messages=DATE_ERROR_MESSAGES,
    )
    status = forms.ModelChoiceField(
        label=_("Status"), queryset=PracticeStatus.objects.all(), empty_label=_("— please choose —")
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Fields of action"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    phases = forms.ModelMultipleChoiceField(
        label=_("Process phases"),
        queryset=ProcessPhase.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_function = forms.CharField(label=_("Function"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("E-mail"), required=False)
    contact_phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    document = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_("e.g. a concept or a flyer as PDF or Office file."),
    )
    image = WagtailImageField(label=_("Image"), required=False)
    image_alt = forms.CharField(
        label=_("Alternative text of the image"),
        max_length=250,
        required=False,
        help_text=_("Describes the image for people who cannot see it."),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=[
            ("public", _("Public: everyone can read it")),
            ("staff", _("Staff only: visible to logged-in network staff")),
        ],
        initial="public",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, formsets: tuple[forms.BaseFormSet, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.formsets = formsets
        for key, label in SECTIONS:
            self.fields[f"section_{key}"] = forms.CharField(
                label=label,
                required=False,
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=SECTION_HELP.get(key, ""),
            )

    def guarded_texts(self) -> list[str]:
        names = ["title", "teaser", "other_jobcenter", "image_alt"]
        names += [f"section_{key}" for key, _label in SECTIONS]
        texts = [self.cleaned_data.get(name) or "" for name in names]
        # The rows are checked as typed: this form is cleaned before its formsets.
        for formset in self.formsets:
            for row in formset.forms:
                texts += [
                    str(row[name].value() or "")
                    for name, field in row.fields.items()
                    if isinstance(field, forms.CharField)
                ]
        return texts

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end must not be before the start."))
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error(
                "image_alt", _("Please describe the image for people who cannot see it.")
            )
        if (
            not cleaned.get("jobcenters")
            and not cleaned.get("other_jobcenter")
            and not cleaned.get("bundeslaender")
        ):
            raise ValidationError(
                _("Please name at least one Jobcenter or, for supra-regional approaches, a Land.")
            )
        return cleaned

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if not document:
            return document
        extension = Path(document.name).suffix.lower().lstrip(".")
        allowed = settings.WAGTAILDOCS_EXTENSIONS
        if extension not in allowed:
            raise ValidationError(
                _("Files of type “%(extension)s” cannot be uploaded. Allowed: %(allowed)s.")
                % {"extension": extension or "?", "allowed": ", ".join(allowed)}
            )
        if document.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise ValidationError(
                _("The file is too large; at most %(size)s are allowed.")
                % {"size": filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)}
            )
        return document

    def section_fields(self):
        return [self[f"section_{key}"] for key, _label in SECTIONS]

    def content(self) -> PracticeContent:
        """The cleaned submission, with the rows of the partner and figure formsets."""
        cleaned = self.cleaned_data
        partners, figures = self.formsets
        sections = {key: cleaned.get(f"section_{key}", "") for key, _label in SECTIONS}
        sections["situation"] = _with_jobcenter_note(
            sections["situation"], cleaned.get("other_jobcenter", "").strip()
        )
        return PracticeContent(
            title=cleaned["title"],
            teaser=cleaned["teaser"],
            jobcenters=list(cleaned["jobcenters"]),
            bundeslaender=list(cleaned["bundeslaender"]),
            start_date=cleaned.get("start_date"),
            end_date=cleaned.get("end_date"),
            status=cleaned.get("status"),
            topics=list(cleaned["topics"]),
            target_groups=list(cleaned["target_groups"]),
            phases=list(cleaned["phases"]),
            partners=[
                Partner(partner_type_id=row["partner_type"].pk, name=row["name"])
                for row in partners.cleaned_data
                if row.get("partner_type") and row.get("name")
            ],
            figures=[
                Figure(label=row["label"], value=row["value"], note=row.get("note", ""))
                for row in figures.cleaned_data
                if row.get("label") and row.get("value")
            ],
            sections=sections,
            contact={
                "name": cleaned["contact_name"],
                "function": cleaned["contact_function"],
                "email": cleaned["contact_email"],
                "phone": cleaned["contact_phone"],
            },
            staff_only=cleaned["visibility"] == "staff",
            document=cleaned.get("document"),
            image=cleaned.get("image"),
            image_alt=cleaned.get("image_alt", "").strip(),
        )

    @staticmethod
    def initial_for(page) -> tuple[dict, list[dict], list[dict]]:
        """What ``page`` (a submitted practice, as revised last) fills into this form and its
        partner and figure formsets: the reverse of ``content``."""
        sections = {
            key: "\n\n".join(
                richtext_to_text(block.value.source)
                for block in page.body
                if block.block_type == key
            )
            for key, _label in SECTIONS
        }
        sections["situation"], other_jobcenter = _without_jobcenter_note(sections["situation"])
        initial = {
            "title": page.title,
            "teaser": page.teaser,
            "jobcenters": list(page.jobcenters.all()),
            "other_jobcenter": other_jobcenter,
            "bundeslaender": list(page.bundeslaender.all()) if page.supra_regional else [],
            "start_date": page.start_date,
            "end_date": page.end_date,
            "status": page.status_id,
            "topics": list(page.topics.all()),
            "target_groups": list(page.target_groups.all()),
            "phases": list(page.phases.all()),
            "contact_name": page.contact_name,
            "contact_function": page.contact_function,
            "contact_email": page.contact_email,
            "contact_phone": page.contact_phone,
            "visibility": "staff" if page_is_restricted(page) else "public",
            **{f"section_{key}": text for key, text in sections.items()},
        }
        partners = [
            {"partner_type": partner.partner_type_id, "name": partner.name}
            for partner in page.partners.all()
        ]
        figures = [
            {"label": figure.label, "value": figure.value, "note": figure.note}
            for figure in page.figures.all()
        ]
        return initial, partners, figures


def _jobcenter_note(name: str) -> str:
    return gettext("Jobcenter not yet in the directory: %(name)s") % {"name": name}


def _with_jobcenter_note(situation: str, other_jobcenter: str) -> str:
    """The initial situation, led by the Jobcenter the directory lacks (for the Redaktion)."""
    if not other_jobcenter:
        return situation
    return f"{_jobcenter_note(other_jobcenter)}\n\n{situation}".strip()


def _without_jobcenter_note(situation: str) -> tuple[str, str]:
    """``situation`` without the note of ``_with_jobcenter_note``, and the Jobcenter it names."""
    first, _blank, rest = situation.partition("\n\n")
    prefix = _jobcenter_note("\0").partition("\0")[0]
    if prefix and first.startswith(prefix) and "\n" not in first:
        return rest, first[len(prefix) :].strip()
    return situation, ""


SECTION_HELP = {
    "situation": _("What problem did you start from? Who was affected?"),
    "goals": _("What did you want to achieve?"),
    "approach": _("How did you proceed, step by step, with which partners?"),
    "results": _("What came of it? Numbers are welcome."),
    "success_factors": _("What made it work?"),
    "pitfalls": _("What was difficult, what would you do differently?"),
    "transferability": _("What do other Jobcenters need to adopt it?"),
}


class PartnerForm(SingleLineFormMixin, forms.Form):
    partner_type = forms.ModelChoiceField(
        label=_("Partner type"),
        queryset=PartnerType.objects.all(),
        required=False,
        empty_label=_("— type —"),
    )
    name = forms.CharField(label=_("Name of the partner"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("partner_type")) != bool(cleaned.get("name")):
            raise ValidationError(_("Please give both the type and the name of the partner."))
        return cleaned


class FigureForm(SingleLineFormMixin, forms.Form):
    label = forms.CharField(label=_("Key figure"), max_length=100, required=False)
    value = forms.CharField(label=_("Value"), max_length=50, required=False)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("label")) != bool(cleaned.get("value")):
            raise ValidationError(_("Please give both the label and the value."))
        return cleaned


PartnerFormSet = forms.formset_factory(PartnerForm, extra=3, max_num=20, validate_max=True)
FigureFormSet = forms.formset_factory(FigureForm, extra=3, max_num=20, validate_max=True)
