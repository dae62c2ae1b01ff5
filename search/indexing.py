"""The write side of search: the outbox, and applying changes to both indexes.

Every change of indexed content records an ``IndexOutbox`` row inside the transaction of the
change (see ``receivers.py``). After the commit the rows are pushed: the database index
(``SearchDocument``) is brought up to date and, when configured, Elasticsearch too. A row is
deleted only when every configured index has the change; if Elasticsearch is away the row
stays and the next push or ``search_index sync`` applies it.
"""

import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Model

from . import embeddings
from .analysis import index_terms
from .builders import DocumentBuilder, IndexEntry, VisibilityContext
from .models import (
    IndexOutbox,
    SearchAudience,
    SearchDocument,
    SearchFacetValue,
    SearchLocation,
)
from .registry import builder_for, builders
from .terms import vocabulary_change, vocabulary_previous, vocabulary_rebuild

logger = logging.getLogger(__name__)

PUSH_BATCH = 200
Progress = Callable[[int, int], None]


def elasticsearch_enabled() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


# --- outbox -------------------------------------------------------------------------------


def outbox_record(*, objects: Iterable[Model]) -> int:
    """Note that ``objects`` changed; call inside the transaction that changes them."""
    keys = []
    for obj in objects:
        builder = builder_for(obj)
        if builder is not None and obj.pk is not None:
            keys.append((builder.model_label, str(obj.pk)))
    if not keys:
        return 0
    batch = getattr(_batch, "keys", None)
    if batch is not None:
        batch.update(dict.fromkeys(keys))
        return len(keys)
    return _outbox_write(keys)


_batch = threading.local()


@contextmanager
def outbox_batch() -> Iterator[None]:
    """Inside the block, ``outbox_record`` only notes what changed; when the block ends, all of
    it is recorded at once: one load of the documents, one write of the database index and of
    the outbox rows. For bulk work inside one transaction (the demo, imports), where an object
    changes many times over. A block inside another one leaves the recording to the outer."""
    if getattr(_batch, "keys", None) is not None:
        yield
        return
    _batch.keys = {}
    try:
        yield
        keys = list(_batch.keys)
    finally:
        del _batch.keys
    if keys:
        _outbox_write(keys)


def _outbox_write(keys: list[tuple[str, str]]) -> int:
    rows = [IndexOutbox(model=model, object_id=object_id) for model, object_id in keys]
    # The database index changes with the content itself, so the fallback is never stale;
    # Elasticsearch follows after the commit. A savepoint keeps a failure here from undoing
    # the content change: the row then says so, and the push retries.
    try:
        with transaction.atomic():
            entries, deletions = _load_entries(list(dict.fromkeys(keys)))
            database_apply(entries=entries, delete_ids=deletions)
    except Exception:
        logger.exception("Updating the database search index failed; the push will retry.")
    else:
        for row in rows:
            row.database_done = True
    IndexOutbox.objects.bulk_create(rows)
    transaction.on_commit(_push_after_commit)
    return len(rows)


def _push_after_commit() -> None:
    from .tasks import push_index_changes

    try:
        push_index_changes.enqueue()
    except Exception:  # a failed push must never break the request that saved content
        logger.exception("Pushing search index changes failed; they stay in the outbox.")


@dataclass
class PushResult:
    applied: int = 0
    pending: int = 0
    error: str = ""


def outbox_push(*, max_batches: int | None = None, respect_backoff: bool = False) -> PushResult:
    """Apply pending outbox rows, oldest first; rows stay when Elasticsearch fails.

    ``respect_backoff``: skip Elasticsearch while it failed a moment ago (pushes after a
    commit use it; ``search_index sync`` always tries).
    """
    result = PushResult()
    batches = 0
    last_pk = 0
    while max_batches is None or batches < max_batches:
        rows = list(IndexOutbox.objects.filter(pk__gt=last_pk).order_by("pk")[:PUSH_BATCH])
        if not rows:
            break
        batches += 1
        last_pk = rows[-1].pk
        keys = list(dict.fromkeys((row.model, row.object_id) for row in rows))
        entries, deletions = _load_entries(keys)
        # Versions let Elasticsearch refuse an older state that arrives late (two pushes
        # racing): the newest outbox row of an object is its newest change.
        versions = {}
        for row in rows:
            builder = builder_for(row.model)
            if builder is not None:
                versions[builder.doc_id(row.object_id)] = row.pk
        stale = {(row.model, row.object_id) for row in rows if not row.database_done}
        if stale:
            database_apply(
                entries=[e for e in entries if (e.model, e.object_id) in stale],
                delete_ids=[
                    doc_id
                    for doc_id in deletions
                    if any(builder_for(m).doc_id(o) == doc_id for m, o in stale if builder_for(m))
                ],
            )
            IndexOutbox.objects.filter(pk__in=[row.pk for row in rows]).update(database_done=True)
        error = ""
        if elasticsearch_enabled():
            from .backends import elasticsearch as es_backend

            if respect_backoff and es_backend.recently_failed():
                result.error = "Elasticsearch failed recently; the changes wait in the outbox."
                break
            try:
                es_backend.apply(entries=entries, delete_ids=deletions, versions=versions)
            except es_backend.UNAVAILABLE as exc:
                error = f"{type(exc).__name__}: {exc}"[:500]
                es_backend.mark_failed()
            else:
                es_backend.mark_ok()
        # After both indexes have the documents: the task reads them from the database index.
        embeddings.schedule(entries)
        pks = [row.pk for row in rows]
        if error:
            IndexOutbox.objects.filter(pk__in=pks).update(
                last_error=error, attempts=F("attempts") + 1
            )
            result.error = error
            break  # Elasticsearch is away: keep everything for the next push
        IndexOutbox.objects.filter(pk__in=pks).delete()
        result.applied += len(keys)
    result.pending = IndexOutbox.objects.count()
    return result


def embed_documents(*, doc_ids: list[str]) -> int:
    """Compute the missing vectors of the documents ``doc_ids`` and give them to
    Elasticsearch; how many were computed.

    If Elasticsearch cannot take them now, the documents go back into the outbox: the next
    push sends them whole, with the stored vector.
    """
    keys = list(SearchDocument.objects.filter(doc_id__in=doc_ids).values_list("model", "object_id"))
    entries, _deleted = _load_entries(keys)
    vectors = embeddings.embed_entries(embeddings.missing(entries))
    if vectors and elasticsearch_enabled():
        from .backends import elasticsearch as es_backend

        try:
            es_backend.update_vectors(vectors)
        except es_backend.UNAVAILABLE:
            logger.warning("Elasticsearch did not take %d vectors; queued again.", len(vectors))
            IndexOutbox.objects.bulk_create(
                IndexOutbox(model=entry.model, object_id=entry.object_id, database_done=True)
                for entry in entries
                if entry.doc_id in vectors
            )
    return len(vectors)


def embed_missing(*, progress: Progress | None = None, chunk_size: int = 256) -> int:
    """Compute every missing vector (a site that had content before vectors, or a new
    model); unchanged documents are skipped. How many were computed."""
    if not embeddings.enabled():
        return 0
    total = count_candidates()
    seen = computed = 0
    batch: list[IndexEntry] = []

    def flush() -> int:
        vectors = embeddings.embed_entries(embeddings.missing(batch))
        if vectors and elasticsearch_enabled():
            from .backends import elasticsearch as es_backend

            es_backend.update_vectors(vectors)
        return len(vectors)

    for entry in iter_entries():
        batch.append(entry)
        seen += 1
        if len(batch) >= chunk_size:
            computed += flush()
            batch = []
            if progress:
                progress(seen, max(total, seen))
    if batch:
        computed += flush()
    if progress:
        progress(seen, max(total, seen))
    return computed


def documents_without_vector() -> int:
    from .models import SearchEmbedding

    if not embeddings.enabled():
        return 0
    return SearchDocument.objects.exclude(
        doc_id__in=SearchEmbedding.objects.filter(model=embeddings.get_embedder().name).values(
            "doc_id"
        )
    ).count()


def _load_entries(keys: list[tuple[str, str]]) -> tuple[list[IndexEntry], list[str]]:
    by_model: dict[str, list[str]] = {}
    for model, object_id in keys:
        by_model.setdefault(model, []).append(object_id)
    context = VisibilityContext()
    entries: list[IndexEntry] = []
    deletions: list[str] = []
    for model, object_ids in by_model.items():
        builder = builder_for(model)
        if builder is None:
            continue
        objects = _fetch(builder, object_ids)
        builder.prepare(objects)
        found = {str(obj.pk): obj for obj in objects}
        for object_id in object_ids:
            obj = found.get(object_id)
            entry = builder.build(obj, context) if obj is not None else None
            if entry is None:
                deletions.append(builder.doc_id(object_id))
            else:
                entries.append(entry)
    return entries, deletions


def _fetch(builder: DocumentBuilder, object_ids: list[str]) -> list[Model]:
    # Not only live objects: an unpublished page must be found to be removed.
    return builder.fetch(builder.queryset(live_only=False).filter(pk__in=object_ids))


# --- documents ----------------------------------------------------------------------------


def pad(terms: str) -> str:
    return f" {terms} " if terms else ""


def analysed_fields(entry: IndexEntry) -> dict[str, str]:
    """The analysed terms of an entry: the same for Elasticsearch and the database."""
    title = index_terms(entry.title)
    rest = index_terms(" ".join([entry.teaser, entry.body, entry.keywords]))
    return {
        "title_exact": title.exact,
        "title_stems": title.stems,
        "exact": f"{title.exact} {rest.exact}".strip(),
        "stems": f"{title.stems} {rest.stems}".strip(),
        "parts": f"{title.parts} {rest.parts}".strip(),
    }


def document_values(entry: IndexEntry, analysed: dict[str, str]) -> dict:
    """The fields of ``entry``'s ``SearchDocument``; ``analysed``: its ``analysed_fields``."""
    return {
        "doc_id": entry.doc_id,
        "doc_type": entry.doc_type,
        "model": entry.model,
        "object_id": entry.object_id,
        "title": entry.title[:300],
        "teaser": entry.teaser,
        "body": entry.body,
        "url": entry.url[:500],
        "date": entry.date,
        "fingerprint": entry.fingerprint,
        "bundeslaender": entry.facets.get("bundesland", []),
        "rank": entry.rank,
        **{key: pad(value) for key, value in analysed.items()},
    }


@transaction.atomic
def database_apply(
    *, entries: list[IndexEntry], delete_ids: list[str], vocabulary: bool = True
) -> None:
    """``vocabulary``: keep ``SearchTerm`` in step (a rebuild recounts it once at the end)."""
    previous = (
        vocabulary_previous([*delete_ids, *(entry.doc_id for entry in entries)])
        if vocabulary
        else None
    )
    if delete_ids:
        SearchDocument.objects.filter(doc_id__in=delete_ids).delete()
        embeddings.forget(delete_ids)
    if not entries:
        if previous:
            vocabulary_change(previous=previous, current={})
        return
    existing = dict(
        SearchDocument.objects.filter(doc_id__in=[e.doc_id for e in entries]).values_list(
            "doc_id", "pk"
        )
    )
    SearchFacetValue.objects.filter(document_id__in=existing.values()).delete()
    SearchAudience.objects.filter(document_id__in=existing.values()).delete()
    SearchLocation.objects.filter(document_id__in=existing.values()).delete()
    documents = [
        SearchDocument(
            pk=existing.get(entry.doc_id), **document_values(entry, analysed_fields(entry))
        )
        for entry in entries
    ]
    updates = [doc for doc in documents if doc.pk]
    creates = [doc for doc in documents if not doc.pk]
    if updates:
        SearchDocument.objects.bulk_update(
            updates,
            [
                "doc_type",
                "model",
                "object_id",
                "title",
                "teaser",
                "body",
                "url",
                "date",
                "fingerprint",
                "bundeslaender",
                "rank",
                "title_exact",
                "title_stems",
                "exact",
                "stems",
                "parts",
            ],
        )
    if creates:
        SearchDocument.objects.bulk_create(creates)
    ids = dict(
        SearchDocument.objects.filter(doc_id__in=[e.doc_id for e in entries]).values_list(
            "doc_id", "pk"
        )
    )
    SearchFacetValue.objects.bulk_create(
        [
            SearchFacetValue(document_id=ids[entry.doc_id], facet=facet, value=value[:120])
            for entry in entries
            for facet, values in entry.facets.items()
            for value in dict.fromkeys(values)
        ]
    )
    SearchAudience.objects.bulk_create(
        [
            SearchAudience(document_id=ids[entry.doc_id], token=token[:60])
            for entry in entries
            for token in dict.fromkeys(entry.visibility)
        ]
    )
    SearchLocation.objects.bulk_create(
        [
            SearchLocation(document_id=ids[entry.doc_id], latitude=lat, longitude=lon)
            for entry in entries
            for lat, lon in dict.fromkeys(entry.locations)
        ]
    )
    if previous is not None:
        vocabulary_change(
            previous=previous, current={document.doc_id: document.exact for document in documents}
        )


def database_clear() -> None:
    """Empty the database index. In SQL: a queryset's ``delete()`` would load every document,
    facet and audience row as an object first (``receivers.object_deleted`` listens to the
    deletions of every model), which took most of a rebuild's time."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in (SearchFacetValue, SearchAudience, SearchLocation, SearchDocument):
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")


def iter_entries(*, chunk_size: int = 500) -> Iterator[IndexEntry]:
    """Every searchable object of every registered type, built in chunks."""
    context = VisibilityContext()
    for builder in builders():
        yield from iter_entries_of(builder, context=context, chunk_size=chunk_size)


def iter_entries_of(
    builder: DocumentBuilder, *, context: VisibilityContext | None = None, chunk_size: int = 500
) -> Iterator[IndexEntry]:
    context = context or VisibilityContext()
    queryset = builder.queryset()
    last_pk = None
    while True:
        chunk_qs = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
        chunk = builder.fetch(chunk_qs[:chunk_size])
        if not chunk:
            break
        last_pk = chunk[-1].pk
        yield from _build_all(builder, chunk, context)


def _build_all(builder: DocumentBuilder, objects: list, context: VisibilityContext):
    builder.prepare(objects)
    for obj in objects:
        entry = builder.build(obj, context)
        if entry is not None:
            yield entry


def rebuild_chunks(*, chunk_size: int = 500) -> list[tuple[str, int, int]]:
    """The candidates as runs of ids, (model, first id, last id), for parallel rebuilds."""
    chunks = []
    for builder in builders():
        ids = list(builder.queryset().values_list("pk", flat=True))
        for start in range(0, len(ids), chunk_size):
            run = ids[start : start + chunk_size]
            chunks.append((builder.model_label, run[0], run[-1]))
    return chunks


def entries_between(model: str, first: int, last: int) -> list[IndexEntry]:
    builder = builder_for(model)
    objects = builder.fetch(builder.queryset().filter(pk__gte=first, pk__lte=last))
    return list(_build_all(builder, objects, VisibilityContext()))


def rebuild_workers(total: int) -> int:
    """How many processes should rebuild ``total`` documents; 1 means: in this process.

    Worker processes read the committed database: not from inside a transaction (its rows are
    not visible to them) and not from an in-memory SQLite database. Small sites are rebuilt
    faster than processes start.
    """
    workers = settings.SEARCH_REBUILD_WORKERS
    if workers < 2 or total < settings.SEARCH_REBUILD_PARALLEL_FROM:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # pragma: no cover - Linux has fork
    if connection.in_atomic_block:
        return 1
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return 1
    return workers


def count_candidates() -> int:
    return sum(builder.queryset().count() for builder in builders())


def database_rebuild(*, progress: Progress | None = None) -> int:
    """Rebuild the database index from scratch in one transaction."""
    total = count_candidates()
    done = 0
    with transaction.atomic():
        database_clear()
        batch: list[IndexEntry] = []
        for entry in iter_entries():
            batch.append(entry)
            if len(batch) >= 500:
                database_apply(entries=batch, delete_ids=[], vocabulary=False)
                done += len(batch)
                batch = []
                if progress:
                    progress(done, total)
        if batch:
            database_apply(entries=batch, delete_ids=[], vocabulary=False)
            done += len(batch)
        vocabulary_rebuild()
    if progress:
        progress(done, max(total, done))
    return done


def rebuild(
    *, progress_for: Callable[[str], Progress] | None = None, database: bool = True
) -> dict[str, int]:
    """Rebuild every configured index; outbox rows older than the rebuild are then obsolete.

    From ``SEARCH_REBUILD_PARALLEL_FROM`` documents on, worker processes read and analyse the
    content once for both indexes (``rebuild_workers``). ``progress_for(label)`` gives the
    progress callback of a step: "database", "elasticsearch", or, when one pass fills both,
    "database+elasticsearch".
    """
    last_pk = IndexOutbox.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    elasticsearch = elasticsearch_enabled()
    total = count_candidates()
    workers = rebuild_workers(total)
    if workers > 1:
        from .rebuild import rebuild_in_processes

        counts = rebuild_in_processes(
            database=database,
            elasticsearch=elasticsearch,
            workers=workers,
            total=total,
            version=last_pk,
            progress_for=progress_for,
        )
    else:
        counts = {}
        if database:
            counts["database"] = database_rebuild(progress=_progress(progress_for, "database"))
        if elasticsearch:
            from .backends import elasticsearch as es_backend

            counts["elasticsearch"] = es_backend.rebuild(
                entries=iter_entries(),
                total=total,
                progress=_progress(progress_for, "elasticsearch"),
                version=last_pk,
            )
    IndexOutbox.objects.filter(pk__lte=last_pk).delete()
    return counts


def _progress(progress_for: Callable[[str], Progress] | None, label: str) -> Progress | None:
    return progress_for(label) if progress_for else None
