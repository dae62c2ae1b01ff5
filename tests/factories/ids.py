from django.db import connection


def start_ids_at(model, value: int) -> None:
    """Make new rows of ``model`` get ids above ``value``, as on a site in use for a while.

    Ids only move forward: rows an earlier test left behind (PostgreSQL keeps its sequences
    across the flushes of transactional tests) never collide with new ones.
    """
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT setval(s::regclass, GREATEST(%s, COALESCE(pg_sequence_last_value(s), 0)))"
                " FROM pg_get_serial_sequence(%s, %s) AS s",
                [value, connection.ops.quote_name(table), column],
            )
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)",
                [table, max(value, row[0] if row else 0)],
            )
        else:  # pragma: no cover - the project runs on SQLite and PostgreSQL only
            raise NotImplementedError(connection.vendor)
