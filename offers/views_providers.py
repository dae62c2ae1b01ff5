"""The provider pages under /traeger/: a member keeps their organisation's offers on the site,
and network staff report outdated or wrong offers. Every change goes through review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import LocationFormSet, OfferForm, OfferReportForm
from .models import OfferIndexPage, OfferPage
from .permissions import may_edit_offer, may_keep_offers, may_report_offer, providers_of
from .selectors_providers import offer_state, provider_offers
from .services import (
    offer_change,
    offer_confirm,
    offer_open_for_changes,
    offer_report_create,
    offer_submit,
)

# Beyond the database's integers a lookup would fail instead of finding nothing.
MAX_ID = 2**63 - 1


def _require_provider_member(user) -> None:
    if not may_keep_offers(user):
        raise PermissionDenied(_("Only members of a provider can keep offers here."))


def _own_offer(user, page_id: int) -> OfferPage:
    """``user``'s offer ``page_id``; another provider's offer does not exist for them."""
    page = OfferPage.objects.filter(pk=page_id).first() if page_id <= MAX_ID else None
    if page is None or not may_edit_offer(user, page):
        raise Http404(_("This offer does not exist or does not belong to your provider."))
    return page


@login_required
def my_offers(request):
    _require_provider_member(request.user)
    offers = list(provider_offers(user=request.user))
    return render(
        request,
        "offers/providers/my_offers.html",
        {"offers": [(offer, offer_state(offer)) for offer in offers]},
    )


def _offer_form(request, *, page: OfferPage | None = None, providers=None) -> OfferForm:
    data = request.POST if request.method == "POST" else None
    initial, rows = OfferForm.initial_for(page) if page is not None else (None, None)
    # Sent rows are taken as sent: compared with the initial rows, an unchanged one would count
    # as an empty extra row and be dropped.
    locations = LocationFormSet(data, prefix="location", initial=None if data else rows)
    return OfferForm(data, initial=initial, providers=providers, locations=locations)


@login_required
def offer_new(request):
    _require_provider_member(request.user)
    if OfferIndexPage.objects.first() is None:
        messages.error(request, _("Adding offers is not possible yet: there is no offer list."))
        return redirect("providers:my_offers")
    providers = providers_of(request.user)
    form = _offer_form(request, providers=providers)
    if request.method == "POST":
        if form.is_valid_with_locations():
            page = offer_submit(
                user=request.user, provider=form.cleaned_data["provider"], data=form.content()
            )
            messages.success(
                request,
                _("Thank you: “%(title)s” is with the Redaktion for review.")
                % {"title": page.title},
            )
            return redirect("providers:my_offers")
        messages.error(request, _("Please correct the marked fields."))
    return render(request, "offers/providers/offer_form.html", {"form": form})


@login_required
def offer_edit(request, page_id: int):
    _require_provider_member(request.user)
    page = _own_offer(request.user, page_id)
    try:
        offer_open_for_changes(page=page, user=request.user)
    except PermissionDenied as refusal:
        return _refused(request, refusal)
    draft = page.get_latest_revision_as_object()
    form = _offer_form(request, page=draft)
    if request.method == "POST":
        if form.is_valid_with_locations():
            try:
                draft = offer_change(user=request.user, page=page, data=form.content())
            except PermissionDenied as refusal:
                # The Redaktion started a review or took the page in the meantime.
                return _refused(request, refusal)
            messages.success(
                request,
                _(
                    "Thank you: your changes to “%(title)s” are with the Redaktion for review. "
                    "The offer stays online as it was until they are approved."
                )
                % {"title": draft.title},
            )
            return redirect("providers:my_offers")
        messages.error(request, _("Please correct the marked fields."))
    return render(
        request,
        "offers/providers/offer_form.html",
        {"form": form, "offer": draft, "state": offer_state(page)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_confirm_view(request, page_id: int):
    """„Angaben unverändert bestätigen“: the yearly confirmation, linked from its e-mail."""
    _require_provider_member(request.user)
    page = _own_offer(request.user, page_id)
    if not page.live:
        return _refused(request, PermissionDenied(_("Only published offers can be confirmed.")))
    if request.method == "POST":
        confirmed_on = offer_confirm(user=request.user, page=page)
        messages.success(
            request,
            _("Thank you: “%(title)s” is confirmed as of %(date)s.")
            % {"title": page.title, "date": confirmed_on.strftime("%d.%m.%Y")},
        )
        return redirect("providers:my_offers")
    return render(
        request,
        "offers/providers/offer_confirm.html",
        {"offer": page, "state": offer_state(page), "may_edit": may_edit_offer(request.user, page)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_report(request, page_id: int):
    """Network staff tell the Redaktion that an offer is outdated or wrong."""
    page = OfferPage.objects.live().filter(pk=page_id).first() if page_id <= MAX_ID else None
    if page is None:
        raise Http404(_("This offer does not exist."))
    if not may_report_offer(request.user, page):
        raise PermissionDenied(_("Only network staff can report offers."))
    form = OfferReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        offer_report_create(
            user=request.user,
            page=page,
            reason=form.cleaned_data["reason"],
            message=form.cleaned_data["message"],
        )
        messages.success(
            request,
            _("Thank you: the Redaktion has your report and will check the offer."),
        )
        return redirect(_back_to(request, page))
    if request.method == "POST":
        messages.error(request, _("Please correct the marked fields."))
    return render(
        request,
        "offers/providers/offer_report.html",
        {"offer": page, "form": form},
        status=400 if form.is_bound else 200,
    )


def _back_to(request, page: OfferPage) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return page.url or "/"


def _refused(request, refusal: PermissionDenied):
    return render(request, "offers/providers/refused.html", {"message": str(refusal)}, status=403)
