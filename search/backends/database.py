"""The database backend: the same query structure as Elasticsearch, on ``SearchDocument``.

Terms are matched with ``LIKE '% term %'`` on the space-padded analysed columns, which works
unchanged on SQLite and PostgreSQL. Relevance weighs where a term was found, like the boosts
of the Elasticsearch query: exact word in the title > stem in the title > exact word in the
text > stem (or compound part) in the text.
"""

import math

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When

from .. import registry
from ..models import SearchAudience, SearchDocument, SearchFacetValue
from ..query import Clause, ParsedQuery
from . import BackendResult, Hit, SearchRequest, sort_newest

NAME = "database"
WEIGHTS = {"title_exact": 6, "title_stems": 3, "exact": 2, "stems": 1, "parts": 1}


def _clause_q(clause: Clause) -> Q:
    matched = Q(pk__in=[])
    for alternative in clause.alternatives:
        if alternative.phrase:
            phrase = " ".join(term.stem for term in alternative.terms)
            matched |= Q(stems__contains=f" {phrase} ")
            continue
        required = Q()
        for term in alternative.terms:
            required &= Q(stems__contains=f" {term.stem} ") | Q(parts__contains=f" {term.stem} ")
        matched |= required
    return matched


def _text_q(query: ParsedQuery) -> Q:
    condition = Q()
    for clause in query.clauses:
        condition &= _clause_q(clause)
    return condition


def _score(query: ParsedQuery):
    total = Value(0, output_field=IntegerField())
    for term in query.all_terms():
        whens = []
        if term.exact:
            whens.append(When(title_exact__contains=f" {term.exact} ", then=WEIGHTS["title_exact"]))
        whens.append(When(title_stems__contains=f" {term.stem} ", then=WEIGHTS["title_stems"]))
        if term.exact:
            whens.append(When(exact__contains=f" {term.exact} ", then=WEIGHTS["exact"]))
        whens.append(When(stems__contains=f" {term.stem} ", then=WEIGHTS["stems"]))
        whens.append(When(parts__contains=f" {term.stem} ", then=WEIGHTS["parts"]))
        total = total + Case(*whens, default=0, output_field=IntegerField())
    return total


def _facet_q(facet: str, values: list[str]) -> Q:
    return Q(
        pk__in=SearchFacetValue.objects.filter(facet=facet, value__in=values).values("document_id")
    )


def search(request: SearchRequest) -> BackendResult:
    base: QuerySet = SearchDocument.objects.all()
    if request.visibilities is not None:
        base = base.filter(
            pk__in=SearchAudience.objects.filter(token__in=sorted(request.visibilities)).values(
                "document_id"
            )
        )
    if not request.query.is_empty:
        base = base.filter(_text_q(request.query))

    facet_counts: dict[str, dict[str, int]] = {}
    for facet in registry.facet_names():
        others = base
        for other, values in request.filters.items():
            if other != facet:
                others = others.filter(_facet_q(other, values))
        rows = (
            SearchFacetValue.objects.filter(facet=facet, document__in=others.values("pk"))
            .values("value")
            .annotate(n=Count("document", distinct=True))
        )
        facet_counts[facet] = {row["value"]: row["n"] for row in rows}

    matching = base
    for facet, values in request.filters.items():
        matching = matching.filter(_facet_q(facet, values))
    total = matching.count()
    pages = max(1, math.ceil(total / request.page_size))
    page = min(request.page, pages)
    if sort_newest(request):
        ordered = matching.order_by(F("date").desc(nulls_last=True), "-pk")
    else:
        ordered = matching.annotate(score=_score(request.query)).order_by(
            "-score", F("date").desc(nulls_last=True), "-pk"
        )
    start = (page - 1) * request.page_size
    documents = ordered.only("doc_type", "title", "url", "teaser", "body", "date", "bundeslaender")[
        start : start + request.page_size
    ]
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
        for doc in documents
    ]
    return BackendResult(total=total, page=page, hits=hits, facet_counts=facet_counts)


def counts_per_type() -> dict[str, int]:
    rows = SearchDocument.objects.values("doc_type").annotate(n=Count("pk"))
    return {row["doc_type"]: row["n"] for row in rows}
