"""The demo content in tests, as `make run` shows it.

Loading it through ``load_demo`` (Wagtail publishing, revisions, index pushes) takes the better
part of a minute, and many tests need it. The command therefore runs once per test run (and per
transaction mode: inside a rolled-back test transaction its after-commit work never runs), and
later tests get the very same rows back: on PostgreSQL with ``COPY``, on SQLite by inserting
them again. Test processes (pytest-xdist workers) hand each other the rows, with the files the
demo put into the media folder, through a folder of the run (``share_snapshots``): the first
process to need them loads the demo, the others wait for it and copy. ``tests/cms/test_demo.py``
checks the command itself and always runs it.
"""

import fcntl
import os
import pickle
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from .site import site_home


@dataclass(frozen=True)
class TableCopy:
    name: str
    columns: str
    rows: bytes


@dataclass(frozen=True)
class TableRows:
    name: str
    columns: list[str]
    rows: list[tuple]


@dataclass(frozen=True)
class Snapshot:
    tables: list[str]
    copies: list[TableCopy]
    sequences: list[tuple[str, str, str]]
    # The files the demo wrote below MEDIA_ROOT (its images), by path below it.
    media: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class SqliteSnapshot:
    tables: list[str]
    rows: list[TableRows]
    media: dict[str, bytes] = field(default_factory=dict)


_snapshots: dict[bool, Snapshot | SqliteSnapshot] = {}
# The folder of the test run through which the processes share their snapshots (None: this
# process keeps them to itself).
_shared: dict[str, Path] = {}


def share_snapshots(directory: Path) -> None:
    """Share the snapshots with the other processes of the run through ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    _shared["directory"] = directory


def demo_content() -> None:
    """Fill the test database with the demo site (home page and everything ``load_demo`` adds)."""
    in_test_transaction = connection.in_atomic_block
    snapshot = _snapshots.get(in_test_transaction)
    if snapshot is None:
        with _shared_snapshot(in_test_transaction) as shared:
            if shared.snapshot is None:
                shared.snapshot = _load_and_take()
                _snapshots[in_test_transaction] = shared.snapshot
                _elasticsearch_follows()
                return
            snapshot = _snapshots[in_test_transaction] = shared.snapshot
            _media_restore(snapshot.media)
    if isinstance(snapshot, SqliteSnapshot):
        _sqlite_restore(snapshot)
    else:
        _restore(snapshot)
    _elasticsearch_follows()


def _elasticsearch_follows() -> None:
    """The demo in this process' Elasticsearch index too, when the site uses one and the index
    does not hold it already (another process loaded it, or a test emptied the index)."""
    from search.indexing import elasticsearch_enabled
    from search.models import SearchDocument

    from .search import elasticsearch_documents, elasticsearch_pushed_again

    if elasticsearch_enabled() and elasticsearch_documents() != SearchDocument.objects.count():
        elasticsearch_pushed_again()


@dataclass
class _Shared:
    snapshot: Snapshot | SqliteSnapshot | None


@contextmanager
def _shared_snapshot(in_test_transaction: bool):
    """The snapshot another process of the run took, if any; one taken inside the block is
    handed on. Only one process at a time is inside, so the demo loads once per run."""
    directory = _shared.get("directory")
    if directory is None:
        yield _Shared(snapshot=None)
        return
    name = f"{connection.vendor}-{'transaction' if in_test_transaction else 'committed'}"
    path = directory / f"{name}.pickle"
    with (directory / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            shared = _Shared(snapshot=pickle.loads(path.read_bytes()) if path.exists() else None)
            had = shared.snapshot is not None
            yield shared
            if not had and shared.snapshot is not None:
                partial = path.with_suffix(f".{os.getpid()}.tmp")
                partial.write_bytes(pickle.dumps(shared.snapshot))
                os.replace(partial, path)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _load_and_take() -> Snapshot | SqliteSnapshot:
    before = set(_media_files())
    site_home()
    call_command("load_demo", verbosity=0)
    media_root = Path(settings.MEDIA_ROOT)
    media = {
        name: (media_root / name).read_bytes() for name in _media_files() if name not in before
    }
    if connection.vendor == "postgresql":
        return _take(media=media)
    return _sqlite_take(media=media)


def _media_files() -> list[str]:
    media_root = Path(settings.MEDIA_ROOT)
    return [str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()]


def _media_restore(media: dict[str, bytes]) -> None:
    """The demo's files, written by another process, into this process' media folder."""
    media_root = Path(settings.MEDIA_ROOT)
    for name, content in media.items():
        path = media_root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def _take(*, media: dict[str, bytes] | None = None) -> Snapshot:
    tables = sorted(connection.introspection.table_names(include_views=False))
    copies = []
    with connection.cursor() as cursor:
        for table in tables:
            # Generated columns (the full-text vectors) are computed again on the way back.
            cursor.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
                [_quoted(table)],
            )
            columns = ", ".join(_quoted(name) for (name,) in cursor.fetchall())
            with cursor.cursor.copy(f"COPY {_quoted(table)} ({columns}) TO STDOUT") as copy:
                rows = b"".join(copy)
            if rows:
                copies.append(TableCopy(name=table, columns=columns, rows=rows))
        cursor.execute(
            "SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), "
            "column_name) FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND (column_default LIKE 'nextval(%%' OR is_identity = 'YES')"
        )
        sequences = [row for row in cursor.fetchall() if row[2]]
    return Snapshot(tables=tables, copies=copies, sequences=sequences, media=media or {})


def _restore(snapshot: Snapshot) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        # Foreign keys are checked at commit; checks still pending from writes earlier in the
        # same transaction would make TRUNCATE refuse, so they run now, and the copies below
        # (in name order, not in dependency order) are checked at commit again.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for statement in connection.ops.sql_flush(no_style(), snapshot.tables):
            cursor.execute(statement)
        for table in snapshot.copies:
            with cursor.cursor.copy(
                f"COPY {_quoted(table.name)} ({table.columns}) FROM STDIN"
            ) as copy:
                copy.write(table.rows)
        # Sequences only grow, so the copied ids are below them already; this keeps it so even
        # after a test that restarted them.
        if snapshot.sequences:
            cursor.execute(
                "SELECT "
                + ", ".join(
                    f"setval('{sequence}', GREATEST((SELECT MAX({_quoted(column)}) FROM "
                    f"{_quoted(table)}), (SELECT last_value FROM {sequence})))"
                    for table, column, sequence in snapshot.sequences
                )
            )
    _forget_cached()


def _sqlite_tables() -> list[str]:
    """The plain tables: not the full-text tables (Wagtail's admin search, ``search.fts``) nor
    their shadow tables; triggers on the tables they index keep them in step."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%%'"
        )
        virtual = [name for (name,) in cursor.fetchall()]
    return sorted(
        name
        for name in connection.introspection.table_names(include_views=False)
        if not any(name == table or name.startswith(f"{table}_") for table in virtual)
    )


def _sqlite_take(*, media: dict[str, bytes] | None = None) -> SqliteSnapshot:
    tables = _sqlite_tables()
    copies = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {_quoted(table)}")
            rows = cursor.fetchall()
            if rows:
                columns = [column[0] for column in cursor.description]
                copies.append(TableRows(name=table, columns=columns, rows=rows))
    return SqliteSnapshot(tables=tables, rows=copies, media=media or {})


def _sqlite_restore(snapshot: SqliteSnapshot) -> None:
    # Django's foreign keys on SQLite are deferred: checked at commit, so the order of the
    # tables does not matter here.
    with transaction.atomic(), connection.cursor() as cursor:
        for table in snapshot.tables:
            cursor.execute(f"DELETE FROM {_quoted(table)}")
        for table in snapshot.rows:
            columns = ", ".join(_quoted(column) for column in table.columns)
            marks = ", ".join("%s" for _ in table.columns)
            cursor.executemany(
                f"INSERT INTO {_quoted(table.name)} ({columns}) VALUES ({marks})", table.rows
            )
    _forget_cached()


def _forget_cached() -> None:
    # Nothing cached from before (content types, site root paths, filter choices) may outlive
    # the rows it came from.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()
