"""search_index sync | rebuild | status — maintain the knowledge index."""

import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.drift import (
    DATABASE,
    ELASTICSEARCH,
    BackendDrift,
    DriftReport,
    TypeDrift,
    drift_repair,
    drift_report,
)
from search.models import IndexOutbox

# How many doc ids of each kind `status -v 2` names.
SAMPLE_SIZE = 5


class ProgressBar:
    """A one-line text progress bar; plain lines when the output is not a terminal."""

    WIDTH = 30

    def __init__(self, stdout, label: str) -> None:
        self.stdout = stdout
        self.label = label
        self.tty = hasattr(stdout, "isatty") and stdout.isatty()
        self.started = time.monotonic()
        self.last_percent = -1

    def __call__(self, done: int, total: int) -> None:
        total = max(total, 1)
        percent = min(100, done * 100 // total)
        if not self.tty and percent == self.last_percent:
            return
        self.last_percent = percent
        filled = self.WIDTH * percent // 100
        rate = done / max(time.monotonic() - self.started, 1e-6)
        line = (
            f"{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
            f"{percent:3d}% {done}/{total} ({rate:.0f}/s)"
        )
        if self.tty:
            self.stdout.write(f"\r{line}", ending="")
            if done >= total:
                self.stdout.write("")
        else:
            self.stdout.write(line)


@contextmanager
def exit_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM (``kill``, a stopping container) into SystemExit, so that a rebuild's
    ``finally`` removes its half-filled index; by default the process would just vanish."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class Command(BaseCommand):
    help = (
        "Maintain the knowledge search index. "
        "status: compare the content with the database index and Elasticsearch, per type: "
        "expected documents, and missing, stale (changed since indexed) and orphan (no longer "
        "in the content) ones; -v 2 names the first doc ids of each. Exit code 0 without "
        "drift, 1 with drift, with leftovers of a crashed rebuild or when Elasticsearch "
        "cannot be read (for monitoring). "
        "sync: apply pending changes from the outbox, then repair the drift in every index and "
        "print the status; exit code as for status. "
        "rebuild: build a fresh index and switch to it atomically, first removing what a "
        "crashed rebuild left. Only one rebuild runs at a time: a second one waits a few "
        "seconds for the lock (a PostgreSQL advisory lock, on SQLite a file lock) and then "
        "stops with an error; a killed rebuild releases it. The rebuild reuses the stored "
        "vectors of the semantic search and never computes them. "
        "embed: compute the vectors of documents that have none for their current text "
        "(content from before the semantic search, or a new model)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["sync", "rebuild", "status", "embed"])

    def handle(self, *args, action, verbosity=1, **options):
        self.verbosity = verbosity
        getattr(self, f"handle_{action}")()

    def handle_sync(self):
        pending = IndexOutbox.objects.count()
        result = indexing.outbox_push()
        self.stdout.write(f"Applied {result.applied} change(s) of {pending} pending.")
        repair = drift_repair()
        for backend, written in repair.written.items():
            deleted = repair.deleted[backend]
            if written or deleted:
                self.stdout.write(
                    f"{backend}: repaired {written} document(s), removed {deleted} orphan(s)."
                )
        for backend, error in repair.errors.items():
            self.stdout.write(self.style.ERROR(f"{backend}: not repaired ({error})"))
        if repair.removed_indexes:
            self.stdout.write(
                f"Removed leftovers of a crashed rebuild: {', '.join(repair.removed_indexes)}"
            )
        report = drift_report()
        self.write_report(report)
        if result.error or report.backends.get(ELASTICSEARCH, BackendDrift("")).error:
            raise CommandError(
                f"Elasticsearch is not reachable; {result.pending} change(s) stay in the "
                f"outbox. ({result.error or report.backends[ELASTICSEARCH].error})"
            )
        if report.has_drift:
            raise CommandError("The search index still differs from the content.", returncode=1)
        self.stdout.write(self.style.SUCCESS("Search index is up to date."))

    def handle_rebuild(self):
        from search.backends import elasticsearch as es_backend

        # Fail before the database work, not after it.
        if indexing.elasticsearch_enabled() and es_backend.rebuild_running():
            raise CommandError(self.already_running())
        try:
            with exit_on_sigterm():
                counts = indexing.rebuild(progress_for=self.progress_bar)
        except es_backend.RebuildRunning as exc:
            raise CommandError(self.already_running()) from exc
        except es_backend.UNAVAILABLE as exc:
            raise CommandError(f"Elasticsearch rebuild failed: {exc}") from exc
        for backend, count in counts.items():
            self.stdout.write(self.style.SUCCESS(f"{backend}: {count} document(s) indexed."))
        without = indexing.documents_without_vector()
        if without:
            self.stdout.write(
                f"{without} document(s) have no vector at all for the search by meaning yet: "
                "run `search_index embed` (`search_index status` also counts the documents "
                "whose vector is that of an earlier text)."
            )

    def handle_embed(self):
        from search.backends import elasticsearch as es_backend

        try:
            computed = indexing.embed_missing(progress=self.progress_bar("embeddings"))
        except es_backend.UNAVAILABLE as exc:
            raise CommandError(
                f"Elasticsearch did not take the vectors: {exc}. They are stored; "
                "`search_index rebuild` gives them to it once it is back."
            ) from exc
        self.stdout.write(self.style.SUCCESS(f"{computed} vector(s) computed."))

    def progress_bar(self, label: str) -> ProgressBar:
        return ProgressBar(self.stdout, f"{label:<13}")

    @staticmethod
    def already_running() -> str:
        return "Another rebuild is running; only one may run at a time. Try again later."

    def handle_status(self):
        report = drift_report()
        self.write_report(report)
        sys.stdout.flush()
        if report.has_drift:
            raise CommandError(
                "The search index differs from the content: run `search_index sync`.",
                returncode=1,
            )

    def write_report(self, report: DriftReport) -> None:
        database = report.backends[DATABASE]
        elastic = report.backends.get(ELASTICSEARCH)
        self.stdout.write(f"{'type':<12} {'expected':>8} {'database':>9} {'index':>8}")
        for doc_type, row in database.types.items():
            if elastic is None or elastic.error:
                in_index = "-"
            else:
                in_index = str(elastic.types.get(doc_type, TypeDrift(doc_type)).indexed)
            self.stdout.write(f"{doc_type:<12} {row.expected:>8} {row.indexed:>9} {in_index:>8}")
        for backend in report.backends.values():
            self.stdout.write("")
            if backend.error:
                self.stdout.write(self.style.ERROR(f"Elasticsearch not reachable: {backend.error}"))
                continue
            self.stdout.write(
                f"{backend.name:<14} {'expected':>8} {'missing':>8} {'stale':>8} {'orphans':>8}"
            )
            for doc_type, row in backend.types.items():
                line = (
                    f"  {doc_type:<12} {row.expected:>8} {len(row.missing):>8} "
                    f"{len(row.stale):>8} {len(row.orphans):>8}"
                )
                self.stdout.write(self.style.WARNING(line) if row.drift else line)
                if self.verbosity >= 2:
                    for kind in ("missing", "stale", "orphans"):
                        self.write_sample(kind, getattr(row, kind))
        self.stdout.write("")
        if indexing.elasticsearch_enabled():
            self.write_elasticsearch_state(report)
        else:
            self.stdout.write("Elasticsearch: not configured (ELASTICSEARCH_URL unset).")
        self.stdout.write(f"Outbox backlog: {report.pending} change(s)")
        if report.without_current_vector:
            self.stdout.write(
                self.style.WARNING(
                    f"{report.without_current_vector} document(s) have no vector for their "
                    "current text (the search by meaning uses an earlier one or none): run "
                    "`search_index embed`."
                )
            )
        if report.has_drift:
            self.stdout.write(self.style.ERROR("Drift found: run `search_index sync`."))
        else:
            self.stdout.write(self.style.SUCCESS("No drift: every index matches the content."))

    def write_sample(self, kind: str, doc_ids: list[str]) -> None:
        if not doc_ids:
            return
        more = len(doc_ids) - SAMPLE_SIZE
        listed = ", ".join(doc_ids[:SAMPLE_SIZE]) + (f" (+{more} more)" if more > 0 else "")
        self.stdout.write(f"      {kind}: {listed}")

    def write_elasticsearch_state(self, report: DriftReport) -> None:
        from search.backends import elasticsearch as es_backend

        if report.backends[ELASTICSEARCH].error:
            return
        try:
            names = es_backend.index_names()
        except es_backend.UNAVAILABLE:
            names = []
        self.stdout.write(f"Index behind the alias: {', '.join(names) or '-'}")
        if not (report.leftover_indexes or report.building_alias):
            return
        found = ", ".join(report.leftover_indexes) or "-"
        if report.rebuild_running:
            self.stdout.write(f"A rebuild is running: {found} (building alias set).")
        else:
            alias = f"; stale alias {es_backend.building_alias()}" if report.building_alias else ""
            self.stdout.write(self.style.ERROR(f"Leftovers of a crashed rebuild: {found}{alias}"))
