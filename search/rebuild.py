"""The parallel ``search_index rebuild``: worker processes fill both indexes in one pass.

Each worker, forked from the command's process, reads a run of ids, analyses the documents
once, sends them to the fresh Elasticsearch index itself and hands them back as rows of the
database index; the command's process is the database's only writer (SQLite has one writer
at a time), and one transaction keeps the old database index until the new one is complete.
"""

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from django.db import connection, connections, transaction
from django.db.models import Model

from . import indexing
from .compounds import word_list
from .models import SearchAudience, SearchDocument, SearchFacetValue, SearchLocation
from .terms import vocabulary_rebuild


def rebuild_in_processes(
    *,
    database: bool,
    elasticsearch: bool,
    workers: int,
    total: int,
    version: int,
    progress_for: Callable[[str], indexing.Progress] | None,
) -> dict[str, int]:
    """Rebuild the database index (if ``database``) and the Elasticsearch index (if
    ``elasticsearch``) in ``workers`` processes; how many documents each index got."""
    labels = [name for name, on in (("database", database), ("elasticsearch", elasticsearch)) if on]
    progress = progress_for("+".join(labels)) if progress_for else None
    word_list()  # loaded once here, shared by the forked processes
    chunks = indexing.rebuild_chunks()
    counts: dict[str, int] = {}

    def fill(index: str | None) -> int:
        written = sent = 0
        with _worker_pool(workers) as pool:
            pending = {
                pool.submit(_rebuild_chunk, *chunk, index=index, version=version, keep=database)
                for chunk in chunks
            }  # every worker is forked here, before this process opens its transaction
            try:
                with transaction.atomic() if database else nullcontext():
                    if database:
                        indexing.database_clear()
                    for future in as_completed(pending):
                        pending.discard(future)  # its documents are freed once written
                        chunk_sent, rows = future.result()
                        if rows is not None:
                            written += _database_insert(rows)
                        sent += chunk_sent
                        if progress:
                            done = written if database else sent
                            progress(done, max(total, done))
                    if database:
                        vocabulary_rebuild()
            except BaseException:
                for future in pending:
                    future.cancel()
                raise
        if database:
            counts["database"] = written
        return sent

    if elasticsearch:
        from .backends import elasticsearch as es_backend

        counts["elasticsearch"] = es_backend.rebuild(fill=fill, total=total, progress=None)
    else:
        fill(None)
    if progress and not elasticsearch:
        progress(counts["database"], max(total, counts["database"]))
    return counts


@dataclass
class _Rows:
    """A chunk's rows of the database index, as a rebuild worker made them."""

    documents: list[list]  # database values in the order of _document_fields()
    facets: list[tuple[str, str, str]]  # doc_id, facet, value
    audience: list[tuple[str, str]]  # doc_id, token
    locations: list[tuple[str, float, float]]  # doc_id, latitude, longitude


def _rebuild_chunk(
    model: str, first: int, last: int, *, index: str | None, version: int, keep: bool
) -> tuple[int, _Rows | None]:
    """In a worker: the documents of a run of ids, analysed once; sent to the Elasticsearch
    ``index`` if given; returned as rows of the database index if ``keep``."""
    entries = indexing.entries_between(model, first, last)
    analysed = [indexing.analysed_fields(entry) for entry in entries]
    sent = 0
    if index is not None and entries:
        from .backends import elasticsearch as es_backend

        sent = es_backend.send(index, entries, analysed, version=version)
    if not keep:
        return sent, None
    # Text goes to the database as it is; other values (dates, JSON) as their field prepares
    # them, here rather than in the one process that writes.
    columns = [
        (field.name, field.get_default(), None if _is_text(field) else field)
        for field in _document_fields()
    ]
    rows = _Rows(documents=[], facets=[], audience=[], locations=[])
    for entry, terms in zip(entries, analysed, strict=True):
        document = indexing.document_values(entry, terms)
        row = []
        for name, default, field in columns:
            value = document.get(name, default)
            row.append(value if field is None else field.get_db_prep_save(value, connection))
        rows.documents.append(row)
        rows.facets.extend(
            (entry.doc_id, facet, value[:120])
            for facet, values in entry.facets.items()
            for value in dict.fromkeys(values)
        )
        rows.audience.extend(
            (entry.doc_id, token[:60]) for token in dict.fromkeys(entry.visibility)
        )
        rows.locations.extend(
            (entry.doc_id, lat, lon) for lat, lon in dict.fromkeys(entry.locations)
        )
    return sent, rows


def _document_fields() -> list:
    return [
        field
        for field in SearchDocument._meta.concrete_fields
        if not field.primary_key and not getattr(field, "generated", False)
    ]


def _is_text(field) -> bool:
    return field.get_internal_type() in ("CharField", "TextField")


def _database_insert(rows: _Rows) -> int:
    """Insert a chunk into the (emptied) database index, in this process's transaction.

    Plain ``executemany``: building the SQL of ``bulk_create`` for every value took the
    rebuild's only writer longer than the workers needed to read and analyse the documents.
    """
    if not rows.documents:
        return 0
    fields = _document_fields()
    _insert(SearchDocument, [field.column for field in fields], rows.documents)
    doc_id = next(i for i, field in enumerate(fields) if field.name == "doc_id")
    ids = dict(
        SearchDocument.objects.filter(
            doc_id__in=[row[doc_id] for row in rows.documents]
        ).values_list("doc_id", "pk")
    )
    _insert(
        SearchFacetValue,
        ["document_id", "facet", "value"],
        [(ids[key], facet, value) for key, facet, value in rows.facets],
    )
    _insert(
        SearchAudience,
        ["document_id", "token"],
        [(ids[key], token) for key, token in rows.audience],
    )
    _insert(
        SearchLocation,
        ["document_id", "latitude", "longitude"],
        [(ids[key], lat, lon) for key, lat, lon in rows.locations],
    )
    return len(rows.documents)


def _insert(model: type[Model], columns: list[str], rows: list) -> None:
    if not rows:
        return
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


@contextmanager
def _worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Processes forked from this one (settings, word list and code are there already), with
    no database connection open, so each opens its own; should one still be inherited, a
    worker leaves it alone."""
    connections.close_all()
    # Objects that exist at the fork are never garbage-collected in the workers: finalising an
    # inherited connection there would end the parent's session with the server.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=start_worker,
        ) as pool:
            yield pool
    finally:
        gc.unfreeze()


# Connections a worker inherited from its parent: kept referenced, so that they are never
# closed (or finalised) from the worker, which would break the parent's session.
_inherited: list = []


def start_worker() -> None:
    for wrapper in connections.all(initialized_only=True):
        if wrapper.connection is not None:
            _inherited.append(wrapper.connection)
            wrapper.connection = None  # the worker connects on its own
