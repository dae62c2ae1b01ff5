"""Forms of the provider pages (offer, its locations) and of reports on offers."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from cms.validators import SingleLineFormMixin
from practices.content import richtext_to_text

from .models import OfferLocation, OfferPage, OfferReport
from .services import Location, OfferContent

# The offer fields a provider keeps, in the order of the form; labels, limits and validators
# come from the model so that form and page never disagree.
OFFER_FIELDS = [
    "teaser",
    "topics",
    "target_groups",
    "eligibility",
    "min_age",
    "max_age",
    "access",
    "funding_routes",
    "costs",
    "languages",
    "accessibility",
    "accessibility_note",
    "capacity",
    "waiting_weeks",
    "schedule",
    "offer_status",
    "jobcenters",
    "contact_name",
    "contact_email",
    "contact_phone",
]
CHECKBOX_FIELDS = ["topics", "target_groups", "funding_routes", "languages", "accessibility"]
TEXTAREA_FIELDS = ["teaser", "eligibility"]


class OfferForm(SingleLineFormMixin, forms.Form):
    """An offer as its provider writes it; ``providers`` (for a new offer) are the providers the
    member may choose from."""

    provider = forms.ModelChoiceField(
        label=_("Provider"), queryset=None, empty_label=_("— please choose —")
    )
    title = forms.CharField(label=_("Name of the offer"), max_length=255)
    description = forms.CharField(
        label=_("Description"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Separate paragraphs with a blank line."),
    )

    def __init__(self, *args, providers=None, locations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.locations = locations
        if providers is None:
            del self.fields["provider"]
        else:
            self.fields["provider"].queryset = providers

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_age"), cleaned.get("max_age")
        if low is not None and high is not None and low > high:
            self.add_error("max_age", _("The maximum age must not be below the minimum age."))
        return cleaned

    def is_valid_with_locations(self) -> bool:
        # Both parts are validated, so that every error shows at once.
        return all([self.is_valid(), self.locations is None or self.locations.is_valid()])

    def content(self) -> OfferContent:
        cleaned = self.cleaned_data
        values = {name: cleaned.get(name) for name in OFFER_FIELDS}
        for name in ("teaser", "eligibility", "costs", "accessibility_note", "schedule"):
            values[name] = values[name] or ""
        for name in ("contact_name", "contact_email", "contact_phone"):
            values[name] = values[name] or ""
        for name in (*CHECKBOX_FIELDS, "jobcenters"):
            values[name] = list(values[name] or [])
        locations = []
        if self.locations is not None:
            locations = [
                Location(
                    name=row.get("name", ""),
                    street=row.get("street", ""),
                    postcode=row.get("postcode", ""),
                    town=row["town"],
                    latitude=row["latitude"],
                    longitude=row["longitude"],
                )
                for row in self.locations.cleaned_data
                if row and not row.get("DELETE") and row.get("town")
            ]
        return OfferContent(
            title=cleaned["title"],
            description=cleaned.get("description", ""),
            locations=locations,
            **values,
        )

    @staticmethod
    def initial_for(page: OfferPage) -> tuple[dict, list[dict]]:
        """What ``page`` (as revised last) fills into this form and its location rows."""
        initial = {
            "title": page.title,
            "description": richtext_to_text(page.description or ""),
            **{name: getattr(page, name) for name in OFFER_FIELDS if name not in CHECKBOX_FIELDS},
        }
        for name in (*CHECKBOX_FIELDS, "jobcenters"):
            initial[name] = list(getattr(page, name).all())
        rows = [
            {
                "name": location.name,
                "street": location.street,
                "postcode": location.postcode,
                "town": location.town,
                "latitude": location.latitude,
                "longitude": location.longitude,
            }
            for location in page.locations.all()
        ]
        return initial, rows


class LocationForm(SingleLineFormMixin, forms.Form):
    """One location (Standort); a row left empty is ignored."""

    def clean_postcode(self):
        postcode = (self.cleaned_data.get("postcode") or "").strip()
        if postcode and not (len(postcode) == 5 and postcode.isascii() and postcode.isdigit()):
            raise ValidationError(_("A postcode has five digits."))
        return postcode

    def clean(self):
        cleaned = super().clean()
        filled = [name for name in ("name", "street", "postcode", "town") if cleaned.get(name)]
        coordinates = [cleaned.get("latitude"), cleaned.get("longitude")]
        if not filled and all(value is None for value in coordinates) and not self.errors:
            return cleaned
        if not cleaned.get("town") and "town" not in self.errors:
            self.add_error("town", _("Please name the town of the location."))
        for name, value in zip(("latitude", "longitude"), coordinates, strict=True):
            if value is None and name not in self.errors:
                self.add_error(
                    name, _("Please give the coordinates, so that the offer appears on the map.")
                )
        return cleaned


def _with_model_validators(model, fields: dict[str, forms.Field]) -> dict[str, forms.Field]:
    """A plain form runs no model validation: give each field its model field's validators
    (the age, waiting-time and coordinate limits), so bad input never reaches the services."""
    for name, field in fields.items():
        for validator in model._meta.get_field(name).validators:
            if validator not in field.validators:
                field.validators.append(validator)
    return fields


def _offer_model_fields() -> dict[str, forms.Field]:
    widgets = dict.fromkeys(CHECKBOX_FIELDS, forms.CheckboxSelectMultiple)
    widgets |= {name: forms.Textarea(attrs={"rows": 3}) for name in TEXTAREA_FIELDS}
    fields = _with_model_validators(
        OfferPage, fields_for_model(OfferPage, fields=OFFER_FIELDS, widgets=widgets)
    )
    fields["jobcenters"].queryset = fields["jobcenters"].queryset.select_related("bundesland")
    fields["jobcenters"].help_text = _(
        "The Jobcenter districts the offer serves. Hold Ctrl to choose several."
    )
    return fields


def _location_model_fields() -> dict[str, forms.Field]:
    names = ["name", "street", "postcode", "town", "latitude", "longitude"]
    fields = _with_model_validators(OfferLocation, fields_for_model(OfferLocation, fields=names))
    # A row left empty is ignored; ``LocationForm.clean`` asks for what a filled row lacks.
    for field in fields.values():
        field.required = False
    fields["postcode"].widget.attrs.update(inputmode="numeric", autocomplete="postal-code")
    fields["latitude"].help_text = _("e.g. 51.28690")
    fields["longitude"].help_text = _("e.g. 7.33700")
    return fields


# Added to the declared fields once, so that every form copies them as it does its own.
OfferForm.base_fields.update(_offer_model_fields())
LocationForm.base_fields.update(_location_model_fields())


class BaseLocationFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not any(form.cleaned_data.get("town") for form in self.forms):
            raise ValidationError(_("Please give at least one location."))


LocationFormSet = forms.formset_factory(
    LocationForm, formset=BaseLocationFormSet, extra=1, max_num=20, validate_max=True
)


class OfferReportForm(SingleLineFormMixin, forms.ModelForm):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=OfferReport.Reason.choices, widget=forms.RadioSelect
    )

    class Meta:
        model = OfferReport
        fields = ["reason", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}
        labels = {"message": _("Details for the Redaktion (optional)")}
