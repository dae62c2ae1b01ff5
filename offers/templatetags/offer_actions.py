"""What the viewer of an offer page may do with it, asked of ``offers.permissions``."""

from django import template

from offers.forms import OfferReportForm
from offers.permissions import may_edit_offer, may_keep_offers, may_report_offer

register = template.Library()


@register.simple_tag(takes_context=True)
def offer_actions(context, page) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    may_report = may_report_offer(user, page) and page.live
    return {
        "may_edit": may_edit_offer(user, page),
        "may_report": may_report,
        "report_form": OfferReportForm(auto_id="report-%s") if may_report else None,
        "next": request.get_full_path() if request is not None else "",
    }


@register.simple_tag
def user_keeps_offers(user) -> bool:
    """For the navigation: does ``user`` keep offers of a provider („Meine Angebote“)?"""
    return may_keep_offers(user)
