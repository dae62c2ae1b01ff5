"""Drift between the content and the indexes: what is missing, stale or orphaned, and repair.

The outbox keeps the indexes in step with every change it hears of; this module finds what
it did not hear of (a document deleted behind the app's back, a change made with
``QuerySet.update()``, an outbox row lost in a crash). It compares, per type and backend, the
documents the content should give (``IndexEntry.fingerprint``) with the fingerprints each
index stores, and rewrites only the difference.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from . import embeddings
from .builders import DocumentBuilder, IndexEntry, VisibilityContext
from .indexing import database_apply, elasticsearch_enabled, iter_entries_of
from .models import IndexOutbox, SearchDocument
from .registry import builder_for_type, builders

DATABASE = "database"
ELASTICSEARCH = "elasticsearch"
REPAIR_BATCH = 500

# doc_id → (doc_type, fingerprint), as an index stores them.
Stored = dict[str, tuple[str, str]]


@dataclass
class TypeDrift:
    """One content type in one index; the lists hold doc ids in ascending order."""

    doc_type: str
    expected: int = 0
    indexed: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)

    @property
    def drift(self) -> int:
        return len(self.missing) + len(self.stale) + len(self.orphans)


@dataclass
class BackendDrift:
    name: str
    types: dict[str, TypeDrift] = field(default_factory=dict)
    # Set when the index could not be read: then nothing is known about its drift.
    error: str = ""

    @property
    def drift(self) -> int:
        return sum(row.drift for row in self.types.values())


@dataclass
class DriftReport:
    backends: dict[str, BackendDrift]
    pending: int = 0  # outbox rows not yet pushed
    # Elasticsearch indexes of earlier builds that the alias does not point to, and whether
    # the building alias exists; leftovers of a crashed rebuild unless one is running now.
    leftover_indexes: list[str] = field(default_factory=list)
    building_alias: bool = False
    rebuild_running: bool = False
    # doc_type → doc_id → object id of every expected document, for the repair.
    object_ids: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    # Documents without a vector for their current text (None without the semantic search);
    # not drift: the search uses a text's earlier vector until ``search_index embed``.
    without_current_vector: int | None = None

    @property
    def leftovers(self) -> bool:
        return not self.rebuild_running and bool(self.leftover_indexes or self.building_alias)

    @property
    def has_drift(self) -> bool:
        return self.leftovers or any(
            backend.error or backend.drift for backend in self.backends.values()
        )


@dataclass
class RepairResult:
    written: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    removed_indexes: list[str] = field(default_factory=list)


def drift_report() -> DriftReport:
    """Compare the content with the database index and, when configured, Elasticsearch."""
    expected: dict[str, dict[str, str]] = {}  # doc_type → doc_id → fingerprint
    object_ids: dict[str, dict[str, str]] = {}
    context = VisibilityContext()
    vectors = embeddings.enabled()
    vector_hashes = embeddings.stored_hashes() if vectors else {}
    without_current_vector = 0
    for builder in builders():
        fingerprints = expected.setdefault(builder.doc_type, {})
        ids = object_ids.setdefault(builder.doc_type, {})
        for entry in iter_entries_of(builder, context=context):
            fingerprints[entry.doc_id] = entry.fingerprint
            ids[entry.doc_id] = entry.object_id
            if vectors and not embeddings.has_current_vector(entry, vector_hashes):
                without_current_vector += 1
    report = DriftReport(
        backends={DATABASE: _compare(DATABASE, expected, _database_fingerprints())},
        pending=IndexOutbox.objects.count(),
        object_ids=object_ids,
        without_current_vector=without_current_vector if vectors else None,
    )
    if elasticsearch_enabled():
        from .backends import elasticsearch as es_backend

        try:
            stored = es_backend.stored_fingerprints()
            leftovers = es_backend.leftovers()
        except es_backend.UNAVAILABLE as exc:
            report.backends[ELASTICSEARCH] = BackendDrift(
                name=ELASTICSEARCH, error=f"{type(exc).__name__}: {exc}"[:500]
            )
        else:
            report.backends[ELASTICSEARCH] = _compare(ELASTICSEARCH, expected, stored)
            report.leftover_indexes = leftovers.indexes
            report.building_alias = leftovers.building_alias
            if leftovers.indexes or leftovers.building_alias:
                report.rebuild_running = es_backend.rebuild_running()
    return report


def _database_fingerprints() -> Stored:
    rows = SearchDocument.objects.values_list("doc_id", "doc_type", "fingerprint")
    return {doc_id: (doc_type, fingerprint) for doc_id, doc_type, fingerprint in rows.iterator()}


def _compare(name: str, expected: dict[str, dict[str, str]], stored: Stored) -> BackendDrift:
    result = BackendDrift(name=name)
    for doc_type, fingerprints in expected.items():
        row = result.types[doc_type] = TypeDrift(doc_type=doc_type, expected=len(fingerprints))
        for doc_id, fingerprint in fingerprints.items():
            found = stored.get(doc_id)
            if found is None:
                row.missing.append(doc_id)
            elif found[1] != fingerprint:
                row.stale.append(doc_id)
    for doc_id, (doc_type, _fingerprint) in stored.items():
        # A type no longer registered is all orphans, under its own name.
        row = result.types.setdefault(doc_type, TypeDrift(doc_type=doc_type))
        row.indexed += 1
        if doc_id not in expected.get(doc_type, {}):
            row.orphans.append(doc_id)
    for row in result.types.values():
        for doc_ids in (row.missing, row.stale, row.orphans):
            doc_ids.sort(key=_natural)
    return result


def _natural(doc_id: str) -> tuple[int, str]:
    # Within a type the ids differ in their number: "practice-9" before "practice-10".
    return len(doc_id), doc_id


def drift_repair(
    *, report: DriftReport | None = None, batch_size: int = REPAIR_BATCH
) -> RepairResult:
    """Write what is missing or stale and delete the orphans, in every index that drifted.

    Documents are built afresh from the content in batches, so a change made since the report
    is written in its newest state. Leftovers of a crashed rebuild are removed unless a
    rebuild is running. An index that cannot be written is skipped from its first failure on
    (``RepairResult.errors``); the others are still repaired.
    """
    report = report or drift_report()
    result = RepairResult()
    writers: dict[str, _Writer] = {DATABASE: _Writer(_database_write, ())}
    es_backend = None
    if ELASTICSEARCH in report.backends:
        from .backends import elasticsearch as es_backend

        if report.backends[ELASTICSEARCH].error:
            result.errors[ELASTICSEARCH] = report.backends[ELASTICSEARCH].error
        elif report.backends[ELASTICSEARCH].drift:
            writers[ELASTICSEARCH] = _Writer(
                _elasticsearch_write(_version_ticket()), es_backend.UNAVAILABLE
            )
    for name in writers:
        result.written[name] = result.deleted[name] = 0
    for doc_type in _types(report):
        object_ids = report.object_ids.get(doc_type, {})
        changed = {name: set(_changed(report, name, doc_type)) for name in writers}
        wanted = sorted(set().union(*changed.values()))
        for batch in _batches(wanted, batch_size):
            builder = builder_for_type(doc_type)
            entries, gone = _build(builder, [object_ids[doc_id] for doc_id in batch])
            for name, writer in writers.items():
                writer.run(
                    result,
                    name,
                    [entry for entry in entries if entry.doc_id in changed[name]],
                    [doc_id for doc_id in gone if doc_id in changed[name]],
                )
        for name, writer in writers.items():
            row = report.backends[name].types.get(doc_type)
            for batch in _batches(row.orphans if row else [], batch_size):
                writer.run(result, name, [], batch)
    if es_backend is not None and report.leftovers and ELASTICSEARCH not in result.errors:
        try:
            result.removed_indexes = es_backend.remove_leftovers(wait=0)
        except es_backend.RebuildRunning:
            pass  # a rebuild started since the report: what looked left over is its index
        except es_backend.UNAVAILABLE as exc:
            result.errors[ELASTICSEARCH] = f"{type(exc).__name__}: {exc}"[:500]
    return result


def _types(report: DriftReport) -> list[str]:
    names: dict[str, None] = {}
    for backend in report.backends.values():
        names.update(dict.fromkeys(backend.types))
    return list(names)


def _changed(report: DriftReport, name: str, doc_type: str) -> list[str]:
    row = report.backends[name].types.get(doc_type)
    return [*row.missing, *row.stale] if row else []


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _build(builder: DocumentBuilder, object_ids: list[str]) -> tuple[list[IndexEntry], list[str]]:
    """The current entries of ``object_ids``; those no longer searchable come back as doc ids
    to delete."""
    objects = builder.fetch(builder.queryset().filter(pk__in=object_ids))
    builder.prepare(objects)
    context = VisibilityContext()
    entries = [entry for obj in objects if (entry := builder.build(obj, context)) is not None]
    built = {entry.object_id for entry in entries}
    return entries, [builder.doc_id(pk) for pk in object_ids if pk not in built]


@dataclass
class _Writer:
    write: Callable[[list[IndexEntry], list[str]], None]
    # The failures that mean "this index cannot be written now" (others are bugs: raised).
    unavailable: tuple[type[Exception], ...]

    def run(
        self, result: RepairResult, name: str, entries: list[IndexEntry], deletions: list[str]
    ) -> None:
        if name in result.errors or not (entries or deletions):
            return
        try:
            self.write(entries, deletions)
        except self.unavailable as exc:
            result.errors[name] = f"{type(exc).__name__}: {exc}"[:500]
            return
        result.written[name] += len(entries)
        result.deleted[name] += len(deletions)


def _database_write(entries: list[IndexEntry], deletions: list[str]) -> None:
    database_apply(entries=entries, delete_ids=deletions)


def _elasticsearch_write(version: int) -> Callable[[list[IndexEntry], list[str]], None]:
    from .backends import elasticsearch as es_backend

    def write(entries: list[IndexEntry], deletions: list[str]) -> None:
        doc_ids = [entry.doc_id for entry in entries] + deletions
        es_backend.apply(
            entries=entries, delete_ids=deletions, versions=dict.fromkeys(doc_ids, version)
        )

    return write


def _version_ticket() -> int:
    """A version for repaired Elasticsearch documents: the next number of the outbox.

    Elasticsearch stores each document with the outbox row that last wrote it as its version
    and refuses older ones. Every change pushed so far has a smaller number, so a repair,
    built from the content read after this, wins over them; every change made from now on
    gets a larger one, so the repair can never overwrite it. The row is taken and given back
    in one transaction: nobody sees it, the sequence remembers it. (A change whose transaction
    is still open meanwhile may hold a smaller number and lose to the repair; the next status
    shows that document stale, and the next sync repairs it.)
    """
    with transaction.atomic():
        row = IndexOutbox.objects.create(model="", object_id="", database_done=True)
        number = row.pk
        row.delete()
    return number
