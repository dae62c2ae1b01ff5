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
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count

from .. import registry
from ..fts import FTS_TABLE, fts5_phrase, pg_column
from ..models import SearchDocument
from ..query import Alternative, ParsedQuery
from . import BackendResult, Hit, SearchRequest, sort_newest

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

    def text_match(self, query: ParsedQuery) -> Sql:
        expression = " AND ".join(
            "(" + " OR ".join(self._alternative(a) for a in clause.alternatives) + ")"
            for clause in query.clauses
        )
        return Sql(
            f"d.id IN (SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s)", [expression]
        )

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

    def text_match(self, query: ParsedQuery) -> Sql:
        clauses = []
        for clause in query.clauses:
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
            clauses.append(_join(alternatives, " OR "))
        return _join(clauses, " AND ")

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


def _statement(request: SearchRequest, offset: int, facets: bool) -> Sql:
    """Facet counts, total and the page's ids (with their sort keys) in one statement."""
    engine = _engine()
    where: list[Sql] = []
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
    if not request.query.is_empty:
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

    select = ", ".join(["d.id", "d.date", *(f.text for f in flags)])
    condition = " AND ".join(w.text for w in where) or "1 = 1"
    params = [p for f in flags for p in f.params] + [p for w in where for p in w.params]
    text = (
        f"WITH matched AS MATERIALIZED (SELECT {select} FROM {engine.documents} "
        f"WHERE {condition}), "
        f"hits AS (SELECT m.id, m.date FROM matched m WHERE {all_flags()}) "
    )
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
                "CAST(NULL AS TEXT) FROM matched m "
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
    score = Sql("0") if sort_newest(request) else _score(engine, request.query)
    branches.append(
        Sql(
            f"SELECT * FROM (SELECT {PAGE}, CAST(NULL AS TEXT), CAST(NULL AS TEXT), h.id, "
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


def _page_ids(rows: list[tuple]) -> list[int]:
    # UNION ALL promises no order: sort the page again by its keys (score, date, id).
    page = [row for row in rows if row[0] == PAGE]
    page.sort(key=lambda row: (row[4], row[5] is not None, row[5] or "", row[3]), reverse=True)
    return [row[3] for row in page]


def search(request: SearchRequest) -> BackendResult:
    rows = _run(_statement(request, (request.page - 1) * request.page_size, facets=True))
    facet_counts: dict[str, dict[str, int]] = {facet: {} for facet in registry.facet_names()}
    total = 0
    for kind, facet, value, number, *_keys in rows:
        if kind == FACET:
            facet_counts[facet][value] = number
        elif kind == TOTAL:
            total = number
    pages = max(1, math.ceil(total / request.page_size))
    page = min(request.page, pages)
    ids = _page_ids(rows)
    if page != request.page:
        ids = _page_ids(_run(_statement(request, (page - 1) * request.page_size, facets=False)))
    documents = SearchDocument.objects.only(
        "doc_type", "title", "url", "teaser", "body", "date", "bundeslaender"
    ).in_bulk(ids)
    hits = [
        Hit(
            doc_type=doc.doc_type,
            title=doc.title,
            url=doc.url,
            teaser=doc.teaser,
            body=doc.body,
            date=doc.date,
            bundeslaender=list(doc.bundeslaender or []),
        )
        for doc in (documents[pk] for pk in ids if pk in documents)
    ]
    return BackendResult(total=total, page=page, hits=hits, facet_counts=facet_counts)


def counts_per_type() -> dict[str, int]:
    rows = SearchDocument.objects.values("doc_type").annotate(n=Count("pk"))
    return {row["doc_type"]: row["n"] for row in rows}
