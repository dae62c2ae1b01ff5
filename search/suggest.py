"""Suggestions while typing: titles, taxonomy terms and what others searched successfully.

Three sources, in this order:

* titles of indexed documents the user may see, whose title words start with the typed text
  (the database index, which is kept in step even while Elasticsearch answers the search);
* taxonomy terms (the labels of the filters: fields of action, target groups, …), public;
* queries that signed-out visitors searched at least ``POPULAR_MIN_SEARCHES`` times with
  results: a word searched only once or twice (say, a client's name) or found only by staff
  never becomes a suggestion.

Titles and past searches are one statement each and the labels are cached, so a keystroke
costs a fixed number of queries whatever the size of the index or the log.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from cms.access import user_tokens

from .analysis import STOPWORDS, WORD_RE, normalise
from .backends.database import _engine
from .fts import FTS_TABLE, fts5_phrase, pg_column
from .models import SearchLogEntry
from .query import MAX_QUERY_LENGTH
from .registry import TYPE_FACET, facet_labels

MIN_LENGTH = 2
MAX_SUGGESTIONS = 8
# The places each kind is sure of (together all of them), so no source crowds out the others;
# places a kind leaves empty go to the others, titles first.
SHARES = {"title": 4, "term": 2, "query": 2}
POPULAR_MIN_SEARCHES = 3
# Words after the last ten add little to a title match and only lengthen the statement.
MAX_WORDS = 10
# Distinct logged spellings read per keystroke; the most searched come first.
POPULAR_CANDIDATES = 200


@dataclass(frozen=True)
class Suggestion:
    label: str
    kind: str  # "title", "term" or "query"
    url: str


@dataclass(frozen=True)
class Typed:
    """The typed text as the index sees it: complete words, and the last one as a prefix."""

    words: tuple[str, ...]
    prefix: str
    # Every normalised word, stopwords included: what a suggested text must start with.
    start: str
    # The first word as typed (lower-cased, not folded), for matching the raw search log.
    first_raw: str


def parse(text: str) -> Typed | None:
    text = " ".join(str(text).split())
    if not MIN_LENGTH <= len(text) <= MAX_QUERY_LENGTH:
        return None
    everything = WORD_RE.findall(normalise(text))
    if not everything:
        return None
    tokens = everything[-MAX_WORDS:]
    # The word being typed may still grow into more than a stopword ("der" → "Deradikali…").
    words = tuple(word for word in tokens[:-1] if word not in STOPWORDS)
    raw = WORD_RE.findall(text.lower())
    return Typed(
        words=words,
        prefix=tokens[-1],
        start=" ".join(everything),
        first_raw=raw[0] if raw else everything[0],
    )


def suggest(*, text: str, user) -> list[Suggestion]:
    typed = parse(text)
    if typed is None:
        return []
    found = {
        "title": title_suggestions(typed, user, limit=MAX_SUGGESTIONS),
        "term": term_suggestions(typed, limit=MAX_SUGGESTIONS),
        "query": popular_query_suggestions(typed, limit=MAX_SUGGESTIONS),
    }
    return _allot(found)


def _allot(found: dict[str, list[Suggestion]]) -> list[Suggestion]:
    """Up to ``MAX_SUGGESTIONS``, each kind its share first, then the free places in order;
    the same label only once (the first kind wins)."""
    seen: set[str] = set()
    unique: dict[str, list[Suggestion]] = {}
    for kind, items in found.items():
        unique[kind] = []
        for item in items:
            key = item.label.casefold()
            if kind != "title" and key in seen:
                continue
            seen.add(key)
            unique[kind].append(item)
    taken = {kind: items[: SHARES[kind]] for kind, items in unique.items()}
    free = MAX_SUGGESTIONS - sum(len(items) for items in taken.values())
    for kind, items in unique.items():
        more = items[len(taken[kind]) : len(taken[kind]) + max(free, 0)]
        taken[kind] += more
        free -= len(more)
    return [item for kind in found for item in taken[kind]]


def search_url(text: str) -> str:
    return reverse("search:search") + "?" + urlencode({"q": text})


# --- titles ---------------------------------------------------------------------------------


def title_suggestions(typed: Typed, user, *, limit: int) -> list[Suggestion]:
    """Newest first: documents visible to ``user`` whose title has every typed word and a word
    starting with the last one."""
    engine = _engine()
    conditions: list[str] = []
    params: list = []
    if connection.vendor == "postgresql":
        # Quoted lexemes: nothing typed becomes tsquery syntax (the words are \w+ only).
        lexemes = [f"'{word}'" for word in typed.words] + [f"'{typed.prefix}':*"]
        conditions.append(f"d.{pg_column('title_exact')} @@ to_tsquery('simple', %s)")
        params.append(" & ".join(lexemes))
    else:
        expression = " AND ".join(
            [fts5_phrase(word, ("title_exact",)) for word in typed.words]
            + [fts5_phrase(typed.prefix, ("title_exact",)) + " *"]
        )
        conditions.append(f"d.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)")
        params.append(expression)
    tokens = user_tokens(user)
    if tokens is not None:
        if not tokens:
            return []
        ordered = sorted(tokens)
        conditions.append(
            engine.document_in(
                "search_searchaudience", f"x.token IN ({', '.join(['%s'] * len(ordered))})"
            )
        )
        params.extend(ordered)
    # Only id and date of every match are read (from their index); titles and URLs of the
    # few that are shown come from the rows themselves.
    sql = (
        f"WITH hits AS (SELECT d.id, d.date FROM {engine.documents} "
        f"WHERE {' AND '.join(conditions)} "
        "ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT %s) "
        "SELECT s.title, s.url FROM hits h JOIN search_searchdocument s ON s.id = h.id "
        "ORDER BY h.date DESC NULLS LAST, h.id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        rows = cursor.fetchall()
    return [Suggestion(label=title, kind="title", url=url) for title, url in rows]


# --- taxonomy terms -------------------------------------------------------------------------


def _matches(typed: Typed, text: str) -> bool:
    words = WORD_RE.findall(normalise(text))
    return set(typed.words) <= set(words) and any(w.startswith(typed.prefix) for w in words)


def term_suggestions(typed: Typed, *, limit: int) -> list[Suggestion]:
    """Labels of the filter values (not the content types), those starting with the typed
    text first."""
    labels: dict[str, str] = {}
    for facet, values in facet_labels().items():
        if facet == TYPE_FACET:
            continue
        for label in values.values():
            if _matches(typed, label):
                labels.setdefault(label.casefold(), label)
    ordered = sorted(
        labels.values(),
        key=lambda label: (not _starts_with(typed, label), label.casefold()),
    )
    return [Suggestion(label=label, kind="term", url=search_url(label)) for label in ordered][
        :limit
    ]


def _starts_with(typed: Typed, text: str) -> bool:
    return " ".join(WORD_RE.findall(normalise(text))).startswith(typed.start)


# --- past successful searches ---------------------------------------------------------------


def _spellings(word: str) -> set[str]:
    """How a word may stand in the raw log: as typed, folded, with umlauts, capitalised (the
    database compares non-ASCII letters case-sensitively on SQLite)."""
    folded = normalise(word)
    umlauts = folded.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü").replace("ss", "ß")
    forms = {word, folded, umlauts}
    return forms | {form[:1].upper() + form[1:] for form in forms}


def popular_query_suggestions(typed: Typed, *, limit: int) -> list[Suggestion]:
    since = timezone.now() - timedelta(days=settings.SEARCH_LOG_RETENTION_DAYS)
    # The database narrows by the first word; spellings are merged after normalising.
    rows = (
        SearchLogEntry.objects.filter(member=False, results__gt=0, created_at__gte=since)
        .filter(reduce(or_, (Q(query__istartswith=form) for form in _spellings(typed.first_raw))))
        .values("query")
        .annotate(searches=Count("id"))
        .order_by("-searches", "query")[:POPULAR_CANDIDATES]
    )
    merged: dict[str, tuple[int, str]] = {}
    for row in rows:
        query = " ".join(row["query"].split())
        key = " ".join(WORD_RE.findall(normalise(query)))
        if not key.startswith(typed.start):
            continue
        searches, label = merged.get(key, (0, query))
        # The most searched spelling stands for all of them.
        merged[key] = (searches + row["searches"], label)
    popular = sorted(
        (item for item in merged.values() if item[0] >= POPULAR_MIN_SEARCHES),
        key=lambda item: (-item[0], item[1].casefold()),
    )
    return [Suggestion(label=label, kind="query", url=search_url(label)) for _n, label in popular][
        :limit
    ]
