from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over the public pages of the site."""
    query = request.GET.get("q", "").strip()
    error = ""
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Please shorten your search to at most %(max)d characters.") % {
            "max": MAX_QUERY_LENGTH
        }
        query = ""
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
    paginator = Paginator(results, 20)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {"query": query, "error": error, "results": page, "paginator": paginator},
    )
