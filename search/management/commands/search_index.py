"""search_index sync | rebuild | status — maintain the knowledge index."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.backends import database as database_backend
from search.builders import builders
from search.models import IndexOutbox


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


class Command(BaseCommand):
    help = (
        "Maintain the knowledge search index. sync: apply pending changes from the outbox. "
        "rebuild: build a fresh index and switch to it atomically. status: documents per type "
        "in database and index, and the outbox backlog."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["sync", "rebuild", "status"])

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")()

    def handle_sync(self):
        pending = IndexOutbox.objects.count()
        result = indexing.outbox_push()
        self.stdout.write(f"Applied {result.applied} change(s) of {pending} pending.")
        if result.error:
            raise CommandError(
                f"Elasticsearch is not reachable; {result.pending} change(s) stay in the "
                f"outbox. ({result.error})"
            )
        self.stdout.write(self.style.SUCCESS("Search index is up to date."))

    def handle_rebuild(self):
        bar_database = ProgressBar(self.stdout, "database     ")
        counts = {"database": indexing.database_rebuild(progress=bar_database)}
        if indexing.elasticsearch_enabled():
            from search.backends import elasticsearch as es_backend

            bar_es = ProgressBar(self.stdout, "elasticsearch")
            try:
                counts["elasticsearch"] = es_backend.rebuild(
                    entries=indexing.iter_entries(),
                    total=indexing.count_candidates(),
                    progress=bar_es,
                )
            except es_backend.UNAVAILABLE as exc:
                raise CommandError(f"Elasticsearch rebuild failed: {exc}") from exc
        for backend, count in counts.items():
            self.stdout.write(self.style.SUCCESS(f"{backend}: {count} document(s) indexed."))

    def handle_status(self):
        in_database = database_backend.counts_per_type()
        in_index: dict[str, int] | None = None
        index_names: list[str] = []
        es_error = ""
        if indexing.elasticsearch_enabled():
            from search.backends import elasticsearch as es_backend

            try:
                in_index = es_backend.counts_per_type()
                index_names = es_backend.index_names()
            except es_backend.UNAVAILABLE as exc:
                es_error = str(exc)
        self.stdout.write(f"{'type':<12} {'content':>8} {'database':>9} {'index':>8}")
        for builder in builders():
            content = builder.queryset().count()  # live objects, before access rules
            index_count = "-" if in_index is None else str(in_index.get(builder.doc_type, 0))
            self.stdout.write(
                f"{builder.doc_type:<12} {content:>8} "
                f"{in_database.get(builder.doc_type, 0):>9} {index_count:>8}"
            )
        if indexing.elasticsearch_enabled():
            if es_error:
                self.stdout.write(self.style.ERROR(f"Elasticsearch not reachable: {es_error}"))
            else:
                self.stdout.write(f"Index behind the alias: {', '.join(index_names) or '-'}")
        else:
            self.stdout.write("Elasticsearch: not configured (ELASTICSEARCH_URL unset).")
        self.stdout.write(f"Outbox backlog: {IndexOutbox.objects.count()} change(s)")
        sys.stdout.flush()
