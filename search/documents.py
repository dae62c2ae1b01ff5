"""The Elasticsearch index: one index per build, always addressed through an alias.

Text arrives already analysed by ``analysis.py`` (normalised, decompounded, stemmed), so the
text fields only split on whitespace; the database fallback stores the same terms. ``title``,
``teaser`` and ``body`` are kept in ``_source`` for display and highlighting only.
"""

from datetime import UTC, datetime

from django.conf import settings
from elasticsearch.dsl import Date, DenseVector, Document, Float, GeoPoint, Index, Keyword, Text

from . import registry
from .builders import IndexEntry

ANALYSED = {"analyzer": "whitespace", "search_analyzer": "whitespace"}


def facet_field(facet: str) -> str:
    """The index field of a facet: the content type is ``doc_type``, the others their name."""
    return "doc_type" if facet == registry.TYPE_FACET else facet


class KnowledgeDocument(Document):
    doc_type = Keyword()
    model = Keyword()
    object_id = Keyword()
    title = Text(index=False)
    teaser = Text(index=False)
    body = Text(index=False)
    url = Keyword(index=False)
    date = Date()
    # Audience tokens (cms.access): a search matches those of the searching user.
    visibility = Keyword()
    fingerprint = Keyword(index=False)
    title_exact = Text(**ANALYSED)
    title_stems = Text(**ANALYSED)
    exact = Text(**ANALYSED)
    stems = Text(**ANALYSED)
    parts = Text(**ANALYSED)
    # The places of the content (``IndexEntry.locations``) and its rank factor.
    location = GeoPoint()
    rank = Float()
    # One keyword field per registered facet is added by ``knowledge_index``.

    class Meta:
        dynamic = "strict"


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-knowledge"


def new_index_name() -> str:
    return f"{alias_name()}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"


def knowledge_index(name: str, *, bulk_loading: bool = False) -> Index:
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=0,
        # While a rebuild loads the fresh index nobody searches it: no refreshes needed.
        refresh_interval="-1" if bulk_loading else "1s",
        # Deletions are remembered (as versions) for an hour, longer than any rebuild, so a
        # rebuild's older copy of a document deleted meanwhile is refused.
        gc_deletes="1h",
    )
    mapping = KnowledgeDocument._doc_type.mapping._clone()
    for facet in registry.facet_names():
        if facet != registry.TYPE_FACET:
            mapping.field(facet_field(facet), Keyword())
    vector = vector_field()
    if vector is not None:
        mapping.field(VECTOR_FIELD, vector)
    index.mapping(mapping)
    return index


VECTOR_FIELD = "vector"


def vector_field() -> DenseVector | None:
    """The meaning of a document (``search.embeddings``), searched by kNN."""
    from . import embeddings

    if not embeddings.enabled():
        return None
    return DenseVector(dims=embeddings.get_embedder().dim, index=True, similarity="cosine")


def to_source(entry: IndexEntry, analysed: dict[str, str], vector=None) -> dict:
    source = {
        "doc_type": entry.doc_type,
        "model": entry.model,
        "object_id": entry.object_id,
        "title": entry.title,
        "teaser": entry.teaser,
        "body": entry.body,
        "url": entry.url,
        "date": entry.date.isoformat() if entry.date else None,
        "visibility": list(entry.visibility),
        "fingerprint": entry.fingerprint,
        "location": [{"lat": lat, "lon": lon} for lat, lon in entry.locations],
        "rank": entry.rank,
        **analysed,
        **{
            facet_field(facet): entry.facets.get(facet, [])
            for facet in registry.facet_names()
            if facet != registry.TYPE_FACET
        },
    }
    if vector is not None:
        source[VECTOR_FIELD] = vector
    return source
