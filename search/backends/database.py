"""The database backend: the same query structure as Elasticsearch, on ``SearchDocument``.

Terms are matched in the engine's own full-text index over the analysed columns (``fts.py``):
one match per search, whatever the number of clauses. Relevance weighs where a term was
found, like the boosts of the Elasticsearch query: exact word in the title > stem in the title
> exact word in the text > stem (or compound part) in the text.

A search is two statements. The first matches once (a materialised CTE with one flag per
active filter) and answers the facet counts, the total and the ids of the page together; the
second loads the documents of the page.
"""

import math
from dataclasses import dataclass, field, replace

import numpy as np
from django.db import connection
from django.db.models import Count

from .. import embeddings, registry
from ..embeddings import PendingVector
from ..fts import FTS_TABLE, fts5_phrase, pg_column
from ..models import SearchDocument, SearchFacetValue
from ..query import Alternative, Clause, ParsedQuery
from . import (
    EARTH_RADIUS_KM,
    BackendResult,
    Hit,
    HybridResult,
    Near,
    SearchRequest,
    relaxed_request,
    sort_newest,
)
from .vector_matrix import stored_matrix

NAME = "database"
WEIGHTS = {"title_exact": 6, "title_stems": 3, "exact": 2, "stems": 1, "parts": 1}
# Best place first: the score of a term is the weight of the first place that has it.
SCORE_PLACES = (
    ("title_exact", ("title_exact",), True),
    ("title_stems", ("title_stems",), False),
    ("exact", ("exact",), True),
    ("stems", ("stems", "parts"), False),
)

FACET, TOTAL, PAGE = 0, 1, 2


@dataclass
class Sql:
    text: str
    params: list = field(default_factory=list)


class _Sqlite:
    """FTS5: the whole query is one MATCH expression; quoted phrases carry every term."""

    table = FTS_TABLE
    # A matched document is read from the (id, date) index: looking up the wide rows
    # themselves costs more than the whole match.
    documents = "search_searchdocument d INDEXED BY search_doc_id_date"

    def _alternative(self, alternative: Alternative) -> str:
        if alternative.phrase:
            return fts5_phrase(" ".join(t.stem for t in alternative.terms), ("stems",))
        return (
            "("
            + " AND ".join(fts5_phrase(t.stem, ("stems", "parts")) for t in alternative.terms)
            + ")"
        )

    def _clauses(self, clauses: tuple[Clause, ...], operator: str) -> str:
        return f" {operator} ".join(
            "(" + " OR ".join(self._alternative(a) for a in clause.alternatives) + ")"
            for clause in clauses
        )

    def text_match(self, query: ParsedQuery) -> Sql:
        # FTS5's own NOT needs a positive side: "-Sucht" alone must list everything else.
        found = f"SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s"
        parts = []
        if query.minimum_clauses:
            # One match for any of the clauses, then the count of those each document has.
            parts.append(Sql(f"d.id IN ({found})", [self._clauses(query.clauses, "OR")]))
            each = [Sql(f"(d.id IN ({found}))", [self._clauses((c,), "OR")]) for c in query.clauses]
            parts.append(_at_least(each, query.minimum_clauses, cast=""))
        elif query.clauses:
            parts.append(Sql(f"d.id IN ({found})", [self._clauses(query.clauses, "AND")]))
        if query.excluded:
            parts.append(Sql(f"d.id NOT IN ({found})", [self._clauses(query.excluded, "OR")]))
        return _join(parts, " AND ") if parts else Sql("1 = 1")

    @staticmethod
    def document_in(table: str, condition: str) -> str:
        # Probing the few matched ids in the (document, …) index beats building the set of
        # every visible or filtered document first.
        return f"EXISTS (SELECT 1 FROM {table} x WHERE x.document_id = d.id AND {condition})"

    def has_term(self, text: str, columns: tuple[str, ...]) -> Sql:
        return Sql(
            f"h.id IN (SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s)",
            [fts5_phrase(text, columns)],
        )


class _Postgres:
    """tsvector columns: each term a phrase query of its own, combined in SQL."""

    documents = "search_searchdocument d"

    @staticmethod
    def document_in(table: str, condition: str) -> str:
        # A hashed set: the planner would probe per row for a correlated EXISTS.
        return f"d.id IN (SELECT x.document_id FROM {table} x WHERE {condition})"

    def _in(self, alias: str, column: str, text: str) -> Sql:
        return Sql(f"{alias}.{pg_column(column)} @@ phraseto_tsquery('simple', %s)", [text])

    def _any(self, alias: str, text: str, columns: tuple[str, ...]) -> Sql:
        return _join([self._in(alias, column, text) for column in columns], " OR ")

    def _clause(self, clause: Clause) -> Sql:
        alternatives = []
        for alternative in clause.alternatives:
            if alternative.phrase:
                phrase = " ".join(t.stem for t in alternative.terms)
                alternatives.append(self._in("d", "stems", phrase))
            else:
                alternatives.append(
                    _join(
                        [self._any("d", t.stem, ("stems", "parts")) for t in alternative.terms],
                        " AND ",
                    )
                )
        return _join(alternatives, " OR ")

    def text_match(self, query: ParsedQuery) -> Sql:
        parts = []
        clauses = [self._clause(c) for c in query.clauses]
        if query.minimum_clauses:
            # Any of the clauses first: that part the GIN indexes answer.
            parts.append(_join(clauses, " OR "))
            parts.append(_at_least(clauses, query.minimum_clauses, cast="::int"))
        elif clauses:
            parts.append(_join(clauses, " AND "))
        if query.excluded:
            # The tsvector columns are never NULL (generated from NOT NULL text), so NOT
            # cannot turn an unknown into a silent drop.
            excluded = _join([self._clause(c) for c in query.excluded], " OR ")
            parts.append(Sql(f"NOT {excluded.text}", excluded.params))
        return _join(parts, " AND ") if parts else Sql("1 = 1")

    def has_term(self, text: str, columns: tuple[str, ...]) -> Sql:
        # A set of ids from the GIN indexes: reading every hit's tsvectors costs more.
        found = self._any("s", text, columns)
        return Sql(
            f"h.id IN (SELECT s.id FROM search_searchdocument s WHERE {found.text})", found.params
        )


def _join(parts: list[Sql], operator: str) -> Sql:
    return Sql(
        "(" + operator.join(p.text for p in parts) + ")",
        [param for p in parts for param in p.params],
    )


def _at_least(conditions: list[Sql], count: int, *, cast: str) -> Sql:
    """True where at least ``count`` of the ``conditions`` hold (``cast``: to an integer)."""
    total = Sql(
        " + ".join(f"({c.text}){cast}" for c in conditions),
        [param for c in conditions for param in c.params],
    )
    return Sql(f"({total.text}) >= %s", [*total.params, count])


def _engine():
    return _Postgres() if connection.vendor == "postgresql" else _Sqlite()


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _score(engine, query: ParsedQuery) -> Sql:
    terms = []
    for term in query.all_terms():
        whens: list[Sql] = []
        for place, columns, exact in SCORE_PLACES:
            text = term.exact if exact else term.stem
            if not text:
                continue
            found = engine.has_term(text, columns)
            whens.append(Sql(f"WHEN {found.text} THEN {WEIGHTS[place]}", found.params))
        terms.append(
            Sql(
                "(CASE " + " ".join(w.text for w in whens) + " ELSE 0 END)",
                [param for w in whens for param in w.params],
            )
        )
    return Sql(" + ".join(t.text for t in terms) or "0", [p for t in terms for p in t.params])


def _distance(near: Near) -> Sql:
    """The distance of the document's nearest place within the circle (NULL: none is): the
    bounding box narrows the places by their index, the haversine formula measures."""
    south, north, west, east = near.bounding_box()
    haversine = (
        "2 * %s * ASIN(SQRT(POWER(SIN(RADIANS(l.latitude - %s) / 2), 2) + COS(RADIANS(%s)) "
        "* COS(RADIANS(l.latitude)) * POWER(SIN(RADIANS(l.longitude - %s) / 2), 2)))"
    )
    return Sql(
        f"(SELECT MIN({haversine}) FROM search_searchlocation l WHERE l.document_id = d.id "
        "AND l.latitude BETWEEN %s AND %s AND l.longitude BETWEEN %s AND %s)",
        [
            EARTH_RADIUS_KM,
            near.latitude,
            near.latitude,
            near.longitude,
            south,
            north,
            west,
            east,
        ],
    )


def _near_ids(near: Near) -> Sql:
    """The documents with a place in the bounding box (the exact test follows)."""
    south, north, west, east = near.bounding_box()
    return Sql(
        "d.id IN (SELECT l.document_id FROM search_searchlocation l WHERE l.latitude BETWEEN "
        "%s AND %s AND l.longitude BETWEEN %s AND %s)",
        [south, north, west, east],
    )


def _statement(request: SearchRequest, offset: int, facets: bool) -> Sql:
    """Facet counts, total and the page's ids (with their sort keys) in one statement."""
    engine = _engine()
    where: list[Sql] = []
    if request.near is not None:
        where.append(_near_ids(request.near))
    if request.visibilities is not None:
        tokens = sorted(request.visibilities)
        where.append(
            Sql(
                engine.document_in(
                    "search_searchaudience", f"x.token IN ({_placeholders(tokens)})"
                ),
                tokens,
            )
            if tokens
            else Sql("1 = 0")
        )
    if not request.query.matches_all:
        where.append(engine.text_match(request.query))
    active = list(request.filters.items())
    flags = [
        Sql(
            engine.document_in(
                "search_searchfacetvalue", f"x.facet = %s AND x.value IN ({_placeholders(values)})"
            )
            + f" AS f{index}",
            [facet, *values],
        )
        for index, (facet, values) in enumerate(active)
    ]

    def all_flags(but: int | None = None) -> str:
        held = [f"m.f{index}" for index in range(len(active)) if index != but]
        return " AND ".join(held) or "1 = 1"

    distance = _distance(request.near) if request.near is not None else Sql("NULL")
    select = ", ".join(
        [
            "d.id",
            "d.doc_type",
            "d.date",
            "d.rank",
            f"{distance.text} AS dist",
            *(f.text for f in flags),
        ]
    )
    condition = " AND ".join(w.text for w in where) or "1 = 1"
    params = (
        distance.params
        + [p for f in flags for p in f.params]
        + [p for w in where for p in w.params]
    )
    # Within the circle, not only the box.
    in_circle = "m.dist <= %s" if request.near is not None else "1 = 1"
    text = (
        f"WITH matched AS MATERIALIZED (SELECT {select} FROM {engine.documents} "
        f"WHERE {condition}), "
        f"near AS (SELECT * FROM matched m WHERE {in_circle}), "
        "hits AS (SELECT m.id, m.doc_type, m.date, m.rank, m.dist FROM near m "
        f"WHERE {all_flags()}) "
    )
    if request.near is not None:
        params.append(request.near.radius_km)
    branches: list[Sql] = []
    if facets:
        names = registry.facet_names()
        active_names = [facet for facet, _values in active]
        per_facet = [
            Sql(f"(fv.facet = %s AND {all_flags(but=index)})", [facet])
            for index, facet in enumerate(active_names)
            if facet in names
        ]
        others = [n for n in names if n not in active_names]
        if others:
            per_facet.append(
                Sql(f"(fv.facet IN ({_placeholders(others)}) AND {all_flags()})", others)
            )
        condition = _join(per_facet, " OR ") if per_facet else Sql("1 = 0")
        branches.append(
            Sql(
                f"SELECT {FACET}, fv.facet, fv.value, COUNT(*), CAST(NULL AS INTEGER), "
                "CAST(NULL AS TEXT) FROM near m "
                "JOIN search_searchfacetvalue fv ON fv.document_id = m.id "
                f"WHERE {condition.text} GROUP BY fv.facet, fv.value",
                condition.params,
            )
        )
        branches.append(
            Sql(
                f"SELECT {TOTAL}, CAST(NULL AS TEXT), CAST(NULL AS TEXT), COUNT(*), "
                "CAST(NULL AS INTEGER), CAST(NULL AS TEXT) FROM hits"
            )
        )
    if request.near is not None:
        # Nearest first: the negative distance sorts like a score.
        score = Sql("-h.dist")
    elif sort_newest(request):
        score = Sql("0")
    else:
        relevance = _score(engine, request.query)
        score = Sql(f"({relevance.text}) * h.rank", relevance.params)
    branches.append(
        Sql(
            f"SELECT * FROM (SELECT {PAGE}, h.doc_type, CAST(NULL AS TEXT), h.id, "
            f"{score.text} AS score, CAST(h.date AS TEXT) FROM hits h "
            "ORDER BY 5 DESC, h.date DESC NULLS LAST, h.id DESC LIMIT %s OFFSET %s) page",
            [*score.params, request.page_size, offset],
        )
    )
    return Sql(
        text + " UNION ALL ".join(b.text for b in branches),
        params + [p for b in branches for p in b.params],
    )


def _run(statement: Sql) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(statement.text, statement.params)
        return cursor.fetchall()


def _page_rows(rows: list[tuple]) -> list[tuple]:
    # UNION ALL promises no order: sort the page again by its keys (score, date, id).
    page = [row for row in rows if row[0] == PAGE]
    page.sort(key=lambda row: (row[4], row[5] is not None, row[5] or "", row[3]), reverse=True)
    return page


def _counts(rows: list[tuple]) -> tuple[int, dict[str, dict[str, int]]]:
    """The total and the facet counts among a statement's rows."""
    facet_counts: dict[str, dict[str, int]] = {facet: {} for facet in registry.facet_names()}
    total = 0
    for kind, facet, value, number, *_keys in rows:
        if kind == FACET:
            facet_counts[facet][value] = number
        elif kind == TOTAL:
            total = number
    return total, facet_counts


def search(request: SearchRequest) -> BackendResult:
    rows = _run(_statement(request, (request.page - 1) * request.page_size, facets=True))
    total, facet_counts = _counts(rows)
    relaxed = None if total else relaxed_request(request)
    if relaxed is not None:
        rows = _run(_statement(relaxed, (request.page - 1) * request.page_size, facets=True))
        total, facet_counts = _counts(rows)
        request = relaxed
    pages = max(1, math.ceil(total / request.page_size))
    page = min(request.page, pages)
    if page != request.page:
        rows = _run(_statement(request, (page - 1) * request.page_size, facets=False))
    page_rows = _page_rows(rows)
    ids = [row[3] for row in page_rows]
    documents = load(ids)
    hits = [documents[pk] for pk in ids if pk in documents]
    if request.near is not None:
        # The page's score is the negative distance.
        distances = {row[3]: -float(row[4]) for row in page_rows}
        for pk, hit in zip([pk for pk in ids if pk in documents], hits, strict=True):
            hit.distance_km = distances[pk]
    return BackendResult(
        total=total, page=page, hits=hits, facet_counts=facet_counts, relaxed=relaxed is not None
    )


def load(keys: list[int]) -> dict[int, Hit]:
    """The documents to show, by database id."""
    documents = SearchDocument.objects.only(
        "doc_type", "object_id", "title", "url", "teaser", "body", "date", "bundeslaender"
    ).in_bulk(keys)
    return {
        pk: Hit(
            doc_type=doc.doc_type,
            title=doc.title,
            url=doc.url,
            teaser=doc.teaser,
            body=doc.body,
            date=doc.date,
            bundeslaender=list(doc.bundeslaender or []),
            object_id=doc.object_id,
        )
        for pk, doc in documents.items()
    }


# --- the semantic half of a hybrid search ------------------------------------------------------


def hybrid(
    request: SearchRequest, vector: PendingVector, *, window: int, k: int, min_similarity: float
) -> HybridResult:
    """The lexical window, read while the query is embedded, and the nearest documents."""
    rows = _run(_statement(replace(request, page=1, page_size=window), 0, facets=True))
    total, facet_counts = _counts(rows)
    relaxed = None if total else relaxed_request(request)
    if relaxed is not None:
        rows = _run(_statement(replace(relaxed, page=1, page_size=window), 0, facets=True))
        total, facet_counts = _counts(rows)
    page = _page_rows(rows)
    found = HybridResult(
        total=total,
        lexical=[row[3] for row in page],
        facet_counts=facet_counts,
        semantic=[],
        types={row[3]: row[1] for row in page},
        relaxed=relaxed is not None,
    )
    query_vector = vector.result()
    if query_vector is None:
        return found
    close = nearest(request, query_vector, k=k, min_similarity=min_similarity)
    facets = _facet_values([pk for pk, _score in close])
    found.semantic = [(pk, score, facets.get(pk, {})) for pk, score in close]
    return found


def matching(request: SearchRequest, keys: list[int]) -> set[int]:
    """Which of the documents ``keys`` the lexical query matches."""
    if not keys or request.query.is_empty:
        return set(keys)
    match = _engine().text_match(request.query)
    statement = Sql(
        f"SELECT d.id FROM search_searchdocument d WHERE d.id IN ({_placeholders(keys)}) "
        f"AND {match.text}",
        [*keys, *match.params],
    )
    return {row[0] for row in _run(statement)}


CANDIDATE_BLOCK = 200


def nearest(
    request: SearchRequest, vector, *, k: int, min_similarity: float
) -> list[tuple[int, float]]:
    """The ``k`` documents closest to ``vector`` that the user may see and that pass every
    filter: (database id, cosine similarity), closest first."""
    doc_ids, matrix = stored_matrix(embeddings.get_embedder().name)
    if not doc_ids or matrix.shape[1] != len(vector):
        return []
    scores = matrix @ vector
    close = np.flatnonzero(scores >= min_similarity)
    order = close[np.argsort(-scores[close], kind="stable")]
    found: list[tuple[int, float]] = []
    # Blocks of candidates, closest first, until k pass the access rules and filters: one
    # statement for the usual case, more only when filters exclude most close documents.
    for start in range(0, len(order), CANDIDATE_BLOCK):
        block = order[start : start + CANDIDATE_BLOCK]
        allowed = _allowed(request, [doc_ids[i] for i in block])
        for i in block:
            pk = allowed.get(doc_ids[i])
            if pk is not None:
                found.append((pk, float(scores[i])))
                if len(found) >= k:
                    return found
    return found


def _allowed(request: SearchRequest, doc_ids: list[str]) -> dict[str, int]:
    """doc_id → database id of those documents the user may see that pass every filter."""
    engine = _engine()
    where = [Sql(f"d.doc_id IN ({_placeholders(doc_ids)})", list(doc_ids))]
    if request.visibilities is not None:
        tokens = sorted(request.visibilities)
        if not tokens:
            return {}
        where.append(
            Sql(
                engine.document_in(
                    "search_searchaudience", f"x.token IN ({_placeholders(tokens)})"
                ),
                tokens,
            )
        )
    for facet, values in request.filters.items():
        where.append(
            Sql(
                engine.document_in(
                    "search_searchfacetvalue",
                    f"x.facet = %s AND x.value IN ({_placeholders(values)})",
                ),
                [facet, *values],
            )
        )
    if request.query.excluded:
        # "-Wort" holds for the documents found by meaning too.
        where.append(engine.text_match(replace(request.query, clauses=())))
    condition = _join(where, " AND ")
    rows = _run(
        Sql(
            f"SELECT d.doc_id, d.id FROM {engine.documents} WHERE {condition.text}",
            condition.params,
        )
    )
    return dict(rows)


def _facet_values(keys: list[int]) -> dict[int, dict[str, list[str]]]:
    values: dict[int, dict[str, list[str]]] = {}
    if not keys:
        return values
    for document_id, facet, value in SearchFacetValue.objects.filter(
        document_id__in=keys
    ).values_list("document_id", "facet", "value"):
        values.setdefault(document_id, {}).setdefault(facet, []).append(value)
    return values


def counts_per_type() -> dict[str, int]:
    rows = SearchDocument.objects.values("doc_type").annotate(n=Count("pk"))
    return {row["doc_type"]: row["n"] for row in rows}
