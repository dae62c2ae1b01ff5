"""The index under stress: an Elasticsearch outage, the fallback, and rebuilds."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from elasticsearch import Elasticsearch, helpers

from search.documents import alias_name
from search.models import IndexOutbox

from .conftest import DEAD_URL
from .helpers import api, create_practice, sync, titles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lexical_only")]


def test_changes_made_while_elasticsearch_is_down_arrive_after_sync(
    client, settings, elasticsearch, library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        stays = create_practice(library, "Bleibt bestehen")
        withdrawn = create_practice(library, "Wird zurückgezogen")
    assert IndexOutbox.objects.count() == 0
    assert api(client)["backend"] == "elasticsearch"

    settings.ELASTICSEARCH_URL = DEAD_URL  # Elasticsearch goes away
    with django_capture_on_commit_callbacks(execute=True):
        create_practice(library, "Neu während der Störung")
        withdrawn.unpublish()
        stays.title = "Bleibt bestehen, jetzt mit neuem Titel"
        stays.save_revision().publish()
    during = api(client)

    assert IndexOutbox.objects.count() >= 3  # nothing was lost, nothing was applied
    assert during["backend"] == "database"
    assert during["notices"][0].startswith("Die Volltextsuche ist gerade nicht erreichbar")
    assert sorted(titles(during)) == [
        "Bleibt bestehen, jetzt mit neuem Titel",
        "Neu während der Störung",
    ]
    with pytest.raises(Exception, match="nicht erreichbar|not reachable"):
        call_command("search_index", "sync")

    settings.ELASTICSEARCH_URL = elasticsearch  # back again
    stale = api(client)
    call_command("search_index", "sync")
    after = api(client)

    assert stale["backend"] == "elasticsearch"
    assert "Wird zurückgezogen" in titles(stale)  # Elasticsearch had missed the changes
    assert IndexOutbox.objects.count() == 0
    assert after["backend"] == "elasticsearch"
    assert sorted(titles(after)) == [
        "Bleibt bestehen, jetzt mit neuem Titel",
        "Neu während der Störung",
    ]


def test_the_next_successful_push_drains_the_backlog(
    client, settings, elasticsearch, library, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = DEAD_URL
    with django_capture_on_commit_callbacks(execute=True):
        create_practice(library, "Erstes Projekt")
    settings.ELASTICSEARCH_URL = elasticsearch

    with django_capture_on_commit_callbacks(execute=True):
        create_practice(library, "Zweites Projekt")

    assert IndexOutbox.objects.count() == 0
    assert sorted(titles(api(client))) == ["Erstes Projekt", "Zweites Projekt"]


def test_page_and_api_fall_back_when_elasticsearch_fails_mid_request(client, settings, library):
    create_practice(library, "Suchtberatung im Jobcenter", text="Die Suchtberatung kommt ins Haus.")
    settings.ELASTICSEARCH_URL = DEAD_URL

    data = api(client, q="Beratung")
    html = client.get("/suche/", {"q": "Beratung"}).content.decode()

    assert data["backend"] == "database"
    assert titles(data) == ["Suchtberatung im Jobcenter"]
    assert "Die Volltextsuche ist gerade nicht erreichbar" in html
    assert "<mark>Suchtberatung</mark>" in html


def test_rebuild_swaps_the_alias_while_searches_keep_working(
    client, settings, elasticsearch, library, monkeypatch, django_capture_on_commit_callbacks
):
    from search import indexing
    from search.backends import elasticsearch as es_backend
    from search.backends.elasticsearch import writing as es_writing

    pages = [create_practice(library, f"Beratung {number}") for number in range(5)]
    sync()
    es = Elasticsearch(elasticsearch)
    before = set(es.indices.get_alias(name=alias_name()).body)
    monkeypatch.setattr(es_writing, "BULK_CHUNK", 1)  # many small batches: time to interfere
    seen_during: list[int] = []

    def progress(done, total):
        seen_during.append(api(client, q="Beratung")["total"])
        if len(seen_during) == 1:
            # Content changes while the new index is being filled.
            with django_capture_on_commit_callbacks(execute=True):
                create_practice(library, "Beratung neu während des Neuaufbaus")
                pages[4].title = "Beratung 4 geändert"
                pages[4].save_revision().publish()
                pages[0].delete()

    es_backend.rebuild(entries=indexing.iter_entries(), total=5, progress=progress, version=0)
    after = set(es.indices.get_alias(name=alias_name()).body)
    found = sorted(titles(api(client, q="Beratung")))

    assert len(seen_during) >= 2 and seen_during[0] == 5  # the old index answered meanwhile
    assert before.isdisjoint(after) and len(after) == 1
    assert not any(es.indices.exists(index=name) for name in before)
    assert found == [
        "Beratung 1",
        "Beratung 2",
        "Beratung 3",
        "Beratung 4 geändert",
        "Beratung neu während des Neuaufbaus",
    ]


def test_rebuild_and_status_commands(client, settings, elasticsearch, library, capsys):
    create_practice(library, "Beratung vor Ort")
    create_practice(library, "Noch ein Projekt")
    sync()

    call_command("search_index", "rebuild")
    call_command("search_index", "status")
    output = capsys.readouterr().out

    assert "elasticsearch [##############################] 100% 2/2" in output
    assert "database: 2 document(s) indexed." in output
    assert "elasticsearch: 2 document(s) indexed." in output
    assert "practice            2         2        2" in output
    assert "Outbox backlog: 0 change(s)" in output
    assert titles(api(client, q="Beratung")) == ["Beratung vor Ort"]


def test_status_without_elasticsearch(settings, library, capsys):
    settings.ELASTICSEARCH_URL = ""
    create_practice(library, "Beratung vor Ort")

    call_command("search_index", "status")
    output = capsys.readouterr().out

    assert "practice            1         1        -" in output
    assert "not configured" in output


def _indexed_sources(url: str) -> dict[str, dict]:
    es = Elasticsearch(url)
    return {hit["_id"]: hit["_source"] for hit in helpers.scan(es, index=alias_name())}


@pytest.mark.django_db(transaction=True)
def test_rebuild_in_worker_processes_gives_the_same_index(settings, elasticsearch, library):
    from search import indexing
    from tests.factories import create_user
    from tests.forum.helpers import create_category, create_topic

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("worker processes cannot open an in-memory SQLite database")
    for number in range(7):
        create_practice(
            library,
            f"Suchtberatung im Jobcenter {number}",
            topics=("sucht",),
            partner_types=("suchtberatung",),
            staff_only=number == 3,
        )
    create_topic(create_category("Gesundheit und Sucht"), create_user(username="anna.berger"))
    settings.SEARCH_REBUILD_PARALLEL_FROM = 0
    settings.SEARCH_REBUILD_WORKERS = 1
    assert indexing.rebuild(database=False) == {"elasticsearch": 8}
    in_one_process = _indexed_sources(elasticsearch)

    settings.SEARCH_REBUILD_WORKERS = 2
    workers = indexing.rebuild_workers(8)
    counts = indexing.rebuild(database=False)
    in_two_processes = _indexed_sources(elasticsearch)

    assert workers == 2
    assert counts == {"elasticsearch": 8}
    assert len(in_one_process) == 8
    assert in_two_processes == in_one_process
    assert sorted(doc["doc_type"] for doc in in_two_processes.values()) == ["practice"] * 7 + [
        "topic"
    ]
    # The staff-only practice names the staff groups; the others are public or the forum's.
    restricted = sorted(
        (doc for doc in in_two_processes.values() if "public" not in doc["visibility"]),
        key=lambda doc: doc["doc_type"],
    )
    assert [doc["doc_type"] for doc in restricted] == ["practice", "topic"]
    assert all(token.startswith("group:") for token in restricted[0]["visibility"])


def test_rebuild_stays_in_this_process_where_workers_could_not_help(settings, db):
    from search import indexing

    settings.SEARCH_REBUILD_WORKERS = 2
    settings.SEARCH_REBUILD_PARALLEL_FROM = 100

    assert indexing.rebuild_workers(99) == 1  # smaller than starting processes is worth
    with transaction.atomic():  # other processes cannot see uncommitted rows
        assert indexing.rebuild_workers(100) == 1
    settings.SEARCH_REBUILD_WORKERS = 1
    assert indexing.rebuild_workers(10_000) == 1


def _database_session_id() -> int:
    from django.db import connection as worker_connection

    with worker_connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_worker_opens_its_own_database_session():
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from search.rebuild import start_worker

    if connection.vendor != "postgresql":
        pytest.skip("database sessions of their own are a PostgreSQL matter")
    parent_session = _database_session_id()  # the parent's connection is open at the fork

    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=start_worker,
    ) as pool:
        worker_session = pool.submit(_database_session_id).result()

    assert worker_session != parent_session
    assert _database_session_id() == parent_session  # and it still works here
