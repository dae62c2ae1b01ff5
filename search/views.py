from django.core.paginator import Paginator
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from .query import MAX_PAGE, PAGE_SIZE, SearchParams
from .registry import facet_names, facet_titles
from .selectors import SearchPage, knowledge_search


@require_GET
def search(request):
    """The search page: results, facets and pagination; works without JavaScript."""
    params = SearchParams.from_querydict(request.GET)
    result = knowledge_search(params=params, user=request.user)
    # Numbers for the shared page links: a paginator over the hits' positions, as far as a
    # page can be asked for.
    pages = Paginator(range(min(result.total, MAX_PAGE * PAGE_SIZE)), PAGE_SIZE)
    return render(
        request,
        "search/search.html",
        {
            "query": params.q,
            "result": result,
            "facet_groups": _facet_groups(result),
            "first_number": (result.page - 1) * PAGE_SIZE + 1,
            "page_obj": pages.get_page(result.page),
            # The query as understood: unknown filters are not carried to the next page.
            "page_query": QueryDict(params.querystring(page=1)),
        },
    )


def _facet_groups(result: SearchPage) -> list[dict]:
    titles = facet_titles()
    return [
        {"name": facet, "title": titles[facet], "options": result.facets[facet]}
        for facet in facet_names()
        if result.facets.get(facet)
    ]


@require_GET
def search_api(request):
    """GET /api/v1/search/ — the same search as JSON."""
    params = SearchParams.from_querydict(request.GET)
    result = knowledge_search(params=params, user=request.user)
    payload = {
        "total": result.total,
        "page": result.page,
        "pages": result.pages,
        "results": [
            {
                "type": item.type,
                "title": item.title,
                "url": item.url,
                "teaser": item.teaser,
                "highlight": item.highlight,
                "date": timezone.localdate(item.date).isoformat() if item.date else None,
                "bundesland": item.bundeslaender,
            }
            for item in result.results
        ],
        "facets": {
            facet: [
                {
                    "value": option.value,
                    "label": option.label,
                    "count": option.count,
                    "selected": option.selected,
                }
                for option in options
            ]
            for facet, options in result.facets.items()
        },
        "backend": result.backend,
        "notices": result.notices,
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    # Staff see more than the public: never share a cached answer between them.
    patch_vary_headers(response, ["Cookie"])
    response["Cache-Control"] = "private, no-store"
    return response
