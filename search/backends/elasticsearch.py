"""The Elasticsearch backend (client line 8, queries through ``elasticsearch.dsl``)."""

import fcntl
import hashlib
import logging
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.dsl import A, Q, Search
from elasticsearch.serializer import OrjsonSerializer

from .. import embeddings, registry
from ..builders import IndexEntry
from ..documents import (
    VECTOR_FIELD,
    alias_name,
    facet_field,
    knowledge_index,
    new_index_name,
    to_source,
)
from ..embeddings import PendingVector
from ..query import Clause, ParsedQuery
from . import BackendResult, Hit, HybridResult, SearchRequest, sort_newest

logger = logging.getLogger(__name__)

NAME = "elasticsearch"
# Everything that means "Elasticsearch cannot answer now": the callers fall back or retry.
UNAVAILABLE = (ApiError, TransportError, helpers.BulkIndexError)
BOOSTS = {"title_exact": 6, "title_stems": 3, "exact": 2, "stems": 1, "parts": 1}
BULK_CHUNK = 500


# After a failure this process leaves the cluster alone for a while, so that every page view
# and every publish does not wait for the timeout again (the outbox keeps the changes).
RETRY_AFTER_SECONDS = 30
_failed_at: dict[str, float] = {}


def mark_failed() -> None:
    _failed_at[settings.ELASTICSEARCH_URL] = time.monotonic()


def mark_ok() -> None:
    _failed_at.pop(settings.ELASTICSEARCH_URL, None)


def recently_failed() -> bool:
    failed = _failed_at.get(settings.ELASTICSEARCH_URL)
    return failed is not None and time.monotonic() - failed < RETRY_AFTER_SECONDS


def client(*, timeout: float | None = None) -> Elasticsearch:
    return _client(
        os.getpid(),  # a forked process makes its own; its parent's stays untouched
        settings.ELASTICSEARCH_URL,
        settings.ELASTICSEARCH_USERNAME,
        settings.ELASTICSEARCH_PASSWORD,
        settings.ELASTICSEARCH_API_KEY,
        settings.ELASTICSEARCH_CA_CERTS,
        settings.ELASTICSEARCH_VERIFY_CERTS,
        timeout if timeout is not None else settings.ELASTICSEARCH_TIMEOUT,
    )


@lru_cache(maxsize=8)
def _client(
    pid, url, username, password, api_key, ca_certs, verify_certs, timeout
) -> Elasticsearch:
    options: dict = {"request_timeout": timeout, "max_retries": 1, "retry_on_timeout": False}
    if username:
        options["basic_auth"] = (username, password)
    if api_key:
        options["api_key"] = api_key
    if url.startswith("https"):
        options["verify_certs"] = verify_certs
        if ca_certs:
            options["ca_certs"] = ca_certs
    # orjson: serialising a rebuild's bulk bodies with the json module cost as much as
    # analysing the documents, and it holds the interpreter lock the analysis needs.
    return Elasticsearch(url, serializer=OrjsonSerializer(), **options)


# --- writing --------------------------------------------------------------------------------


def ensure_alias(es: Elasticsearch) -> str:
    """The alias, created with a first empty index if this cluster has none yet."""
    alias = alias_name()
    if not es.indices.exists_alias(name=alias):
        name = new_index_name()
        knowledge_index(name).create(using=es)
        es.indices.put_alias(index=name, name=alias)
    return alias


def _analysed(entry: IndexEntry) -> dict[str, str]:
    from ..indexing import analysed_fields

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


def building_alias() -> str:
    """Names the index a rebuild is filling, so that pushes meanwhile reach it too."""
    return f"{alias_name()}-building"


def _write_targets(es: Elasticsearch) -> list[str]:
    targets = set(es.indices.get_alias(name=ensure_alias(es)).body)
    if es.indices.exists_alias(name=building_alias()):
        targets.update(es.indices.get_alias(name=building_alias()).body)
    return sorted(targets)


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


def rebuild(
    *,
    entries: Iterable[IndexEntry] | None = None,
    fill: Callable[[str], int] | None = None,
    total: int,
    progress=None,
    version: int = 0,
) -> int:
    """Load a fresh index, then point the alias at it in one atomic step.

    The documents come either as ``entries``, built in this process, or from ``fill(name)``,
    which writes them into the new index ``name`` (worker processes, through ``send``) and
    returns how many.

    ``version`` is the newest outbox row when the rebuild started: changes pushed while it
    runs reach the new index too (through the building alias) with higher versions, so the
    rebuild's own, possibly older, copy of those documents cannot overwrite them.

    One rebuild at a time (``rebuild_lock``; ``RebuildRunning`` when another holds it). It
    first removes what a crashed earlier rebuild left, and removes its own index again if it
    fails or is interrupted.
    """
    if fill is None:

        def fill(name: str) -> int:
            return _fill(name, entries or [], version=version, total=total, progress=progress)

    es = client(timeout=settings.ELASTICSEARCH_BULK_TIMEOUT)
    with rebuild_lock():
        _remove_leftovers(es)
        return _rebuild_locked(es, fill, total, progress)


def _rebuild_locked(es, fill, total, progress) -> int:
    alias = alias_name()
    name = new_index_name()
    knowledge_index(name, bulk_loading=True).create(using=es)
    swapped = False
    try:
        es.indices.put_alias(index=name, name=building_alias())
        done = fill(name)
        es.indices.put_settings(index=name, settings={"index": {"refresh_interval": "1s"}})
        es.indices.refresh(index=name)
        old = (
            list(es.indices.get_alias(name=alias).body)
            if es.indices.exists_alias(name=alias)
            else []
        )
        if es.indices.exists(index=alias) and not old:
            es.indices.delete(index=alias)  # a stray concrete index squatting the alias name
        actions = [{"remove": {"index": index, "alias": alias}} for index in old]
        actions.append({"add": {"index": name, "alias": alias}})
        actions.append({"remove": {"index": name, "alias": building_alias()}})
        es.indices.update_aliases(actions=actions)
        swapped = True
    finally:
        # Not only on errors: an interrupted rebuild (Ctrl-C, SystemExit) must not leave its
        # index behind the building alias either, where every push would keep writing to it.
        if not swapped:
            _discard(es, name)
    for index in old:
        es.options(ignore_status=404).indices.delete(index=index)
    if progress:
        progress(done, max(total, done))
    return done


def _discard(es: Elasticsearch, name: str) -> None:
    try:
        es.options(ignore_status=404).indices.delete(index=name)  # its aliases go with it
    except UNAVAILABLE:
        logger.exception("Removing the index %s of a failed rebuild failed.", name)


# --- one rebuild at a time, and what crashed rebuilds leave -----------------------------------

LOCK_WAIT_SECONDS = 10.0


class RebuildRunning(Exception):
    pass


def _lock_key() -> str:
    return f"search-rebuild:{settings.ELASTICSEARCH_URL}:{alias_name()}"


@contextmanager
def rebuild_lock(*, wait: float | None = None) -> Iterator[None]:
    """Held while a rebuild runs or leftovers are removed; ``RebuildRunning`` after ``wait``
    seconds (``LOCK_WAIT_SECONDS``) if another process holds it.

    The lock dies with its holder, so a killed rebuild never blocks the next one: on
    PostgreSQL a session-level advisory lock (every host of a site shares the database), on
    its own connection so that the rebuild's worker processes, which close the connections
    they inherit, do not end it; elsewhere (SQLite: one host) a ``flock`` on a file in the
    temporary directory.
    """
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    key = _lock_key()
    if connections[DEFAULT_DB_ALIAS].vendor == "postgresql":
        manager = _advisory_lock(
            int.from_bytes(hashlib.sha1(key.encode()).digest()[:8], "big", signed=True), wait
        )
    else:
        manager = _file_lock(
            Path(tempfile.gettempdir())
            / f"{hashlib.sha1(key.encode()).hexdigest()[:16]}.search-rebuild.lock",
            wait,
        )
    with manager:
        yield


def _wait_for(acquire, wait: float) -> None:
    deadline = time.monotonic() + wait
    while not acquire():
        if time.monotonic() >= deadline:
            raise RebuildRunning(f"Another rebuild of {alias_name()} is running.")
        time.sleep(0.2)


@contextmanager
def _advisory_lock(key: int, wait: float) -> Iterator[None]:
    holder = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with holder.cursor() as cursor:

            def acquire() -> bool:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
                return bool(cursor.fetchone()[0])

            _wait_for(acquire, wait)
            try:
                yield
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
    finally:
        holder.close()


@contextmanager
def _file_lock(path: Path, wait: float) -> Iterator[None]:
    with path.open("a") as handle:

        def acquire() -> bool:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

        _wait_for(acquire, wait)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def rebuild_running() -> bool:
    try:
        with rebuild_lock(wait=0):
            return False
    except RebuildRunning:
        return True


@dataclass
class Leftovers:
    # Indexes of earlier builds (``<alias>-<timestamp>``) that the alias does not point to.
    indexes: list[str]
    building_alias: bool


def _build_name() -> re.Pattern:
    return re.compile(rf"{re.escape(alias_name())}-\d+")


def leftovers(es: Elasticsearch | None = None) -> Leftovers:
    """What a rebuild left or is building now (only ``rebuild_running`` tells which)."""
    es = es or client()
    building = building_alias()
    indexes = [
        index
        for index, info in es.indices.get_alias(index=f"{alias_name()}-*").body.items()
        if _build_name().fullmatch(index) and set(info["aliases"]) <= {building}
    ]
    return Leftovers(indexes=sorted(indexes), building_alias=es.indices.exists_alias(name=building))


def _remove_leftovers(es: Elasticsearch) -> list[str]:
    """Call only under ``rebuild_lock``: else a running rebuild's index is among them."""
    found = leftovers(es)
    for index in found.indexes:
        es.options(ignore_status=404).indices.delete(index=index)
    if found.building_alias:
        es.options(ignore_status=404).indices.delete_alias(index="_all", name=building_alias())
    if found.indexes or found.building_alias:
        logger.warning("Removed leftovers of a crashed rebuild: %s", ", ".join(found.indexes))
    return found.indexes


def remove_leftovers(*, wait: float | None = None) -> list[str]:
    """Remove the leftovers of crashed rebuilds; ``RebuildRunning`` while one runs."""
    es = client()
    with rebuild_lock(wait=wait):
        return _remove_leftovers(es)


def _fill(name: str, entries: Iterable[IndexEntry], *, version: int, total: int, progress) -> int:
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


# --- reading --------------------------------------------------------------------------------


def _term_query(term) -> Q:
    queries = [
        Q("term", stems={"value": term.stem, "boost": BOOSTS["stems"]}),
        Q("term", parts={"value": term.stem, "boost": BOOSTS["parts"]}),
        Q("term", title_stems={"value": term.stem, "boost": BOOSTS["title_stems"]}),
    ]
    if term.exact:
        queries.append(Q("term", exact={"value": term.exact, "boost": BOOSTS["exact"]}))
        queries.append(Q("term", title_exact={"value": term.exact, "boost": BOOSTS["title_exact"]}))
    return Q("dis_max", queries=queries)


def _alternative_query(alternative) -> Q:
    if alternative.phrase:
        phrase = " ".join(term.stem for term in alternative.terms)
        return Q("match_phrase", stems={"query": phrase, "boost": BOOSTS["exact"]})
    return Q("bool", must=[_term_query(term) for term in alternative.terms])


def _clause_query(clause: Clause) -> Q:
    return Q(
        "bool",
        should=[_alternative_query(alternative) for alternative in clause.alternatives],
        minimum_should_match=1,
    )


def text_query(query: ParsedQuery) -> Q:
    if query.matches_all:
        return Q("match_all")
    must = [_clause_query(clause) for clause in query.clauses] or [Q("match_all")]
    if not query.excluded:
        return Q("bool", must=must)
    return Q("bool", must=must, must_not=[_clause_query(clause) for clause in query.excluded])


def _filter(facet: str, values: list[str]) -> Q:
    return Q("terms", **{facet_field(facet): values})


def build_search(request: SearchRequest, es: Elasticsearch) -> Search:
    access = (
        []
        if request.visibilities is None
        else [Q("terms", visibility=sorted(request.visibilities))]
    )
    text = text_query(request.query)
    if not sort_newest(request) and request.near is None:
        # An out-of-date offer (``IndexEntry.rank``) ranks as if it matched less well.
        text = Q(
            "function_score",
            query=text,
            field_value_factor={"field": "rank", "missing": 1},
            boost_mode="multiply",
        )
    search = Search(using=es, index=alias_name()).query(
        Q("bool", must=[text], filter=access + _near_filter(request))
    )
    filters = {facet: _filter(facet, values) for facet, values in request.filters.items()}
    if filters:
        # post_filter narrows the hits but not the aggregations: the counts stay disjunctive.
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    for facet in registry.facet_names():
        others = [q for other, q in filters.items() if other != facet]
        bucket = A("filter", filter=Q("bool", filter=others) if others else Q("match_all"))
        bucket.bucket("values", A("terms", field=facet_field(facet), size=500))
        search.aggs.bucket(f"facet_{facet}", bucket)
    if request.near is not None:
        near = request.near
        search = search.sort(
            {
                "_geo_distance": {
                    "location": {"lat": near.latitude, "lon": near.longitude},
                    "order": "asc",
                    "unit": "km",
                    "mode": "min",
                    "distance_type": "arc",
                }
            },
            # Ties as the database breaks them: newest first.
            {"date": {"order": "desc", "missing": "_last"}},
        )
    elif sort_newest(request):
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    else:
        search = search.sort("_score", {"date": {"order": "desc", "missing": "_last"}})
    start = (request.page - 1) * request.page_size
    return search.extra(track_total_hits=True).source(
        ["doc_type", "object_id", "title", "url", "teaser", "body", "date", "bundesland"]
    )[start : start + request.page_size]


def _near_filter(request: SearchRequest) -> list[Q]:
    near = request.near
    if near is None:
        return []
    return [
        Q(
            "geo_distance",
            distance=f"{near.radius_km}km",
            location={"lat": near.latitude, "lon": near.longitude},
        )
    ]


def _filters(request: SearchRequest) -> list[Q]:
    access = (
        []
        if request.visibilities is None
        else [Q("terms", visibility=sorted(request.visibilities))]
    )
    # "-Wort" holds for the documents found by meaning too.
    excluded = [_clause_query(clause) for clause in request.query.excluded]
    return (
        access
        + _near_filter(request)
        + [_filter(facet, values) for facet, values in request.filters.items()]
        + ([Q("bool", must_not=excluded)] if excluded else [])
    )


def _facet_counts(response) -> dict[str, dict[str, int]]:
    return {
        facet: {
            bucket.key: bucket.doc_count
            for bucket in response.aggregations[f"facet_{facet}"]["values"].buckets
        }
        for facet in registry.facet_names()
    }


def hybrid(
    request: SearchRequest, vector: PendingVector, *, window: int, k: int, min_similarity: float
) -> HybridResult:
    """The lexical window (ids only), sent while the query is embedded, then the kNN
    neighbours."""
    es = client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)
    lexical = build_search(replace(request, page=1, page_size=window), es).source(False).execute()
    found = HybridResult(
        total=lexical.hits.total.value,
        lexical=[hit.meta.id for hit in lexical.hits],
        facet_counts=_facet_counts(lexical),
        semantic=[],
    )
    query_vector = vector.result()
    if query_vector is None:
        return found
    facet_fields = [facet_field(facet) for facet in registry.facet_names()]
    nearest = (
        Search(using=es, index=alias_name())
        .knn(
            field=VECTOR_FIELD,
            k=k,
            num_candidates=max(100, 4 * k),
            query_vector=[float(x) for x in query_vector],
            filter=Q("bool", filter=_filters(request)),
            similarity=min_similarity,
        )
        .source(facet_fields)
        .extra(size=k)
        .execute()
    )
    for hit in nearest.hits:
        source = hit.to_dict()
        values = {
            facet: list(_as_list(source.get(facet_field(facet))))
            for facet in registry.facet_names()
        }
        # Elasticsearch scores cosine as (1 + cos) / 2.
        found.semantic.append((hit.meta.id, 2 * hit.meta.score - 1, values))
    return found


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def matching(request: SearchRequest, keys: list[str]) -> set[str]:
    if not keys or request.query.is_empty:
        return set(keys)
    es = client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)
    response = (
        Search(using=es, index=alias_name())
        .query(Q("bool", must=[text_query(request.query)], filter=[Q("ids", values=keys)]))
        .source(False)
        .extra(size=len(keys))
        .execute()
    )
    return {hit.meta.id for hit in response.hits}


def load(keys: list[str]) -> dict[str, Hit]:
    if not keys:
        return {}
    es = client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)
    response = es.mget(
        index=alias_name(),
        ids=keys,
        source_includes=[
            "doc_type",
            "object_id",
            "title",
            "url",
            "teaser",
            "body",
            "date",
            "bundesland",
        ],
    )
    return {doc["_id"]: _hit(doc["_source"]) for doc in response["docs"] if doc.get("found")}


def _hit(source: dict) -> Hit:
    date = source.get("date")
    return Hit(
        doc_type=source["doc_type"],
        title=source["title"],
        url=source["url"],
        teaser=source.get("teaser", ""),
        body=source.get("body", ""),
        date=datetime.fromisoformat(date) if isinstance(date, str) else date,
        bundeslaender=list(source.get("bundesland") or []),
        object_id=str(source.get("object_id", "")),
    )


def search(request: SearchRequest) -> BackendResult:
    es = client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)
    response = build_search(request, es).execute()
    total = response.hits.total.value
    pages = max(1, math.ceil(total / request.page_size))
    page = request.page
    if page > pages:
        # Out of range: answer the last page instead (one more round trip, only then).
        page = pages
        response = build_search(replace(request, page=page), es).execute()
    hits = []
    for response_hit in response.hits:
        hit = _hit(response_hit.to_dict())
        if request.near is not None:
            hit.distance_km = float(response_hit.meta.sort[0])
        hits.append(hit)
    return BackendResult(total=total, page=page, hits=hits, facet_counts=_facet_counts(response))


def counts_per_type() -> dict[str, int]:
    es = client()
    search = Search(using=es, index=alias_name()).extra(size=0)
    search.aggs.bucket("types", "terms", field="doc_type", size=50)
    try:
        response = search.execute()
    except NotFoundError:
        return {}
    return {bucket.key: bucket.doc_count for bucket in response.aggregations.types.buckets}


def index_names() -> list[str]:
    es = client()
    try:
        return sorted(es.indices.get_alias(name=alias_name()).body)
    except NotFoundError:
        return []


def stored_fingerprints() -> dict[str, tuple[str, str]]:
    """doc_id → (doc_type, fingerprint) of every document behind the alias.

    Read from doc values, so the stored sources (with the long texts) stay on disk.
    """
    es = client(timeout=settings.ELASTICSEARCH_BULK_TIMEOUT)
    if not es.indices.exists_alias(name=alias_name()):
        return {}
    stored = {}
    for hit in helpers.scan(
        es,
        index=alias_name(),
        query={"_source": False, "docvalue_fields": ["doc_type", "fingerprint"]},
        size=5000,
    ):
        fields = hit.get("fields", {})
        stored[hit["_id"]] = (
            (fields.get("doc_type") or [""])[0],
            (fields.get("fingerprint") or [""])[0],
        )
    return stored


def term_suggestions(words: list[str], *, size: int = 10) -> dict[str, list[tuple[str, int]]]:
    """word → [(index word, documents)] close to it, for the ``words`` the index lacks.

    Elasticsearch's term suggester on ``exact`` (the vocabulary of the database backend's
    ``SearchTerm``): edits of up to two, the first letter kept (``prefix_length``). The
    document frequencies count every document, hidden ones too: the caller only ranks by
    them and checks a correction with a search for the user before offering it.
    """
    search = Search(using=client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT), index=alias_name())
    for number, word in enumerate(words):
        search = search.suggest(
            f"word{number}",
            word,
            term={
                "field": "exact",
                "suggest_mode": "missing",
                "string_distance": "damerau_levenshtein",
                "max_edits": 2,
                "prefix_length": 1,
                "min_word_length": 4,
                "size": size,
            },
        )
    response = search.extra(size=0, track_total_hits=False).execute()
    return {
        word: [
            (option.text, option.freq)
            for entry in response.suggest[f"word{number}"]
            for option in entry.options
        ]
        for number, word in enumerate(words)
    }
