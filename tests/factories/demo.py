"""The demo content in tests, as `make run` shows it.

Loading it through ``load_demo`` (Wagtail publishing, revisions, index pushes) takes seconds,
and many tests need it. On PostgreSQL the command therefore runs once per test process (and
per transaction mode: inside a rolled-back test transaction its after-commit work never runs),
and later tests get the very same rows copied back with ``COPY``. ``tests/cms/test_demo.py``
checks the command itself and always runs it.
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
class Snapshot:
    tables: list[str]
    copies: list[TableCopy]
    sequences: list[tuple[str, str, str]]


_snapshots: dict[bool, Snapshot] = {}


def demo_content() -> None:
    """Fill the test database with the demo site (home page and everything ``load_demo`` adds)."""
    if connection.vendor != "postgresql":
        _load()
        return
    in_test_transaction = connection.in_atomic_block
    snapshot = _snapshots.get(in_test_transaction)
    if snapshot is None:
        _load()
        _snapshots[in_test_transaction] = _take()
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
    # Nothing cached from before (content types, site root paths, filter choices) may outlive
    # the rows it came from.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()
