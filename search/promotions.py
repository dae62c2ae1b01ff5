"""Top-Treffer: pages the Redaktion pins to a query, shown above the results of its first page.

Editors pin them in Wagtail's own "Promoted search results" (``wagtail.contrib.
search_promotions``) to a query string. A search finds the pins of its own words and, when
those words are a term of a synonym group, the pins of every term of that group: a page pinned
to "Sucht" also heads the results for "Abhängigkeit". A pinned page is shown only to those
``cms.access`` lets see it, and only while it is live.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion

from cms.access import page_restrictions

from .log import normalise_query
from .registry import cached

# More pins than this would push the results themselves off the screen.
MAX_PROMOTED = 5


@dataclass(frozen=True)
class PromotedItem:
    title: str
    url: str
    description: str


def _query_strings(query: str, synonym_groups: list[list[str]]) -> list[str]:
    """The query itself first, then the terms of the synonym groups it belongs to."""
    strings = [query]
    for group in synonym_groups:
        terms = [normalise_query(term) for term in group]
        if query in terms:
            strings.extend(term for term in terms if term not in strings)
    return strings


def pinned_query_strings() -> frozenset[str]:
    """The query strings with at least one pin: a search for anything else reads no pins. Kept
    like the synonyms (``registry.cached``), cleared by a change of a pin in this process."""
    return cached(
        "pinned",
        lambda: frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True)),
    )


def promoted_results(*, query: str, user, synonym_groups: list[list[str]]) -> list[PromotedItem]:
    """The pins for ``query`` that ``user`` may see, in the order the Redaktion gave them;
    one query, and the request's page restrictions once, however many pins."""
    normalised = normalise_query(query)
    if not normalised:
        return []
    pinned = pinned_query_strings()
    strings = [string for string in _query_strings(normalised, synonym_groups) if string in pinned]
    if not strings:
        return []
    promotions = sorted(
        SearchPromotion.objects.filter(query__query_string__in=strings).select_related(
            "query", "page"
        ),
        key=lambda pin: (strings.index(pin.query.query_string), pin.sort_order or 0, pin.pk),
    )
    items: list[PromotedItem] = []
    seen: set[str] = set()
    for pin in promotions:
        if pin.page is not None:
            page = pin.page
            # The site's restrictions are read once per request, and only when a page is pinned.
            if not page.live or not page_restrictions(user).user_may_see(user, page.path):
                continue
            url = page.get_url()
            title = page.title
            description = pin.description or page.search_description
        else:
            url = pin.external_link_url
            title = pin.external_link_text or url
            description = pin.description
        if not url or url in seen:
            continue
        seen.add(url)
        items.append(PromotedItem(title=title, url=url, description=description))
        if len(items) == MAX_PROMOTED:
            break
    return items
