from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .log import MAX_RANK, click_entry_id, search_log_click, search_log_request
from .query import MAX_PAGE, PAGE_SIZE, SearchParams
from .registry import facet_names, facet_titles
from .selectors import SearchPage, knowledge_search
from .suggest import suggest


@require_GET
def search(request):
    """The search page: results, facets and pagination; works without JavaScript."""
    params = SearchParams.from_querydict(request.GET)
    result = knowledge_search(params=params, user=request.user)
    search_log_token = search_log_request(request=request, result=result)
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
            "search_log_token": search_log_token,
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
    search_log_request(request=request, result=result)
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
                "similar": item.similar,
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
        "correction": result.correction.as_json() if result.correction else None,
        "promoted": [
            {"title": item.title, "url": item.url, "description": item.description}
            for item in result.promoted
        ],
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    # Staff see more than the public: never share a cached answer between them.
    patch_vary_headers(response, ["Cookie"])
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def suggest_api(request):
    """GET /api/v1/suggest/?q= — suggestions for the text typed so far (titles first)."""
    found = suggest(text=request.GET.get("q", ""), user=request.user)
    payload = {
        "suggestions": [{"label": s.label, "kind": s.kind, "url": s.url} for s in found],
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    # Staff are suggested titles the public never sees.
    patch_vary_headers(response, ["Cookie"])
    response["Cache-Control"] = "private, no-store"
    return response


# No CSRF token: the beacon of search-log.js cannot send one. The signed, short-lived token
# of the search does its job: only the page of that search holds it, and all it allows is
# noting which result of that one anonymous search was clicked first.
@csrf_exempt
@require_POST
def search_click(request):
    """POST /api/v1/search/click/ — the rank of the result clicked after a search."""
    try:
        entry_id = click_entry_id(str(request.POST.get("token", "")))
        rank = int(request.POST.get("rank", ""))
    except (signing.BadSignature, ValueError):
        return HttpResponse(status=400)
    if not 1 <= rank <= MAX_RANK:
        return HttpResponse(status=400)
    search_log_click(entry_id=entry_id, rank=rank)
    return HttpResponse(status=204)
