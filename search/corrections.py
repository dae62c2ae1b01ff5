"""Typo tolerance: "Meinten Sie …?" corrections of a query from the index vocabulary
(``terms.py``).

A query word that is not in the vocabulary gets the closest vocabulary word as its correction:
an edit distance (Damerau-Levenshtein, as optimal string alignment) of 1 for words of 4 to 7
letters, up to 2 from 8 letters; the same first letter; ties go to the word in more documents.
On Elasticsearch the candidates come from its term suggester, asked in the same request as
the search itself; else from ``SearchTerm``.

The vocabulary knows no audiences, so a correction is only offered when the corrected query
finds a document the user may see (``probe``, through the selector's normal search path).
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from django.db.models import Q

from .analysis import WORD_RE, analyse_word, normalise
from .backends import BackendResult, SearchRequest
from .models import SearchTerm
from .query import Alternative, Clause, ParsedQuery, SearchParams, parse_query
from .terms import MAX_TERM_LENGTH, MIN_TERM_LENGTH

# Corrections are looked for in at most this many words of a query, and among at most this
# many vocabulary rows: the work stays bounded whatever the query and the vocabulary.
MAX_WORDS = 5
MAX_CANDIDATE_ROWS = 500
# A word at least this long that no document contains, one edit away from a word of the
# vocabulary, is taken for a typo of it even where its parts match other documents
# ("Suchberatung": "Beratung" is everywhere).
SURE_TYPO_LENGTH = 8


# --- distances and candidates ------------------------------------------------------------------


def max_distance(word: str) -> int:
    """How far a correction of ``word`` may be from it (0: none is looked for)."""
    if len(word) >= 8:
        return 2
    return 1 if len(word) >= 4 else 0


def edit_distance(a: str, b: str, limit: int) -> int:
    """The optimal string alignment distance of ``a`` and ``b`` (insertions, deletions,
    substitutions and transpositions of neighbours), or ``limit + 1`` once it is larger."""
    # A shared beginning and end change nothing: typos leave a core of a few letters.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a or not b:
        return len(a) or len(b)
    # Only cells within ``limit`` of the diagonal can stay within ``limit``.
    over = limit + 1
    before: list[int] = []
    previous = [j if j <= limit else over for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [i if i <= limit else over] + [over] * len(b)
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            value = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = min(value, over)
        if min(current) > limit:
            return over
        before, previous = previous, current
    return previous[-1]


def _pieces(word: str, parts: int) -> list[str]:
    size, rest = divmod(len(word), parts)
    pieces, start = [], 0
    for index in range(parts):
        end = start + size + (index < rest)
        pieces.append(word[start:end])
        start = end
    return pieces


def _transpositions(word: str) -> list[str]:
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    ]


def _candidate_filter(word: str) -> Q:
    """Vocabulary words that may lie within ``max_distance`` of ``word``, for the index on
    (length, term): a length near the word's, the same first letter, and one of the word's
    ``distance + 1`` pieces intact (each edit spoils at most one of them) or a transposition."""
    distance = max_distance(word)
    first = word[0]
    near = Q()
    for piece in _pieces(word, distance + 1):
        near |= Q(term__contains=piece)
    return Q(
        length__in=range(max(MIN_TERM_LENGTH, len(word) - distance), len(word) + distance + 1),
        term__gte=first,
        term__lt=chr(ord(first) + 1),
        documents__gt=0,
    ) & (near | Q(term__in=_transpositions(word)))


def database_candidates(words: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
    """word → [(vocabulary word, documents)] near it, from ``SearchTerm`` in one query."""
    words = list(words)
    if not words:
        return {}
    condition = Q()
    for word in words:
        condition |= _candidate_filter(word)
    rows = list(
        SearchTerm.objects.filter(condition)
        .order_by("-documents")
        .values_list("term", "documents")[:MAX_CANDIDATE_ROWS]
    )
    return {word: [(term, count) for term, count in rows if term[0] == word[0]] for word in words}


def best_corrections(
    words: list[str], candidates: dict[str, list[tuple[str, int]]] | None = None
) -> dict[str, str]:
    """word → its closest vocabulary word, for the ``words`` that have one.

    ``candidates``: the index words near each word as the search engine answered them along
    with the search (Elasticsearch's term suggester); None: read from ``SearchTerm``.
    """
    if candidates is None:
        candidates = database_candidates(words)
    best = {}
    for word in words:
        limit = max_distance(word)
        ranked = sorted(
            (distance, -documents, term)
            for term, documents in candidates.get(word, [])
            if term != word
            and term[:1] == word[:1]
            and (distance := edit_distance(word, term, limit)) <= limit
        )
        if ranked:
            best[word] = ranked[0][2]
    return best


# --- corrections of a query ------------------------------------------------------------------


@dataclass(frozen=True)
class Correction:
    """``text``: the query with the corrected words, as the user would type it.

    ``applied``: the page shows the results of ``text`` because ``original`` found nothing, or
    only by parts of its words (``original_total`` documents) which are sure typos; otherwise
    ``text`` is only offered. ``querystring``: the search parameters of the link (the original
    without correction when applied, else the corrected query).
    """

    text: str
    original: str
    applied: bool
    querystring: str
    query: ParsedQuery
    original_total: int = 0

    def as_json(self) -> dict:
        return {
            "query": self.text,
            "original": self.original,
            "applied": self.applied,
            "querystring": self.querystring,
        }


def _word_of(alternative: Alternative) -> str:
    """The typed word an alternative stands for ("" for phrases and compound parts)."""
    if alternative.phrase or len(alternative.terms) != 1:
        return ""
    return alternative.terms[0].exact


def typed_words(query: ParsedQuery, synonyms: list[list[str]]) -> list[str]:
    """The words of ``query`` that may get a correction: no synonyms the Redaktion declared,
    no numbers, long enough for an edit."""
    declared = {
        word
        for group in synonyms
        for synonym in group
        for word in WORD_RE.findall(normalise(synonym))
    }
    found = dict.fromkeys(
        word
        for clause in query.clauses
        for alternative in clause.alternatives
        if (word := _word_of(alternative))
    )
    return [
        word
        for word in found
        if max_distance(word) and len(word) <= MAX_TERM_LENGTH and word not in declared
        if not any(char.isdigit() for char in word)
    ][:MAX_WORDS]


def _strict_query(query: ParsedQuery, corrected: dict[str, str]) -> ParsedQuery:
    """``query`` with each corrected word replaced by its correction alone, without the parts
    of either: a document then matches only if it contains the correction itself (or an
    inflection of it), never just its parts, so the probe cannot confirm a word that only
    hidden documents contain."""
    dropped_parts = {frozenset(analyse_word(word).parts) for word in corrected}
    clauses = []
    for clause in query.clauses:
        alternatives: list[Alternative] = []
        for alternative in clause.alternatives:
            word = _word_of(alternative)
            if word in corrected:
                alternatives.append(Alternative((analyse_word(corrected[word]),)))
            elif not (
                all(term.exact == "" for term in alternative.terms)
                and frozenset(term.stem for term in alternative.terms) in dropped_parts
                and any(word in corrected for word in map(_word_of, clause.alternatives))
            ):
                alternatives.append(alternative)
        clauses.append(Clause(tuple(dict.fromkeys(alternatives))))
    return replace(query, clauses=tuple(clauses))


def _surface(term: str, hits) -> str:
    """How the documents write ``term`` ("führerschein" rather than the folded form)."""
    for hit in hits:
        for text in (hit.title, hit.teaser, hit.body):
            for word in WORD_RE.findall(text or ""):
                # Folding only lengthens a word ("ü" → "ue"): skip the others unfolded.
                if len(term) - 3 <= len(word) <= len(term) and normalise(word) == term:
                    return word.lower()
    return term


def _corrected_text(typed: str, spelled: dict[str, str]) -> str:
    """``typed`` with the corrected words replaced, in the case the user typed them."""

    def swap(match: re.Match) -> str:
        word = match.group()
        correction = spelled.get(normalise(word))
        if correction is None:
            return word
        return correction[:1].upper() + correction[1:] if word[:1].isupper() else correction

    return WORD_RE.sub(swap, typed)


def unknown_words(
    params: SearchParams, query: ParsedQuery, synonyms: list[list[str]]
) -> tuple[str, ...]:
    """The typed words of ``query`` that no document contains: those a correction is
    looked for (none when the user asked for the query as typed)."""
    if not params.correct:
        return ()
    words = typed_words(query, synonyms)
    if not words:
        return ()
    known = set(
        SearchTerm.objects.filter(term__in=words, documents__gt=0).values_list("term", flat=True)
    )
    return tuple(word for word in words if word not in known)


def correction_for(
    *,
    params: SearchParams,
    request: SearchRequest,
    synonyms: list[list[str]],
    result: BackendResult,
    probe: Callable[[SearchRequest], BackendResult],
) -> Correction | None:
    """The correction of the query of ``request`` for this user, if there is one to offer.

    ``request.spelling``: the words to correct (``unknown_words``); ``result``: the search's
    answer (how many documents contain the words, and the engine's spelling candidates).
    ``probe(request)``: the first hit and the total of a plain word search, for the user of
    ``request``.
    """
    unknown = list(request.spelling)
    if not unknown:
        return None
    corrected = best_corrections(unknown, result.spelling)
    if not corrected:
        return None
    total = result.word_matches
    # Every word typed is in no document and a sure typo: the compound parts they share with
    # other words may find documents, the words themselves find none.
    sure = len(corrected) == len(unknown) == len(typed_words(request.query, synonyms)) and all(
        len(word) >= SURE_TYPO_LENGTH and edit_distance(word, term, 1) <= 1
        for word, term in corrected.items()
    )
    check = probe(
        replace(
            request,
            query=_strict_query(request.query, corrected),
            page=1,
            page_size=1,
            spelling=(),
        )
    )
    # Counted for this user: a word that only hidden documents contain finds nothing here and
    # is never offered; next to results, a correction must also find more of them, unless the
    # words typed are sure typos.
    if check.total == 0 or (check.total <= total and not sure):
        return None
    spelled = {word: _surface(term, check.hits) for word, term in corrected.items()}
    text = _corrected_text(params.q, spelled)
    if text == params.q:
        return None
    applied = (total == 0 and len(corrected) == len(unknown)) or sure
    return Correction(
        text=text,
        original=params.q,
        applied=applied,
        querystring=(
            params.querystring(page=1, correct=False)
            if applied
            else params.querystring(q=text, page=1)
        ),
        query=parse_query(text, synonyms),
        original_total=total,
    )
