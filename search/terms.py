"""The index vocabulary: every word of the database index's ``exact`` column, with the
number of documents containing it (``SearchTerm``), where "Meinten Sie …?" corrections come
from (``corrections.py``).

``database_apply`` keeps it in step: it reads the previous ``exact`` of the documents it
rewrites and applies the difference in bulk, so the counts stay exact without recounting.
``search_index rebuild`` refills it from the engine's own full-text statistics
(``vocabulary_rebuild``).
"""

import re
from collections import Counter

from django.db import connection

from .fts import FTS_TABLE, pg_column
from .models import SearchDocument, SearchTerm

MIN_TERM_LENGTH = 3
MAX_TERM_LENGTH = 100  # SearchTerm.term
DIGITS = re.compile(r"[0-9]+")
SQL_ROWS = 2000  # rows per statement, well below the engines' parameter limits


def vocabulary_words(exact: str) -> set[str]:
    """The words of an ``exact`` column that belong to the vocabulary."""
    return {
        word
        for word in exact.split()
        if MIN_TERM_LENGTH <= len(word) <= MAX_TERM_LENGTH and not DIGITS.fullmatch(word)
    }


def vocabulary_previous(doc_ids: list[str]) -> dict[str, str]:
    """doc_id → ``exact`` of the documents a write is about to change or delete."""
    if not doc_ids:
        return {}
    return dict(SearchDocument.objects.filter(doc_id__in=doc_ids).values_list("doc_id", "exact"))


def vocabulary_change(*, previous: dict[str, str], current: dict[str, str]) -> None:
    """Apply the difference between the documents' ``previous`` and ``current`` words.

    ``current`` maps the documents written now to their ``exact`` ("" or absent: deleted).
    """
    delta: Counter[str] = Counter()
    for doc_id in previous.keys() | current.keys():
        old = vocabulary_words(previous.get(doc_id, ""))
        new = vocabulary_words(current.get(doc_id, ""))
        delta.update(new - old)
        delta.subtract(old - new)
    added = sorted((term, count) for term, count in delta.items() if count > 0)
    removed: dict[int, list[str]] = {}
    for term, count in sorted(delta.items()):
        if count < 0:
            removed.setdefault(-count, []).append(term)
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    with connection.cursor() as cursor:
        # Sorted rows: two transactions touching the same terms lock them in the same order.
        for start in range(0, len(added), SQL_ROWS):
            rows = added[start : start + SQL_ROWS]
            cursor.execute(
                f"INSERT INTO {table} (term, length, documents) VALUES "
                + ", ".join(["(%s, %s, %s)"] * len(rows))
                + f" ON CONFLICT (term) DO UPDATE SET documents = {table}.documents + "
                "excluded.documents",
                [value for term, count in rows for value in (term, len(term), count)],
            )
        gone = []
        for amount, terms in removed.items():
            for start in range(0, len(terms), SQL_ROWS):
                chunk = terms[start : start + SQL_ROWS]
                cursor.execute(
                    f"UPDATE {table} SET documents = CASE WHEN documents > %s "
                    f"THEN documents - %s ELSE 0 END WHERE term IN ({_marks(chunk)})",
                    [amount, amount, *chunk],
                )
                gone.extend(chunk)
        for start in range(0, len(gone), SQL_ROWS):
            chunk = gone[start : start + SQL_ROWS]
            cursor.execute(
                f"DELETE FROM {table} WHERE documents = 0 AND term IN ({_marks(chunk)})", chunk
            )


def _marks(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def vocabulary_rebuild(db=None) -> int:
    """Recount the vocabulary from the database index; how many words it has.

    From the full-text index's own statistics (one statement, no document is read in
    Python): ``ts_stat`` over the tsvector of ``exact`` on PostgreSQL, an ``fts5vocab`` table on
    SQLite. PostgreSQL's parser splits the rare words with "_" in them, which the other paths
    keep whole; a correction never needs them. ``db``: the connection (default: the default).
    """
    db = db or connection
    quote = db.ops.quote_name
    table = quote(SearchTerm._meta.db_table)
    with db.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
        if db.vendor == "postgresql":
            documents = quote(SearchDocument._meta.db_table)
            cursor.execute(
                f"INSERT INTO {table} (term, length, documents) "
                "SELECT word, char_length(word), ndoc FROM ts_stat(%s) "
                "WHERE char_length(word) BETWEEN %s AND %s AND word !~ '^[0-9]+$'",
                [
                    f"SELECT {pg_column('exact')} FROM {documents}",
                    MIN_TERM_LENGTH,
                    MAX_TERM_LENGTH,
                ],
            )
        elif db.vendor == "sqlite":
            vocab = f"temp.{FTS_TABLE}_vocab"
            cursor.execute(f"DROP TABLE IF EXISTS {vocab}")
            cursor.execute(f"CREATE VIRTUAL TABLE {vocab} USING fts5vocab(main, {FTS_TABLE}, col)")
            cursor.execute(
                f"INSERT INTO {table} (term, length, documents) "
                f"SELECT term, length(term), doc FROM {vocab} WHERE col = 'exact' "
                "AND length(term) BETWEEN %s AND %s AND term GLOB '*[^0-9]*'",
                [MIN_TERM_LENGTH, MAX_TERM_LENGTH],
            )
            cursor.execute(f"DROP TABLE {vocab}")
        else:  # pragma: no cover - the site runs on PostgreSQL or SQLite
            counts = vocabulary_counts()
            SearchTerm.objects.bulk_create(
                (SearchTerm(term=t, length=len(t), documents=n) for t, n in counts.items()),
                batch_size=SQL_ROWS,
            )
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        return cursor.fetchone()[0]


def vocabulary_counts(*, chunk_size: int = 2000) -> Counter[str]:
    """The vocabulary counted in Python, in one pass over ``exact`` in chunks."""
    counts: Counter[str] = Counter()
    last = 0
    while True:
        rows = list(
            SearchDocument.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "exact")[:chunk_size]
        )
        if not rows:
            return counts
        for _pk, exact in rows:
            counts.update(vocabulary_words(exact))
        last = rows[-1][0]
