"""The engines' own full-text indexes over the analysed columns of ``SearchDocument``.

The columns already hold the output of ``analysis.py`` (space-separated terms), so both
engines only split on spaces and never stem or fold again:

* SQLite: an FTS5 table with external content (``search_searchdocument`` itself), kept in
  step by triggers, so every write path (``save``, ``bulk_create``, ``bulk_update``, queryset
  deletes, raw SQL) updates it in the same transaction.
* PostgreSQL: stored generated ``tsvector`` columns ('simple' configuration), each with a
  GIN index.

The match expressions quote every term, so nothing a user types becomes FTS5 or tsquery
syntax.
"""

FTS_TABLE = "search_searchdocument_fts"
COLUMNS = ("title_exact", "title_stems", "exact", "stems", "parts")
# Index the terms as ``analysis.WORD_RE`` split them: word characters including "_", with
# diacritics kept (the analysis already folded what it folds).
SQLITE_TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '_' categories 'L* N* Co'"
SQLITE_TRIGGERS = {
    f"{FTS_TABLE}_insert": (
        "AFTER INSERT ON search_searchdocument BEGIN "
        "INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
    ),
    f"{FTS_TABLE}_delete": (
        "AFTER DELETE ON search_searchdocument BEGIN "
        "INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END"
    ),
    f"{FTS_TABLE}_update": (
        "AFTER UPDATE OF id, {cols} ON search_searchdocument BEGIN "
        "INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        "INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
    ),
}


def pg_column(column: str) -> str:
    return f"fts_{column}"


def _trigger_sql(name: str, body: str) -> str:
    return f"CREATE TRIGGER IF NOT EXISTS {name} " + body.format(
        fts=FTS_TABLE,
        cols=", ".join(COLUMNS),
        new=", ".join(f"new.{c}" for c in COLUMNS),
        old=", ".join(f"old.{c}" for c in COLUMNS),
    )


def _sqlite_triggers(cursor) -> set[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
        ["search_searchdocument"],
    )
    return {row[0] for row in cursor.fetchall()}


def install(connection) -> None:
    """Create the index and fill it from the existing documents; safe to run again."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                f"{', '.join(COLUMNS)}, content='search_searchdocument', content_rowid='id', "
                f'tokenize="{SQLITE_TOKENIZER}")'
            )
            if not set(SQLITE_TRIGGERS) <= _sqlite_triggers(cursor):
                for name, body in SQLITE_TRIGGERS.items():
                    cursor.execute(_trigger_sql(name, body))
                # Rows written while a trigger was missing are not in the index yet.
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        elif connection.vendor == "postgresql":
            for column in COLUMNS:
                cursor.execute(
                    f"ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS "
                    f"{pg_column(column)} tsvector GENERATED ALWAYS AS "
                    f"(to_tsvector('simple'::regconfig, {column})) STORED"
                )
            for column in COLUMNS:
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS search_doc_{pg_column(column)} "
                    f"ON search_searchdocument USING GIN ({pg_column(column)})"
                )


def uninstall(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        elif connection.vendor == "postgresql":
            for column in COLUMNS:
                cursor.execute(
                    f"ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS {pg_column(column)}"
                )


def ensure(connection) -> None:
    """Re-create the triggers a later migration may have dropped (SQLite).

    SQLite alters a table by copying it into a new one, which drops its triggers: the index
    would silently fall behind after any future ``AlterField`` on ``SearchDocument``.
    """
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE]
        )
        installed = cursor.fetchone() is not None
        if not installed or set(SQLITE_TRIGGERS) <= _sqlite_triggers(cursor):
            return
    install(connection)


# --- match expressions ----------------------------------------------------------------------


def fts5_phrase(text: str, columns: tuple[str, ...]) -> str:
    """``text`` as one quoted FTS5 phrase, restricted to ``columns``."""
    quoted = '"' + text.replace('"', '""') + '"'
    return "{" + " ".join(columns) + "} : " + quoted
