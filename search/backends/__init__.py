"""Search backends: Elasticsearch, and the database fallback with the same interface.

A backend takes a ``SearchRequest`` and answers a ``BackendResult``: the page of hits, the
total and, per facet, the disjunctive counts (each facet counted with every *other* filter
applied, so choosing one Bundesland still shows how many hits the others would give).
"""

import math
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..query import ParsedQuery


@dataclass(frozen=True)
class Near:
    """Only documents with a place within ``radius_km`` of the point, nearest first."""

    latitude: float
    longitude: float
    radius_km: float

    def bounding_box(self) -> tuple[float, float, float, float]:
        """South, north, west, east: a box that holds the whole circle."""
        lat_delta = self.radius_km / KM_PER_DEGREE
        lon_delta = self.radius_km / (
            KM_PER_DEGREE * max(math.cos(math.radians(self.latitude)), 0.01)
        )
        return (
            self.latitude - lat_delta,
            self.latitude + lat_delta,
            self.longitude - lon_delta,
            self.longitude + lon_delta,
        )


# The mean radius of the earth, as Elasticsearch's geo_distance uses it.
EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle (haversine) distance."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class SearchRequest:
    query: ParsedQuery
    filters: dict[str, list[str]]
    # The audience tokens of the searching user (cms.access.user_tokens); None: everything.
    visibilities: frozenset[str] | None
    sort: str
    page: int
    page_size: int
    # A distance search: within the radius, sorted by distance.
    near: Near | None = None
    # Query words the index vocabulary lacks: a backend that can, answers the index words
    # close to them in the same request (``BackendResult.spelling``).
    spelling: tuple[str, ...] = ()


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
    # In a distance search: how far its nearest place is.
    distance_km: float | None = None
    # The indexed object's primary key, for pages that show more of it (e.g. offer cards).
    object_id: str = ""


@dataclass
class HybridResult:
    """What a hybrid search needs from a backend: the best ``window`` lexical hits (as keys
    of the backend: database ids or Elasticsearch ids), their total and facet counts, and the
    nearest documents by meaning (key, similarity, facet values) that pass every filter."""

    total: int
    lexical: list
    facet_counts: dict[str, dict[str, int]]
    semantic: list[tuple[object, float, dict[str, list[str]]]]
    # The semantic neighbours known to contain the query's words (None: not known).
    semantic_matching: set | None = None
    # Documents the backend read along the way (key → Hit): only the rest are loaded.
    documents: dict = field(default_factory=dict)
    spelling: dict[str, list[tuple[str, int]]] | None = None
    # The content type of each lexical hit (key → doc_type).
    types: dict = field(default_factory=dict)
    # No document has all the words: ``lexical`` and ``total`` are those of the relaxed
    # request (``relaxed_request``).
    relaxed: bool = False


@dataclass
class BackendResult:
    total: int
    page: int
    hits: list[Hit]
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    # How many documents contain the query's words (``total`` adds those found by meaning).
    lexical_total: int | None = None
    # word → [(index word, documents)] for ``SearchRequest.spelling``; None: not asked.
    spelling: dict[str, list[tuple[str, int]]] | None = None
    # No document has all the words: the hits have all of them but one (``relaxed_request``).
    relaxed: bool = False

    @property
    def word_matches(self) -> int:
        """How many documents contain every word of the query."""
        if self.relaxed:
            return 0
        return self.total if self.lexical_total is None else self.lexical_total


def sort_newest(request: SearchRequest) -> bool:
    # Without a query every document is equally relevant: list the newest first.
    return request.near is None and (request.sort == "newest" or request.query.is_empty)


def relaxed_request(request: SearchRequest) -> SearchRequest | None:
    """The request for the documents with all of the query's words but one
    (``ParsedQuery.relaxed``), which a backend answers when none has all of them; None where
    that does not apply. Only by relevance: newest or nearest first would list a document with
    one common word at the top."""
    if sort_newest(request) or request.near is not None:
        return None
    query = request.query.relaxed()
    return None if query is None else replace(request, query=query, spelling=())
