"""The offers on the home page: the newest of the member's Land in „Neu in Ihrer Region“."""

from __future__ import annotations

from django.http import HttpRequest, QueryDict

from cms.home import RegionPart, index_page_url, register_region_part

from .models import OfferIndexPage
from .selectors import region_offers

REGION_SHOWN = 3


def region_offers_part(request: HttpRequest, land_code: str) -> dict | None:
    offers = region_offers(land_code=land_code, user=request.user, limit=REGION_SHOWN)
    if not offers:
        return None
    index_url = index_page_url(request, OfferIndexPage)
    query = QueryDict(mutable=True)
    query["bundesland"] = land_code
    # Empty, the offer search does not measure from the member's own Jobcenter: the whole Land.
    query["nahe"] = ""
    return {"offers": offers, "land_url": f"{index_url}?{query.urlencode()}" if index_url else ""}


def register() -> None:
    register_region_part(
        RegionPart(
            name="offers",
            order=30,
            template="cms/home/region_offers.html",
            load=region_offers_part,
        )
    )
