"""Drift between content and index: reported by `search_index status`, repaired by `sync`,
and the leftovers of crashed rebuilds cleaned up."""

import os
import re
import signal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models.signals import post_delete, pre_delete
from django.test import override_settings
from elasticsearch import Elasticsearch
from factory.django import mute_signals
from wagtail.signals import page_unpublished

from practices.models import PracticePage
from search.documents import alias_name, knowledge_index
from search.drift import drift_report
from search.models import IndexOutbox, SearchDocument

from .conftest import DEAD_URL
from .helpers import api, create_practice, sync, titles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lexical_only")]

ROW = re.compile(r"^\s+(\w+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$")


def status(capsys, *, verbosity: int = 1) -> tuple[int, str]:
    """The exit code and output of `search_index status`."""
    try:
        call_command("search_index", "status", verbosity=verbosity)
    except CommandError as error:
        code = error.returncode
    else:
        code = 0
    return code, capsys.readouterr().out


def drift_rows(output: str) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """(backend, type) → (expected, missing, stale, orphans) from the status output."""
    rows = {}
    backend = ""
    for line in output.splitlines():
        if line.startswith(("database", "elasticsearch")) and line.rstrip().endswith("orphans"):
            backend = line.split()[0]
        elif backend and (match := ROW.match(line)):
            rows[(backend, match[1])] = tuple(int(number) for number in match.groups()[1:])
        elif not line.startswith(" "):
            backend = ""
    return rows


def found_in_both_backends(client, settings, query: str) -> dict[str, list[str]]:
    es_url = settings.ELASTICSEARCH_URL
    with_es = api(client, q=query)
    settings.ELASTICSEARCH_URL = ""
    without_es = api(client, q=query)
    settings.ELASTICSEARCH_URL = es_url
    return {with_es["backend"]: titles(with_es), without_es["backend"]: titles(without_es)}


def test_a_document_lost_from_both_indexes_is_reported_and_restored(
    client, settings, elasticsearch, library, capsys
):
    lost = create_practice(library, "Schuldnerberatung im Stadtteilbüro")
    create_practice(library, "Mobilität auf dem Land")
    sync()
    doc_id = f"practice-{lost.pk}"
    SearchDocument.objects.filter(doc_id=doc_id).delete()
    Elasticsearch(elasticsearch).delete(index=alias_name(), id=doc_id, refresh=True)

    code_before, before = status(capsys, verbosity=2)
    call_command("search_index", "sync")
    capsys.readouterr()
    code_after, after = status(capsys)

    assert code_before == 1
    assert drift_rows(before)[("database", "practice")] == (2, 1, 0, 0)
    assert drift_rows(before)[("elasticsearch", "practice")] == (2, 1, 0, 0)
    assert f"missing: {doc_id}" in before
    assert code_after == 0
    assert {counts[1:] for counts in drift_rows(after).values()} == {(0, 0, 0)}
    assert found_in_both_backends(client, settings, "Schuldnerberatung") == {
        "elasticsearch": ["Schuldnerberatung im Stadtteilbüro"],
        "database": ["Schuldnerberatung im Stadtteilbüro"],
    }


def test_a_stale_document_is_reported_and_refreshed(
    client, settings, elasticsearch, library, capsys
):
    page = create_practice(library, "Sprechstunde im Jobcenter")
    sync()
    PracticePage.objects.filter(pk=page.pk).update(title="Suchtberatung im Familienzentrum")

    report = drift_report()
    code_before, before = status(capsys, verbosity=2)
    call_command("search_index", "sync")
    capsys.readouterr()
    code_after, _after = status(capsys)

    assert report.backends["database"].types["practice"].stale == [f"practice-{page.pk}"]
    assert report.backends["elasticsearch"].types["practice"].stale == [f"practice-{page.pk}"]
    assert report.has_drift
    assert code_before == 1
    assert drift_rows(before)[("elasticsearch", "practice")] == (1, 0, 1, 0)
    assert f"stale: practice-{page.pk}" in before
    assert code_after == 0
    assert found_in_both_backends(client, settings, "Familienzentrum") == {
        "elasticsearch": ["Suchtberatung im Familienzentrum"],
        "database": ["Suchtberatung im Familienzentrum"],
    }
    assert found_in_both_backends(client, settings, "Sprechstunde") == {
        "elasticsearch": [],
        "database": [],
    }


def test_an_orphan_document_is_reported_and_removed(
    client, settings, elasticsearch, library, capsys
):
    gone = create_practice(library, "Wohnungslosenhilfe vernetzt")
    create_practice(library, "Bleibt bestehen")
    sync()
    doc_id = f"practice-{gone.pk}"
    with mute_signals(pre_delete, post_delete, page_unpublished):
        gone.delete()  # behind the app's back: no outbox row
    assert IndexOutbox.objects.count() == 0

    code_before, before = status(capsys, verbosity=2)
    call_command("search_index", "sync")
    capsys.readouterr()
    code_after, _after = status(capsys)

    assert code_before == 1
    assert drift_rows(before)[("database", "practice")] == (1, 0, 0, 1)
    assert drift_rows(before)[("elasticsearch", "practice")] == (1, 0, 0, 1)
    assert f"orphans: {doc_id}" in before
    assert code_after == 0
    assert not SearchDocument.objects.filter(doc_id=doc_id).exists()
    assert not Elasticsearch(elasticsearch).exists(index=alias_name(), id=doc_id)
    assert found_in_both_backends(client, settings, "Wohnungslosenhilfe") == {
        "elasticsearch": [],
        "database": [],
    }


def test_status_without_drift_exits_0_and_names_every_type(
    settings, elasticsearch, library, capsys
):
    create_practice(library, "Beratung vor Ort")
    sync()

    code, output = status(capsys)

    assert code == 0
    assert drift_rows(output) == {
        (backend, doc_type): (1 if doc_type == "practice" else 0, 0, 0, 0)
        for backend in ("database", "elasticsearch")
        for doc_type in ("practice", "article", "guide", "offer", "topic", "event", "proposal")
    }
    assert "No drift" in output


def _knowledge_indexes(es: Elasticsearch) -> list[str]:
    return sorted(es.indices.get(index=f"{alias_name()}-*", allow_no_indices=True).body)


class Crash(Exception):
    pass


@pytest.mark.parametrize("failure", [Crash, KeyboardInterrupt])
def test_a_rebuild_that_fails_midway_leaves_nothing_behind(
    client, settings, elasticsearch, library, monkeypatch, failure
):
    from search.backends import elasticsearch as es_backend
    from search.backends.elasticsearch import writing as es_writing

    for number in range(5):
        create_practice(library, f"Beratung {number}")
    sync()
    es = Elasticsearch(elasticsearch)
    before = _knowledge_indexes(es)
    real_bulk = es_writing._bulk
    calls: list[int] = []

    def bulk_then_fail(*args, **kwargs):
        calls.append(1)
        if len(calls) > 1:
            raise failure("the process dies")
        return real_bulk(*args, **kwargs)

    monkeypatch.setattr(es_writing, "BULK_CHUNK", 1)  # batches of two documents
    monkeypatch.setattr(es_writing, "_bulk", bulk_then_fail)

    with pytest.raises(failure):
        call_command("search_index", "rebuild")

    assert len(calls) == 2
    assert _knowledge_indexes(es) == before
    assert not es.indices.exists_alias(name=es_backend.building_alias())
    assert sorted(titles(api(client, q="Beratung"))) == [f"Beratung {n}" for n in range(5)]


def test_a_rebuild_stopped_with_sigterm_leaves_nothing_behind(
    settings, elasticsearch, library, monkeypatch
):
    from search.backends import elasticsearch as es_backend
    from search.backends.elasticsearch import writing as es_writing

    for number in range(5):
        create_practice(library, f"Beratung {number}")
    sync()
    es = Elasticsearch(elasticsearch)
    before = _knowledge_indexes(es)
    real_bulk = es_writing._bulk
    calls: list[int] = []

    def bulk_then_terminate(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGTERM)  # `kill <pid>`, a stopping container
        return real_bulk(*args, **kwargs)

    monkeypatch.setattr(es_writing, "BULK_CHUNK", 1)
    monkeypatch.setattr(es_writing, "_bulk", bulk_then_terminate)

    with pytest.raises(SystemExit):
        call_command("search_index", "rebuild")

    assert _knowledge_indexes(es) == before
    assert not es.indices.exists_alias(name=es_backend.building_alias())
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_rebuild_removes_what_a_killed_rebuild_left(
    client, settings, elasticsearch, library, capsys
):
    from search.backends import elasticsearch as es_backend

    create_practice(library, "Beratung vor Ort")
    sync()
    es = Elasticsearch(elasticsearch)
    live = _knowledge_indexes(es)
    stray = f"{alias_name()}-20200101000000000000"
    unaliased = f"{alias_name()}-20200102000000000000"
    knowledge_index(stray).create(using=es)
    knowledge_index(unaliased).create(using=es)
    es.indices.put_alias(index=stray, name=es_backend.building_alias())
    create_practice(library, "Während des Absturzes veröffentlicht")
    sync()
    written_to_stray = es.count(index=stray)["count"]

    code, output = status(capsys)
    call_command("search_index", "rebuild")
    create_practice(library, "Nach dem Neuaufbau veröffentlicht")
    sync()

    assert written_to_stray == 1  # the stale building alias caught the push
    assert code == 1
    assert stray in output and unaliased in output
    assert not es.indices.exists(index=stray)
    assert not es.indices.exists(index=unaliased)
    assert not es.indices.exists_alias(name=es_backend.building_alias())
    assert len(_knowledge_indexes(es)) == 1 and _knowledge_indexes(es) != live
    assert sorted(titles(api(client))) == [
        "Beratung vor Ort",
        "Nach dem Neuaufbau veröffentlicht",
        "Während des Absturzes veröffentlicht",
    ]


def test_sync_removes_leftovers_of_a_killed_rebuild(settings, elasticsearch, library, capsys):
    from search.backends import elasticsearch as es_backend

    create_practice(library, "Beratung vor Ort")
    sync()
    es = Elasticsearch(elasticsearch)
    live = _knowledge_indexes(es)
    stray = f"{alias_name()}-20200101000000000000"
    knowledge_index(stray).create(using=es)
    es.indices.put_alias(index=stray, name=es_backend.building_alias())

    call_command("search_index", "sync")
    code, _output = status(capsys)

    assert code == 0
    assert _knowledge_indexes(es) == live
    assert not es.indices.exists_alias(name=es_backend.building_alias())


def test_only_one_rebuild_runs_at_a_time(settings, elasticsearch, library, monkeypatch, capsys):
    from search.backends import elasticsearch as es_backend
    from search.backends.elasticsearch import rebuilding as es_rebuilding

    create_practice(library, "Beratung vor Ort")
    sync()
    es = Elasticsearch(elasticsearch)
    live = _knowledge_indexes(es)
    monkeypatch.setattr(es_rebuilding, "LOCK_WAIT_SECONDS", 0)

    with es_backend.rebuild_lock():  # another process is rebuilding
        building = f"{alias_name()}-20200101000000000000"
        knowledge_index(building).create(using=es)
        es.indices.put_alias(index=building, name=es_backend.building_alias())
        with pytest.raises(CommandError, match="Another rebuild is running"):
            call_command("search_index", "rebuild")
        code, output = status(capsys)
        call_command("search_index", "sync")
        kept = _knowledge_indexes(es)

    assert kept == sorted([*live, building])  # the running rebuild's index is left alone
    assert code == 0
    assert "rebuild is running" in output


def test_changes_made_during_an_outage_are_repaired_by_sync(
    client, settings, elasticsearch, library, capsys
):
    stays = create_practice(library, "Bleibt bestehen")
    withdrawn = create_practice(library, "Wird zurückgezogen")
    sync()

    with override_settings(ELASTICSEARCH_URL=DEAD_URL):
        create_practice(library, "Neu während der Störung")
        withdrawn.unpublish()
        stays.title = "Bleibt bestehen, jetzt mit neuem Titel"
        stays.save_revision().publish()
        code_during, during = status(capsys)
        with pytest.raises(CommandError, match="not reachable"):
            call_command("search_index", "sync")
    IndexOutbox.objects.all().delete()  # even with the outbox lost, nothing stays behind
    code_restored, restored = status(capsys)
    call_command("search_index", "sync")
    capsys.readouterr()
    code_after, _after = status(capsys)

    assert code_during == 1
    assert "Elasticsearch not reachable" in during
    assert drift_rows(during)[("database", "practice")] == (2, 0, 0, 0)
    assert code_restored == 1
    assert drift_rows(restored)[("elasticsearch", "practice")] == (2, 1, 1, 1)
    assert code_after == 0
    assert sorted(titles(api(client))) == [
        "Bleibt bestehen, jetzt mit neuem Titel",
        "Neu während der Störung",
    ]
