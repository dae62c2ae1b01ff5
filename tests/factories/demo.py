"""The demo content in tests, as `make run` shows it.

Loading it through ``load_demo`` (Wagtail publishing, revisions, index pushes) takes about a
minute, and many tests need it. The command therefore runs once per test process (and per
transaction mode: inside a rolled-back test transaction its after-commit work never runs), and
later tests get the very same rows back: on PostgreSQL with ``COPY``, on SQLite by inserting
them again. ``tests/cms/test_demo.py`` checks the command itself and always runs it.
"""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class SqliteSnapshot:
    tables: list[str]
    rows: list[TableRows]


_snapshots: dict[bool, Snapshot | SqliteSnapshot] = {}


def demo_content() -> None:
    """Fill the test database with the demo site (home page and everything ``load_demo`` adds)."""
    in_test_transaction = connection.in_atomic_block
    snapshot = _snapshots.get(in_test_transaction)
    if snapshot is None:
        _load()
        _snapshots[in_test_transaction] = (
            _take() if connection.vendor == "postgresql" else _sqlite_take()
        )
    elif isinstance(snapshot, SqliteSnapshot):
        _sqlite_restore(snapshot)
    else:
        _restore(snapshot)


def _load() -> None:
    site_home()
    call_command("load_demo", verbosity=0)


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def _take() -> Snapshot:
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
    return Snapshot(tables=tables, copies=copies, sequences=sequences)


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


def _sqlite_take() -> SqliteSnapshot:
    tables = _sqlite_tables()
    copies = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {_quoted(table)}")
            rows = cursor.fetchall()
            if rows:
                columns = [column[0] for column in cursor.description]
                copies.append(TableRows(name=table, columns=columns, rows=rows))
    return SqliteSnapshot(tables=tables, rows=copies)


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
