"""Documents close in meaning to a text or to another document, for the user asking.

Related boxes and "Ähnliche Themen" ask here. It reads the database index and the stored
vectors (both always current, with or without Elasticsearch), and every candidate passes the
same access rules and filters as a search (``backends.database``).
"""

from dataclasses import dataclass

from cms.access import user_tokens

from . import embeddings
from .backends import SearchRequest
from .backends import database as database_backend
from .models import SearchDocument, SearchEmbedding
from .query import ParsedQuery

MAX_LIMIT = 20


@dataclass
class SimilarDocument:
    doc_type: str
    model: str
    object_id: str
    title: str
    url: str
    teaser: str
    similarity: float


def similar_documents(
    *,
    user,
    text: str = "",
    doc_id: str = "",
    types: list[str] | None = None,
    exclude_doc_ids: tuple[str, ...] = (),
    limit: int = 5,
) -> list[SimilarDocument]:
    """The ``limit`` documents closest in meaning to ``text`` (as a query) or to the stored
    document ``doc_id`` (by its vector), of the content ``types``, that ``user`` may see;
    closest first. Empty when the semantic search is off or nothing is close enough."""
    if not embeddings.enabled():
        return []
    embedder = embeddings.get_embedder()
    if doc_id:
        stored = (
            SearchEmbedding.objects.filter(doc_id=doc_id, model=embedder.name)
            .values_list("vector", flat=True)
            .first()
        )
        if stored is None:
            return []
        vector = embeddings.from_bytes(stored)
        exclude_doc_ids = (*exclude_doc_ids, doc_id)
    elif text.strip():
        vector = embeddings.query_vector(" ".join(text.split())[: embeddings.MAX_PASSAGE_CHARS])
    else:
        return []
    limit = max(1, min(limit, MAX_LIMIT))
    request = SearchRequest(
        query=ParsedQuery(),
        filters={"type": list(types)} if types else {},
        visibilities=user_tokens(user),
        sort="relevance",
        page=1,
        page_size=limit,
    )
    nearest = database_backend.nearest(
        request,
        vector,
        k=limit + len(exclude_doc_ids),
        min_similarity=embedder.min_similarity,
    )
    scores = dict(nearest)
    documents = SearchDocument.objects.only(
        "doc_id", "doc_type", "model", "object_id", "title", "url", "teaser"
    ).in_bulk(list(scores))
    found = [
        SimilarDocument(
            doc_type=document.doc_type,
            model=document.model,
            object_id=document.object_id,
            title=document.title,
            url=document.url,
            teaser=document.teaser,
            similarity=scores[pk],
        )
        for pk, _score in nearest
        if (document := documents.get(pk)) is not None and document.doc_id not in exclude_doc_ids
    ]
    return found[:limit]
