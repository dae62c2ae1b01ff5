"""Search backends: Elasticsearch, and the database fallback with the same interface.

A backend takes a ``SearchRequest`` and answers a ``BackendResult``: the page of hits, the
total and, per facet, the disjunctive counts (each facet counted with every *other* filter
applied, so choosing one Bundesland still shows how many hits the others would give).
"""

from dataclasses import dataclass, field
from datetime import datetime

from ..query import ParsedQuery


@dataclass(frozen=True)
class SearchRequest:
    query: ParsedQuery
    filters: dict[str, list[str]]
    # The audience tokens of the searching user (cms.access.user_tokens); None: everything.
    visibilities: frozenset[str] | None
    sort: str
    page: int
    page_size: int


@dataclass
class Hit:
    doc_type: str
    title: str
    url: str
    teaser: str
    body: str
    date: datetime | None
    bundeslaender: list[str]
    # Found by meaning only: no document word matched the query.
    similar: bool = False


@dataclass
class HybridResult:
    """What a hybrid search needs from a backend: the best ``window`` lexical hits (as keys
    of the backend: database ids or Elasticsearch ids), their total and facet counts, and the
    nearest documents by meaning (key, similarity, facet values) that pass every filter."""

    total: int
    lexical: list
    facet_counts: dict[str, dict[str, int]]
    semantic: list[tuple[object, float, dict[str, list[str]]]]


@dataclass
class BackendResult:
    total: int
    page: int
    hits: list[Hit]
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)


def sort_newest(request: SearchRequest) -> bool:
    # Without a query every document is equally relevant: list the newest first.
    return request.sort == "newest" or request.query.is_empty
