"""The read side of saved searches: what a stored query means, and which content it finds.

A saved search is run as its owner: the knowledge search (``search.selectors``) or the
practice list (``practices.selectors``) with the owner as user decides, through the one access
policy, what counts as a match, so an alert never names anything its recipient may not see.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.site_url import absolute_url
from practices.forms import PracticeFilterForm
from practices.models import PracticeIndexPage, PracticePage
from practices.selectors import practice_list
from search.query import SearchParams
from search.registry import builder_for, builder_for_type, facet_labels
from search.selectors import knowledge_search

from .models import SavedSearch, SearchKind

NAME_MAX_LENGTH = 200
# How far down the newest results a search looks for new content: a page of ten is usually
# enough, as new content is the newest; more covers a batch published at once.
MAX_SEARCH_PAGES = 5
# The most items one e-mail names.
MAX_ITEMS = 50
# Parameters of the practice list that do not change which practices it finds.
PRACTICE_PAGE_PARAMS = ("seite",)


class InvalidQuery(ValueError):
    """A query that cannot be saved; the message says why, in the user's language."""


@dataclass(frozen=True)
class AlertItem:
    doc_id: str
    title: str
    url: str
    teaser: str
    type_label: str


# --- the stored query ---------------------------------------------------------------------


def _search_params(query: str) -> SearchParams:
    params = SearchParams.from_querydict(QueryDict(query))
    params.drop_unknown_values(facet_labels())
    return params


def _practice_form(query: str) -> PracticeFilterForm:
    data = QueryDict(query, mutable=True)
    for name in PRACTICE_PAGE_PARAMS:
        data.pop(name, None)
    return PracticeFilterForm(data)


def query_normalise(*, kind: str, query: str) -> str:
    """The querystring to store for ``query`` of the page of ``kind``, without the page number.

    Raises ``InvalidQuery`` for a query that selects nothing (it would mail everything new) or
    that the page itself would reject.
    """
    if kind == SearchKind.SEARCH:
        params = _search_params(query)
        if not params.q and not params.filters:
            raise InvalidQuery(_("Please enter search words or choose a filter first."))
        return params.querystring(page=1)
    if kind == SearchKind.PRACTICES:
        form = _practice_form(query)
        if not form.is_valid():
            raise InvalidQuery(" ".join(form.error_messages()))
        data = QueryDict(mutable=True)
        for name in form.fields:
            if name == "sortierung":
                continue
            values = [value for value in form.data.getlist(name) if value]
            if values:
                data.setlist(name, values)
        if not data:
            raise InvalidQuery(_("Please choose at least one filter first."))
        return data.urlencode()
    raise InvalidQuery(_("This kind of search cannot be saved."))


def query_describe(*, kind: str, query: str) -> str:
    """A German name for a saved search, made from its words and filter labels."""
    if kind == SearchKind.SEARCH:
        params = _search_params(query)
        labels = facet_labels()
        pieces = [f"„{params.q}“"] if params.q else []
        for facet, values in params.filters.items():
            pieces.extend(labels.get(facet, {}).get(value, value) for value in values)
        name = _("Search: %(terms)s") % {"terms": ", ".join(pieces)}
    else:
        form = _practice_form(query)
        form.is_valid()
        pieces = []
        for name, field in form.fields.items():
            choices = dict(getattr(field, "choices", ()))
            for value in form.data.getlist(name):
                if name in ("von", "bis"):
                    label = _("from %(year)s") if name == "von" else _("until %(year)s")
                    pieces.append(label % {"year": value})
                elif name != "sortierung":
                    pieces.append(str(choices.get(value, value)))
        name = _("Practices: %(filters)s") % {"filters": ", ".join(pieces)}
    if len(name) > NAME_MAX_LENGTH:
        name = name[: NAME_MAX_LENGTH - 1].rstrip() + "…"
    return name


def results_paths() -> dict[str, str]:
    """Per kind, the path of the page that shows a saved search's results (one query)."""
    index = PracticeIndexPage.objects.live().first()
    return {
        SearchKind.SEARCH: reverse("search:search"),
        SearchKind.PRACTICES: index.url if index is not None else "/",
    }


def saved_search_path(saved: SavedSearch, paths: dict[str, str]) -> str:
    return paths[saved.kind] + (f"?{saved.query}" if saved.query else "")


def saved_search_url(saved: SavedSearch) -> str:
    """The absolute address of the page that shows the saved search's results."""
    return absolute_url(saved_search_path(saved, results_paths()))


def saved_search_list(*, user) -> list[SavedSearch]:
    """The member's saved searches, each with ``results_path``, in a fixed number of queries."""
    searches = list(SavedSearch.objects.filter(user=user).order_by("-created_at", "-pk"))
    if searches:
        paths = results_paths()
        for saved in searches:
            saved.results_path = saved_search_path(saved, paths)
    return searches


def saved_search_of(*, user, pk: int) -> SavedSearch | None:
    """The saved search ``pk`` if it is ``user``'s: the one check of who may change it."""
    if not getattr(user, "is_authenticated", False):
        return None
    return SavedSearch.objects.filter(pk=pk, user=user).first()


# --- matching -----------------------------------------------------------------------------


def _search_hits(saved: SavedSearch, *, since: datetime):
    """The owner's results of the saved search, newest first, published since ``since``."""
    params = _search_params(saved.query)
    params.sort = "newest"
    params.correct = False
    for number in range(1, MAX_SEARCH_PAGES + 1):
        params.page = number
        result = knowledge_search(params=params, user=saved.user)
        for hit in result.results:
            if hit.date is None or hit.date < since:
                return
            # Found by meaning only: not what the member asked for.
            if not hit.similar:
                yield hit
        if result.page >= result.pages:
            return


def _search_item(hit) -> AlertItem | None:
    builder = builder_for_type(hit.type)
    if builder is None:
        return None
    return AlertItem(
        doc_id=builder.doc_id(hit.object_id),
        title=hit.title,
        url=absolute_url(hit.url),
        teaser=hit.teaser,
        type_label=hit.type_label,
    )


def _practice_item(page: PracticePage) -> AlertItem:
    return AlertItem(
        doc_id=builder_for(page).doc_id(page.pk),
        title=page.title,
        url=absolute_url(page.url),
        teaser=page.teaser,
        type_label=str(PracticePage._meta.verbose_name),
    )


def _practices(saved: SavedSearch) -> QuerySet[PracticePage]:
    return practice_list(filters=_practice_form(saved.query).filters(), user=saved.user)


def saved_search_match(saved: SavedSearch, *, page: Page) -> AlertItem | None:
    """``page`` as an alert item if the saved search finds it for its owner, else ``None``."""
    if page.first_published_at is None or page.first_published_at < saved.created_at:
        return None
    if saved.kind == SearchKind.PRACTICES:
        if not isinstance(page, PracticePage):
            return None
        found = _practices(saved).filter(pk=page.pk).first()
        return _practice_item(found) if found is not None else None
    builder = builder_for(page)
    if builder is None:
        return None
    for hit in _search_hits(saved, since=page.first_published_at):
        if hit.type == builder.doc_type and hit.object_id == str(page.pk):
            return _search_item(hit)
    return None


def saved_search_new_items(saved: SavedSearch, *, since: datetime) -> list[AlertItem]:
    """What the saved search finds for its owner that was first published since ``since``."""
    if saved.kind == SearchKind.PRACTICES:
        pages = _practices(saved).filter(first_published_at__gte=since)
        items = [_practice_item(page) for page in pages.order_by("-first_published_at")]
    else:
        items = [item for hit in _search_hits(saved, since=since) if (item := _search_item(hit))]
    return items[:MAX_ITEMS]
