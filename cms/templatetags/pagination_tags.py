"""Page links of a paginated list, for the one pagination include (includes/pagination.html)."""

from django import template
from django.core.paginator import Page
from django.template.defaulttags import querystring

register = template.Library()


@register.simple_tag
def elided_page_range(page_obj: Page) -> list:
    """The numbers worth a link: first and last page, two either side of the current one, and
    the paginator's ellipsis in the gaps, so that a list of thousands of pages shows a handful."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )


@register.simple_tag(takes_context=True)
def page_querystring(context, page_param: str, number: int, query=None) -> str:
    """``{% querystring %}`` for page ``number``, keeping the other parameters (the filters).

    The parameter's name is a variable because lists differ (``seite`` on the site's own pages,
    ``page`` on the search page); ``query`` replaces the request's parameters when given.
    """
    # An include without ``query`` passes the template engine's empty string.
    return querystring(context, query or None, **{page_param: number})
