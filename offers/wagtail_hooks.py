"""The Redaktion's admin for the offer database: providers with their members, the offer
taxonomies and the reports of outdated or wrong offers, in one menu group „Angebote“."""

from django import forms
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from practices.wagtail_hooks import term_viewset

from .models import AccessibilityFeature, FundingRoute, Language, OfferReport, Provider


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "group"
    list_display = ["name", "partner_type", "email"]
    list_filter = ["partner_type"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class OfferReportForm(WagtailAdminModelForm):
    """The Redaktion marks a report as done („erledigt“) instead of typing a time."""

    resolved = forms.BooleanField(label=_("resolved"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resolved"].initial = bool(self.instance.resolved_at)

    def save(self, commit=True):
        report = super().save(commit=False)
        resolved = self.cleaned_data["resolved"]
        # Saving an already resolved report again keeps the time it was resolved.
        if resolved != bool(report.resolved_at):
            report.resolved_at = timezone.now() if resolved else None
        if commit:
            report.save()
        return report


class OfferReportViewSet(SnippetViewSet):
    model = OfferReport
    icon = "warning"
    list_display = [
        Column("page", label=_("offer")),
        "reason",
        Column("reporter", label=_("reported by")),
        "created_at",
        BooleanColumn("resolved", label=_("resolved"), accessor=lambda r: bool(r.resolved_at)),
    ]
    list_filter = ["reason"]
    search_fields = ["message"]
    # Open reports first, the newest on top.
    ordering = [F("resolved_at").desc(nulls_first=True), "-created_at"]
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("page", read_only=True), FieldPanel("reason", read_only=True)]
            ),
            FieldPanel("message", read_only=True),
            FieldPanel("resolved"),
        ],
        base_form_class=OfferReportForm,
    )

    def get_queryset(self, request):
        return OfferReport.objects.select_related("page", "reporter")


class OfferDataGroup(SnippetViewSetGroup):
    menu_label = _("Offers")
    menu_icon = "list-ul"
    menu_order = 260
    items = (
        OfferReportViewSet,
        ProviderViewSet,
        term_viewset(FundingRoute),
        term_viewset(Language, "globe"),
        term_viewset(AccessibilityFeature, "user"),
    )


register_snippet(OfferDataGroup)
