"""Keeping the index in step: documents and vectors written in bulk with external versions,
to every index a change must reach (the alias and a rebuild's building index)."""

import logging
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings
from elasticsearch import Elasticsearch, helpers

from ... import embeddings
from ...builders import IndexEntry
from ...documents import (
    VECTOR_FIELD,
    alias_name,
    knowledge_index,
    new_index_name,
    to_source,
)
from . import client

logger = logging.getLogger(__name__)


BULK_CHUNK = 500


def ensure_alias(es: Elasticsearch) -> str:
    """The alias, created with a first empty index if this cluster has none yet."""
    alias = alias_name()
    if not es.indices.exists_alias(name=alias):
        name = new_index_name()
        knowledge_index(name).create(using=es)
        es.indices.put_alias(index=name, name=alias)
    return alias


def building_alias() -> str:
    """Names the index a rebuild is filling, so that pushes meanwhile reach it too."""
    return f"{alias_name()}-building"


def _write_targets(es: Elasticsearch) -> list[str]:
    targets = set(es.indices.get_alias(name=ensure_alias(es)).body)
    if es.indices.exists_alias(name=building_alias()):
        targets.update(es.indices.get_alias(name=building_alias()).body)
    return sorted(targets)


def _analysed(entry: IndexEntry) -> dict[str, str]:
    from ...indexing import analysed_fields

    return analysed_fields(entry)


def _index_action(
    index: str,
    entry: IndexEntry,
    version: int,
    analysed: dict[str, str] | None = None,
    vectors: dict | None = None,
) -> dict:
    return {
        "_op_type": "index",
        "_index": index,
        "_id": entry.doc_id,
        "_source": to_source(
            entry,
            analysed if analysed is not None else _analysed(entry),
            (vectors or {}).get(entry.doc_id),
        ),
        # External versions (outbox row ids): an older state arriving late is refused.
        "version": version,
        "version_type": "external_gte",
    }


def _real_errors(errors: list[dict]) -> list[dict]:
    """Failures that matter: a missing document to delete, or a newer version already
    stored (409), mean the index already holds the right state."""
    return [
        error for error in errors if next(iter(error.values()), {}).get("status") not in (404, 409)
    ]


def apply(*, entries: list[IndexEntry], delete_ids: list[str], versions: dict[str, int]) -> None:
    """Write changed documents and remove deleted ones; raises UNAVAILABLE on failure."""
    es = client()
    # Write to the concrete indexes: an alias over two indexes (during a swap) refuses writes.
    actions: list[dict] = []
    vectors = embeddings.stored_vectors(entries)
    targets = _write_targets(es)
    _ensure_mapping(es, targets)
    for index in targets:
        actions.extend(
            _index_action(index, entry, versions.get(entry.doc_id, 0), vectors=vectors)
            for entry in entries
        )
        actions.extend(
            {
                "_op_type": "delete",
                "_index": index,
                "_id": doc_id,
                "version": versions.get(doc_id, 0),
                "version_type": "external_gte",
            }
            for doc_id in delete_ids
        )
    if not actions:
        return
    _success, errors = helpers.bulk(
        es, actions, raise_on_error=False, refresh=True, chunk_size=BULK_CHUNK
    )
    if _real_errors(errors):
        raise helpers.BulkIndexError(
            f"{len(_real_errors(errors))} document(s) failed.", _real_errors(errors)
        )


_mapping_ready: set[tuple[str, str]] = set()


def _ensure_mapping(es: Elasticsearch, indexes: list[str]) -> None:
    """An index built before a field existed (vectors, places, a new facet) gets it: adding
    fields is allowed, and the mapping is strict, so a document with the field would be
    refused without it. Once per index and process."""
    for index in indexes:
        key = (settings.ELASTICSEARCH_URL, index)
        if key in _mapping_ready:
            continue
        properties = knowledge_index(index).to_dict()["mappings"]["properties"]
        es.indices.put_mapping(index=index, properties=properties)
        _mapping_ready.add(key)


def update_vectors(vectors: dict) -> None:
    """Give stored documents their new vectors (doc_id → vector); raises UNAVAILABLE."""
    es = client()
    targets = _write_targets(es)
    _ensure_mapping(es, targets)
    actions = [
        {"_op_type": "update", "_index": index, "_id": doc_id, "doc": {VECTOR_FIELD: vector}}
        for index in targets
        for doc_id, vector in vectors.items()
    ]
    _success, errors = helpers.bulk(
        es, actions, raise_on_error=False, refresh=True, chunk_size=BULK_CHUNK
    )
    if _real_errors(errors):
        raise helpers.BulkIndexError(
            f"{len(_real_errors(errors))} vector(s) failed.", _real_errors(errors)
        )


def _bulk(es: Elasticsearch, actions: list[dict]) -> int:
    success, errors = helpers.bulk(es, actions, chunk_size=BULK_CHUNK, raise_on_error=False)
    if _real_errors(errors):
        raise helpers.BulkIndexError(
            f"{len(_real_errors(errors))} document(s) failed.", _real_errors(errors)
        )
    return success + len(errors)


def fill_index(
    name: str, entries: Iterable[IndexEntry], *, version: int, total: int, progress
) -> int:
    es = client(timeout=settings.ELASTICSEARCH_BULK_TIMEOUT)
    done = 0
    batch: list[dict] = []
    # One batch is sent (helpers.bulk, in a worker thread) while the next is being built:
    # reading and analysing in Python overlaps with Elasticsearch's indexing.
    pending: Future | None = None
    with ThreadPoolExecutor(max_workers=1) as sender:
        for entry in entries:
            batch.append(entry)
            if len(batch) >= BULK_CHUNK * 2:
                actions = _actions(name, batch, version)
                if pending is not None:
                    done += pending.result()
                    if progress:
                        progress(done, max(total, done))
                pending = sender.submit(_bulk, es, actions)
                batch = []
        if pending is not None:
            done += pending.result()
        if batch:
            done += _bulk(es, _actions(name, batch, version))
    return done


def _actions(name: str, entries: list[IndexEntry], version: int) -> list[dict]:
    # The stored vectors of unchanged documents: a rebuild never embeds.
    vectors = embeddings.stored_vectors(entries)
    return [_index_action(name, entry, version, vectors=vectors) for entry in entries]


def send(
    name: str, entries: list[IndexEntry], analysed: list[dict[str, str]], *, version: int
) -> int:
    """Write already analysed ``entries`` into the index ``name`` (a rebuild worker's chunk);
    each process has its own client."""
    es = client(timeout=settings.ELASTICSEARCH_BULK_TIMEOUT)
    vectors = embeddings.stored_vectors(entries)
    actions = [
        _index_action(name, entry, version, terms, vectors)
        for entry, terms in zip(entries, analysed, strict=True)
    ]
    return _bulk(es, actions) if actions else 0
