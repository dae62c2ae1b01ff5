from django import template

from ..selectors import nearby_offers_for

register = template.Library()


@register.inclusion_tag("offers/includes/nearby_offers.html", takes_context=True)
def nearby_offers(context, practice):
    """The practice page's "Angebote in der Nähe zu diesem Thema" box."""
    request = context.get("request")
    user = getattr(request, "user", None)
    nearby = nearby_offers_for(practice=practice, user=user)
    return {"nearby": nearby, "request": request}
