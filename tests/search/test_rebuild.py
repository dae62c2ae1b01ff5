"""`search_index rebuild` in worker processes: the same index as one process builds."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from elasticsearch import Elasticsearch, helpers

from search import indexing
from search.documents import alias_name
from search.models import SearchDocument
from tests.factories import create_user
from tests.forum.helpers import create_category, create_topic

from .helpers import create_practice


def _rebuild() -> str:
    out = StringIO()
    call_command("search_index", "rebuild", stdout=out)
    return out.getvalue()


def _database_documents() -> dict[str, dict]:
    documents = {}
    for document in SearchDocument.objects.prefetch_related("facets", "audience"):
        documents[document.doc_id] = {
            "title": document.title,
            "fingerprint": document.fingerprint,
            "terms": [document.title_exact, document.stems, document.parts],
            "facets": sorted((value.facet, value.value) for value in document.facets.all()),
            "audience": sorted(token.token for token in document.audience.all()),
        }
    return documents


def _elasticsearch_documents(url: str) -> dict[str, dict]:
    es = Elasticsearch(url)
    return {hit["_id"]: hit["_source"] for hit in helpers.scan(es, index=alias_name())}


@pytest.mark.django_db(transaction=True)
def test_rebuild_command_uses_worker_processes_and_builds_the_same_index(
    backend, settings, library, monkeypatch, tmp_path
):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("worker processes cannot open an in-memory SQLite database")
    for number in range(7):
        create_practice(
            library,
            f"Schuldnerberatung im Jobcenter {number}",
            topics=("schulden",),
            partner_types=("schuldnerberatung",),
            staff_only=number == 3,
        )
    create_topic(create_category("Geld und Schulden"), create_user(username="jana.roth"))
    settings.SEARCH_REBUILD_PARALLEL_FROM = 1
    settings.SEARCH_REBUILD_WORKERS = 1
    in_one_process = _rebuild()
    one_database = _database_documents()
    one_index = (
        _elasticsearch_documents(settings.ELASTICSEARCH_URL) if backend != "database" else {}
    )
    # Forked workers inherit this wrapper: each notes its process id before reading a run of ids.
    pids = tmp_path / "pids"
    entries_between = indexing.entries_between

    def noting_pid(*args):
        with pids.open("a") as handle:
            handle.write(f"{os.getpid()}\n")
        return entries_between(*args)

    monkeypatch.setattr(indexing, "entries_between", noting_pid)

    settings.SEARCH_REBUILD_WORKERS = 2
    in_workers = _rebuild()

    worker_pids = set(pids.read_text().split())
    assert worker_pids and str(os.getpid()) not in worker_pids
    one_pass = "database+elasticsearch" if backend == "elasticsearch" else "database"
    assert f"{one_pass:<13} [##############################] 100% 8/8" in in_workers
    assert "database+elasticsearch" not in in_one_process
    assert "database: 8 document(s) indexed." in in_workers
    assert len(one_database) == 8
    assert _database_documents() == one_database
    assert sum(1 for doc in one_database.values() if "public" not in doc["audience"]) == 2
    if backend == "elasticsearch":
        assert "elasticsearch: 8 document(s) indexed." in in_workers
        assert len(one_index) == 8
        assert _elasticsearch_documents(settings.ELASTICSEARCH_URL) == one_index
