"""The offer search at /angebote/ and the offer page."""

from django.core.paginator import Paginator
from django.http import QueryDict

from search.query import MAX_PAGE, PAGE_SIZE, SearchParams
from search.registry import facet_titles
from search.selectors import knowledge_search

from .geo import RADII, jobcenter_choices, origin_from
from .selectors import offer_cards, related_practices

# The facets of the offer list, in the order the filters show them.
OFFER_FACETS = (
    "topic",
    "target_group",
    "funding",
    "access",
    "language",
    "accessibility",
    "offer_status",
    "bundesland",
    "regionaldirektion",
)
# Parameters of the place search, carried from page to page.
PLACE_PARAMS = ("nahe", "ort", "lat", "lon", "umkreis")


def offer_index_context(request, *, index_page) -> dict:
    params = SearchParams.from_querydict(request.GET)
    params.filters = {
        facet: values for facet, values in params.filters.items() if facet in OFFER_FACETS
    }
    params.filters["type"] = ["offer"]
    origin = origin_from(request.GET, request.user)
    result = knowledge_search(params=params, user=request.user, near=origin.near)
    cards = offer_cards([item.object_id for item in result.results])
    items = [(item, cards.get(item.object_id)) for item in result.results]
    titles = facet_titles()
    facet_groups = [
        {"name": facet, "title": titles[facet], "options": result.facets[facet]}
        for facet in OFFER_FACETS
        if result.facets.get(facet)
    ]
    query = QueryDict(params.querystring(page=1), mutable=True)
    query.pop("type", None)
    for name in PLACE_PARAMS:
        value = {
            "nahe": origin.jobcenter,
            "ort": origin.place,
            "lat": origin.latitude,
            "lon": origin.longitude,
            "umkreis": str(origin.radius) if origin.near else "",
        }[name]
        if value:
            query[name] = value
    if "nahe" in request.GET and not origin.jobcenter:
        # "Deutschlandweit" chosen: keep it from page to page.
        query["nahe"] = ""
    pages = Paginator(range(min(result.total, MAX_PAGE * PAGE_SIZE)), PAGE_SIZE)
    return {
        "result": result,
        "items": items,
        "notices": list(dict.fromkeys([*result.notices, *origin.notices])),
        "origin": origin,
        "radii": RADII,
        "jobcenters": jobcenter_choices(),
        "facet_groups": facet_groups,
        "query": params.q,
        "first_number": (result.page - 1) * PAGE_SIZE + 1,
        "page_obj": pages.get_page(result.page),
        "page_query": query,
    }


def offer_page_context(request, *, page) -> dict:
    return {
        "related_practices": related_practices(page, request.user),
        "locations": list(page.locations.all()),
    }
