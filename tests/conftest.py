import os
import sqlite3
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.factories import create_user, site_home
from tests.factories.demo import demo_content, share_snapshots


@pytest.fixture(autouse=True)
def forget_cached_renditions():
    """Wagtail caches renditions per process by image id; a rolled-back test's ids come back in
    the next test (SQLite reuses them), which would then be shown the old renditions."""
    yield
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


class _RequestsInFlight:
    """The requests a live server is answering, by the thread answering each; the test client's
    requests, answered in the tests' own thread, are not counted."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._paths: dict[int, str] = {}
        self._tests_thread = threading.get_ident()

    def started(self, sender, environ=None, **kwargs) -> None:
        if threading.get_ident() == self._tests_thread:
            return
        with self._changed:
            self._paths[threading.get_ident()] = (environ or {}).get("PATH_INFO", "?")

    def finished(self, sender, **kwargs) -> None:
        with self._changed:
            self._paths.pop(threading.get_ident(), None)
            self._changed.notify_all()

    def wait_until_none(self, timeout: float) -> list[str]:
        """Wait until no request is being answered; the paths still answered after ``timeout``."""
        with self._changed:
            self._changed.wait_for(lambda: not self._paths, timeout)
            return sorted(self._paths.values())


@pytest.fixture(scope="session")
def requests_in_flight():
    from django.core.signals import request_finished, request_started

    requests = _RequestsInFlight()
    request_started.connect(requests.started, dispatch_uid="tests-requests-in-flight")
    request_finished.connect(requests.finished, dispatch_uid="tests-requests-in-flight")
    yield requests
    request_started.disconnect(dispatch_uid="tests-requests-in-flight")
    request_finished.disconnect(dispatch_uid="tests-requests-in-flight")


@pytest.fixture(autouse=True)
def live_server_answers_before_flush(request):
    """A browser test ends with its pages closed, but a request one of them sent may still be
    answered in the live server's threads. The tables are emptied after the test only once no
    request is answered any more: emptying them under a running query can deadlock PostgreSQL.

    Torn down after the test's own fixtures (which close the browser) and before pytest-django
    empties the database, which its own earlier autouse fixture asked for."""
    if "live_server" not in request.fixturenames:
        yield
        return
    requests = request.getfixturevalue("requests_in_flight")
    yield
    still_answered = requests.wait_until_none(timeout=60)
    assert not still_answered, f"The live server still answers {still_answered} after 60 s."


# Where the copy of the migrated SQLite test database is (``migrated_sqlite_file``).
_migrated_sqlite: dict[str, Path] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """On SQLite, also keep a file copy of the test database as the migrations left it, before
    any test writes to it (``migrated_sqlite_file``). pytest-django creates the test database
    only when a collected test uses the database: tests that take the copy are marked
    ``django_db`` for that."""
    from django.db import connection

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        path = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
        with django_db_blocker.unblock():
            connection.ensure_connection()
            copy = sqlite3.connect(path)
            try:
                connection.connection.backup(copy)
            finally:
                copy.close()
        _migrated_sqlite["path"] = path


@pytest.fixture(scope="session")
def migrated_sqlite_file(django_db_setup) -> Path:
    """A freshly migrated SQLite database file (the copy of the test database made right after
    its migrations), for tests that start a server process of their own on it."""
    if "path" not in _migrated_sqlite:
        from django.db import connection

        if connection.vendor == "sqlite":
            raise pytest.UsageError(
                "No SQLite test database was created: mark the test `django_db`."
            )
        pytest.skip("the test database is not SQLite")
    return _migrated_sqlite["path"]


@pytest.fixture(scope="session", autouse=True)
def demo_shared_between_processes(request, tmp_path_factory):
    """Under pytest-xdist, the processes of the run load the demo once between them
    (``tests/factories/demo.py``), in a folder of the run's temporary directory."""
    if hasattr(request.config, "workerinput"):
        share_snapshots(tmp_path_factory.getbasetemp().parent / "demo-snapshots")


def rows_for_the_class(build: Callable[[], object], *, name: str, scope: str = "class"):
    """A fixture ``name`` of class scope (or ``scope="module"``): ``build()`` writes its rows
    once for the tests of a class, in a transaction rolled back after the last of them. Every
    test still runs in a savepoint inside it (the ``db`` fixture), so what one test changes
    is gone for the next.

    For classes whose tests all take it: a test of the class that does not would see the rows
    once they are built, and a ``transactional_db`` test cannot run inside the transaction.
    Nothing is committed, so nothing runs after a commit: search tests push the outbox in a
    fixture of their own, per test."""

    def fixture(django_db_setup, django_db_blocker):
        from django.db import transaction

        with django_db_blocker.unblock(), transaction.atomic():
            yield build()
            transaction.set_rollback(True)

    fixture.__name__ = name
    return pytest.fixture(scope=scope, name=name)(fixture)


def read_again(rows: SimpleNamespace) -> SimpleNamespace:
    """The model instances of ``rows`` (written once for a class or module) read again for one
    test, for tests that change or delete the objects they are given: only the changes to the
    rows are rolled back after a test, not those to the objects in memory."""
    return SimpleNamespace(
        **{name: type(row)._default_manager.get(pk=row.pk) for name, row in vars(rows).items()}
    )


@pytest.fixture
def home(db):
    return site_home()


@pytest.fixture
def demo(db):
    """The full demo content, as `make run` shows it."""
    demo_content()


@pytest.fixture
def staff_user(db):
    from cms.accounts.groups import STAFF

    return create_user(STAFF, username="netzwerk")


@pytest.fixture
def editor(db):
    from cms.accounts.groups import EDITORS

    return create_user(EDITORS, username="redakteurin")


@pytest.fixture
def library(home):
    from tests.factories.practices import practice_index

    return practice_index()


# The search backends. Tests that take the ``backend`` fixture run once per backend: the
# database fallback and a real Elasticsearch. The Elasticsearch half needs ELASTICSEARCH_URL
# (``make elasticsearch`` starts a node on 127.0.0.1:9200). Without it the half is skipped with
# a reason, except in CI (CI=true), where a missing Elasticsearch fails the run. Every run uses
# its own index prefix, so the tests never touch the indexes of a development site.

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")
IN_CI = os.environ.get("CI", "").lower() == "true"
RUN_PREFIX = f"{os.environ.get('ELASTICSEARCH_INDEX_PREFIX') or 'test'}-t{uuid.uuid4().hex[:8]}"
DEAD_URL = "http://127.0.0.1:9"  # the discard port: nothing listens there

_es_state: dict[str, str] = {}


def pytest_configure(config):
    from django.conf import settings

    # For the whole run, not only this folder: other tests publish pages too.
    settings.ELASTICSEARCH_INDEX_PREFIX = RUN_PREFIX.lower()
    # A test searches Elasticsearch only when it asks for it (the ``backend`` and
    # ``elasticsearch`` fixtures): otherwise its results would depend on what earlier tests of
    # the process left in the index.
    settings.ELASTICSEARCH_URL = ""
    # Rolled-back test transactions send no signals: never serve labels or synonyms of
    # an earlier test.
    settings.SEARCH_CACHE_SECONDS = 0


def elasticsearch_problem() -> str:
    """Why the Elasticsearch half cannot run ("" when it can)."""
    if "problem" in _es_state:
        return _es_state["problem"]
    problem = ""
    if not ES_URL:
        problem = (
            "ELASTICSEARCH_URL is not set: the Elasticsearch half of the search suite is "
            "skipped (start a node with `make elasticsearch`, then "
            "export ELASTICSEARCH_URL=http://127.0.0.1:9200)"
        )
    else:
        from elasticsearch import Elasticsearch

        try:
            Elasticsearch(ES_URL, request_timeout=5).cluster.health(wait_for_status="yellow")
        except Exception as exc:  # any failure means: not usable here
            problem = f"Elasticsearch at {ES_URL} is not reachable ({type(exc).__name__}): skipped"
    _es_state["problem"] = problem
    return problem


def pytest_terminal_summary(terminalreporter):
    _judged_queries_summary(terminalreporter)
    if "problem" not in _es_state:
        return
    problem = _es_state["problem"]
    if problem:
        terminalreporter.write_line(f"search suite: {problem}", yellow=True)
    else:
        terminalreporter.write_line(
            f"search suite: the Elasticsearch half ran against {ES_URL}", green=True
        )


def _judged_queries_summary(terminalreporter) -> None:
    """The tables of tests/search/test_judged_queries.py in the summary. Here, not in the search
    suite's conftest: under xdist only the conftests of the command line's paths reach the
    process that writes the summary; the tables travel with the reports as user properties."""
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            for name, value in getattr(report, "user_properties", ()):
                if name == "judged_queries_report":
                    terminalreporter.write_sep("-", "judged queries")
                    terminalreporter.write_line(value)


def _clear_test_indexes(url: str, prefix: str) -> None:
    from elasticsearch import Elasticsearch

    from search.backends import elasticsearch as es_backend

    es_backend._failed_at.clear()  # a failure seen by an earlier test must not linger
    es = Elasticsearch(url, request_timeout=30)
    # Elasticsearch 8 refuses wildcard deletes: name each index of this run.
    names = list(es.indices.get(index=f"{prefix}-*", allow_no_indices=True).body)
    if names:
        es.options(ignore_status=404).indices.delete(index=",".join(names))


def _use_elasticsearch(settings, *, reuse_index: bool = False) -> str:
    """Point the site at the test node with empty test indexes, or skip (fail in CI)."""
    problem = elasticsearch_problem()
    if problem:
        if IN_CI:
            pytest.fail(f"CI needs Elasticsearch for the search suite: {problem}")
        pytest.skip(problem)
    settings.ELASTICSEARCH_URL = ES_URL
    if reuse_index:
        _empty_knowledge_index(ES_URL, settings.ELASTICSEARCH_INDEX_PREFIX)
    else:
        _clear_test_indexes(ES_URL, settings.ELASTICSEARCH_INDEX_PREFIX)
    return ES_URL


# The knowledge index the ``backend`` fixture created in this process, and the definition it
# was created from. Elasticsearch takes one to two seconds to create or delete an index (a
# change of the cluster state); emptying one takes a few milliseconds. So the searches of the
# test suite reuse it while it is the only test index, behind the alias, with the mapping the
# settings ask for. Only on PostgreSQL: its ids never come back after a rolled-back test,
# so the external versions stored with deleted documents never refuse a later test's writes.
_kept_index: dict[str, object] = {}
KEPT_INDEX_LIMIT = 10_000


def _empty_knowledge_index(url: str, prefix: str) -> None:
    from django.db import connection
    from elasticsearch import Elasticsearch, helpers

    from search.backends import elasticsearch as es_backend
    from search.backends.elasticsearch.writing import ensure_alias
    from search.documents import alias_name, knowledge_index

    definition = knowledge_index("definition").to_dict()
    es = Elasticsearch(url, request_timeout=30)
    indexes = es.indices.get_alias(index=f"{prefix}-*", allow_no_indices=True).body
    kept = _kept_index.get("name")
    if (
        connection.vendor == "postgresql"
        and _kept_index.get("definition") == definition
        and list(indexes) == [kept]
        and set(indexes[kept]["aliases"]) == {alias_name()}
    ):
        es_backend._failed_at.clear()
        # The node the suite starts has no reindex module, so no _delete_by_query.
        hits = es.search(
            index=kept, size=KEPT_INDEX_LIMIT, source=False, version=True, query={"match_all": {}}
        )
        if hits["hits"]["total"]["value"] < KEPT_INDEX_LIMIT:
            # Deleted at the version they have: a plain delete would count it up, and the
            # same outbox row pushed again by a later test (rows written once for a class of
            # tests, tests/conftest.py ``rows_for_the_class``) would then be refused as older.
            actions = [
                {
                    "_op_type": "delete",
                    "_index": kept,
                    "_id": hit["_id"],
                    "version": hit["_version"],
                    "version_type": "external_gte",
                }
                for hit in hits["hits"]["hits"]
            ]
            if actions:
                helpers.bulk(es, actions, refresh=True)
            return
    _clear_test_indexes(url, prefix)
    alias = ensure_alias(es)
    _kept_index.update(name=next(iter(es.indices.get_alias(name=alias).body)))
    _kept_index.update(definition=definition)


def pytest_sessionfinish(session):
    if _kept_index and ES_URL and not elasticsearch_problem():
        from django.conf import settings

        _clear_test_indexes(ES_URL, settings.ELASTICSEARCH_INDEX_PREFIX)


@pytest.fixture(
    params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch_half)]
)
def backend(request, settings):
    """Switch the site to one backend for the test; yields the expected backend name."""
    if request.param == "elasticsearch":
        _use_elasticsearch(settings, reuse_index=True)
    else:
        settings.ELASTICSEARCH_URL = ""
    yield request.param


@pytest.fixture
def elasticsearch(settings):
    """Elasticsearch only (for tests of the index itself: outage, alias swap)."""
    yield _use_elasticsearch(settings)
    _clear_test_indexes(ES_URL, settings.ELASTICSEARCH_INDEX_PREFIX)
