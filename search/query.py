"""What the user asked for: request parameters, and the query text turned into terms.

A query is a list of *clauses*, all of which must match. A clause offers *alternatives*
(any one may match); an alternative is a list of terms that must all match. A plain word is a
clause with one alternative (the word), plus the parts of the word if it is a compound; a
synonym found in the query is a clause whose alternatives are all the synonyms of its group.
Both backends turn this same structure into their own query, so they match the same
documents.

The syntax people know from web search engines:

* ``"Kooperation mit der Suchthilfe"``: the words in this order (a phrase alternative on the
  stems, like a multi-word synonym; stopwords between them are not indexed, so they do not
  count). Straight and German quotation marks („…“, “…”) both work. A quoted single word is
  that word, without its synonyms. A quotation mark without a partner is ignored.
* ``Sucht OR Schulden`` (or ``ODER``, upper case only): the operands on either side become
  the alternatives of one clause, so ``a b OR c d`` means a AND (b OR c) AND d. An ``OR``
  without an operand on both sides is ignored; lower-case "or"/"oder" are words.
* ``-Sucht`` / ``-"Sucht und Schulden"``: a minus at the start of a token excludes the
  documents that the word (without synonyms or the parts of a compound) or the phrase would
  find. A hyphen inside a word ("Peer-Mentoring") is part of the word.

Everything else a user types is text: the backends quote every term, so the syntax of FTS5,
tsquery or Elasticsearch never reaches an engine.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from .analysis import STOPWORDS, WORD_RE, Term, analyse_word, normalise

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FILTER = 30
MAX_PAGE = 1000
PAGE_SIZE = 10
SORTS = ("relevance", "newest")

# Request parameter → facet name (the same words; kept explicit for the API's docs).
FILTER_PARAMS = {
    "type": "type",
    "bundesland": "bundesland",
    "topic": "topic",
    "target_group": "target_group",
    "partner_type": "partner_type",
    "phase": "phase",
    "status": "status",
}


@dataclass(frozen=True)
class Alternative:
    terms: tuple[Term, ...]
    # The terms must follow each other (a multi-word synonym such as "ALG II").
    phrase: bool = False


@dataclass(frozen=True)
class Clause:
    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class ParsedQuery:
    """``clauses`` must all match (with ``minimum_clauses``: at least that many, and a
    document ranks higher the more it matches); a document that matches any of ``excluded``
    is dropped.

    ``is_empty`` means "no positive clauses": nothing to rank by, so the hits are listed
    newest first. That holds for a query of exclusions only ("-Sucht") too, which lists every
    visible document except the excluded ones; ``matches_all`` says whether the text narrows
    the documents at all. Only positive terms are scored and highlighted.
    """

    clauses: tuple[Clause, ...] = ()
    excluded: tuple[Clause, ...] = ()
    minimum_clauses: int = 0
    # Written with quotes or OR: the words are meant exactly as typed, so never relaxed.
    exact_syntax: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def relaxed(self) -> "ParsedQuery | None":
        """The query matching documents that contain all of its words but one, for a search
        that found none with all of them; None where that would find nothing more (one
        clause). One word less, not any word: a query's common words ("Arbeit", "Leute")
        alone would rank documents above those close to it in meaning."""
        if self.minimum_clauses or self.exact_syntax or len(self.clauses) < 2:
            return None
        return replace(self, minimum_clauses=len(self.clauses) - 1)

    @property
    def matches_all(self) -> bool:
        return not self.clauses and not self.excluded

    def all_terms(self) -> list[Term]:
        seen: dict[tuple[str, str], Term] = {}
        for clause in self.clauses:
            for alternative in clause.alternatives:
                for term in alternative.terms:
                    seen.setdefault((term.exact, term.stem), term)
        return list(seen.values())

    def highlight_stems(self) -> set[str]:
        return {term.stem for term in self.all_terms()}


@dataclass
class SearchParams:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    notices: list[str] = field(default_factory=list)
    # "korrektur=0": search for the words as typed, without "Meinten Sie …?" corrections.
    correct: bool = True

    @classmethod
    def from_querydict(cls, data) -> "SearchParams":
        params = cls()
        q = " ".join(str(data.get("q", "")).split())
        if len(q) > MAX_QUERY_LENGTH:
            params.notices.append(
                _("Please shorten your search to at most %(max)d characters.")
                % {"max": MAX_QUERY_LENGTH}
            )
            cut = q.rfind(" ", 0, MAX_QUERY_LENGTH + 1)
            q = q[: cut if cut > 0 else MAX_QUERY_LENGTH]
        params.q = q
        from .registry import facet_names

        # Facets registered by the content apps are parameters of the same name.
        params_to_facets = FILTER_PARAMS | {name: name for name in facet_names()}
        for param, facet in params_to_facets.items():
            values = [str(v).strip()[:120] for v in data.getlist(param) if str(v).strip()]
            if values:
                params.filters[facet] = list(dict.fromkeys(values))[:MAX_VALUES_PER_FILTER]
        sort = data.get("sort", "relevance")
        params.sort = sort if sort in SORTS else "relevance"
        try:
            params.page = min(max(int(data.get("page", 1)), 1), MAX_PAGE)
        except (TypeError, ValueError):
            params.page = 1
        params.correct = data.get("korrektur") != "0"
        return params

    def drop_unknown_values(self, labels: dict[str, dict[str, str]]) -> None:
        """Unknown filter values are ignored rather than matching nothing."""
        for facet, values in list(self.filters.items()):
            known = [value for value in values if value in labels.get(facet, {})]
            if len(known) != len(values):
                self.notices.append(_("Filters that do not exist were ignored."))
            if known:
                self.filters[facet] = known
            else:
                del self.filters[facet]

    def querystring(self, **changes) -> str:
        from django.http import QueryDict

        data = QueryDict(mutable=True)
        values = {"q": self.q, "sort": self.sort, "page": self.page, "correct": self.correct}
        values.update(changes)
        if values["q"]:
            data["q"] = values["q"]
        if values["sort"] != "relevance":
            data["sort"] = values["sort"]
        for facet, selected in self.filters.items():
            data.setlist(facet, selected)
        if values["page"] and values["page"] != 1:
            data["page"] = str(values["page"])
        if not values["correct"]:
            data["korrektur"] = "0"
        return data.urlencode()


def _word_term(word: str) -> Alternative:
    return Alternative((analyse_word(word),))


def _parts_alternative(term: Term) -> Alternative | None:
    if not term.parts:
        return None
    return Alternative(tuple(Term(exact="", stem=part) for part in dict.fromkeys(term.parts)))


def _phrase_alternative(phrase_words: tuple[str, ...]) -> Alternative | None:
    terms = tuple(analyse_word(w) for w in phrase_words if w not in STOPWORDS)
    return Alternative(terms, phrase=len(terms) > 1) if terms else None


# --- the syntax: quotes, OR, minus ------------------------------------------------------------

QUOTES = '"„“”'
OR_WORDS = frozenset({"OR", "ODER"})


@dataclass(frozen=True)
class _Piece:
    """A stretch of the raw query: ``words`` (typed text), ``phrase`` (quoted) or ``or``."""

    kind: str
    text: str = ""
    excluded: bool = False


# Markers between the clauses of a query while OR is resolved: an ``OR``, and something that
# is no operand of one (an exclusion).
_OR = object()
_BREAK = object()


def _pieces(q: str) -> list[_Piece]:
    """Split the raw query on whitespace, quotes, ``OR`` and leading minus signs.

    Works on the text as typed: ``OR`` counts in upper case only, which normalising loses.
    """
    pieces: list[_Piece] = []
    position, length = 0, len(q)
    while position < length:
        if q[position].isspace():
            position += 1
            continue
        excluded = (
            q[position] == "-"
            and position + 1 < length
            and not q[position + 1].isspace()
            and (position == 0 or q[position - 1].isspace())
        )
        if excluded:
            position += 1
        if q[position] in QUOTES:
            close = next((i for i in range(position + 1, length) if q[i] in QUOTES), None)
            if close is not None:
                pieces.append(_Piece("phrase", q[position + 1 : close], excluded))
                position = close + 1
                continue
            position += 1  # without a partner the quotation mark is no syntax
        end = position
        while end < length and not q[end].isspace() and q[end] not in QUOTES:
            end += 1
        text = q[position:end]
        if text in OR_WORDS and not excluded:
            pieces.append(_Piece("or"))
        elif text:
            pieces.append(_Piece("words", text, excluded))
        position = end
    return pieces


def _synonym_phrases(synonym_groups: list[list[str]]) -> list[tuple[tuple[str, ...], int]]:
    # Each synonym as a word tuple, longest first, so "Agentur für Arbeit" wins over "Arbeit".
    phrases: list[tuple[tuple[str, ...], int]] = []
    for index, group in enumerate(synonym_groups):
        for synonym in group:
            words = tuple(WORD_RE.findall(normalise(synonym)))
            if words:
                phrases.append((words, index))
    phrases.sort(key=lambda item: -len(item[0]))
    return phrases


def _word_clause(word: str) -> Clause:
    alternative = _word_term(word)
    parts = _parts_alternative(alternative.terms[0])
    return Clause((alternative, parts) if parts else (alternative,))


def _typed_clauses(
    tokens: list[str], phrases: list[tuple[tuple[str, ...], int]], synonym_groups
) -> list[Clause]:
    """Clauses of words typed one after another: synonyms (also of several words), or words."""
    clauses: list[Clause] = []
    position = 0
    while position < len(tokens):
        match = next(
            (
                (words, index)
                for words, index in phrases
                if tuple(tokens[position : position + len(words)]) == words
            ),
            None,
        )
        if match is not None:
            words, index = match
            alternatives = []
            for synonym in synonym_groups[index]:
                alternative = _phrase_alternative(tuple(WORD_RE.findall(normalise(synonym))))
                if alternative is not None and alternative not in alternatives:
                    alternatives.append(alternative)
            if alternatives:
                clauses.append(Clause(tuple(alternatives)))
            position += len(words)
            continue
        word = tokens[position]
        position += 1
        if word not in STOPWORDS:
            clauses.append(_word_clause(word))
    return clauses


def _quoted_clause(text: str) -> Clause | None:
    words = [word for word in WORD_RE.findall(normalise(text)) if word not in STOPWORDS]
    if len(words) == 1:
        return _word_clause(words[0])
    alternative = _phrase_alternative(tuple(words))
    return Clause((alternative,)) if alternative is not None else None


def _excluded_clause(piece: _Piece) -> Clause | None:
    # A hyphenated token ("-Peer-Mentoring") excludes its words as written, in this order.
    alternative = _phrase_alternative(tuple(WORD_RE.findall(normalise(piece.text))))
    return Clause((alternative,)) if alternative is not None else None


def _resolve_or(items: list) -> tuple[list[Clause], bool]:
    """Join the clauses on either side of each ``OR`` into one clause with both alternatives;
    and whether any ``OR`` joined two (one without an operand on each side is ignored)."""
    clauses: list[Clause] = []
    joined = False
    after_operand = joining = False
    for item in items:
        if item is _OR:
            joining, after_operand = after_operand, False
        elif item is _BREAK:
            joining = after_operand = False
        else:
            if joining:
                alternatives = clauses[-1].alternatives + item.alternatives
                clauses[-1] = Clause(tuple(dict.fromkeys(alternatives)))
                joined = True
            else:
                clauses.append(item)
            joining, after_operand = False, True
    return clauses, joined


def parse_query(q: str, synonym_groups: list[list[str]]) -> ParsedQuery:
    phrases = _synonym_phrases(synonym_groups)
    items: list = []
    excluded: list[Clause] = []
    typed: list[str] = []
    exact_syntax = False

    def flush_typed() -> None:
        items.extend(_typed_clauses(typed, phrases, synonym_groups))
        typed.clear()

    for piece in _pieces(q):
        if piece.kind == "words" and not piece.excluded:
            typed.extend(WORD_RE.findall(normalise(piece.text)))
            continue
        # Synonyms are not looked for across a quote, an OR or an exclusion.
        flush_typed()
        if piece.kind == "or":
            items.append(_OR)
        elif piece.excluded:
            clause = _excluded_clause(piece)
            if clause is not None:
                excluded.append(clause)
            items.append(_BREAK)
        else:
            clause = _quoted_clause(piece.text)
            if clause is not None:
                items.append(clause)
                exact_syntax = True
    flush_typed()
    clauses, joined = _resolve_or(items)
    # The same clause twice ("Sucht Sucht") asks nothing new.
    return ParsedQuery(
        tuple(dict.fromkeys(clauses)),
        excluded=tuple(dict.fromkeys(excluded)),
        exact_syntax=exact_syntax or joined,
    )


def meaning_text(q: str) -> str:
    """What a query asks for, without its syntax (quotes, ``OR``, exclusions): the text the
    search by meaning embeds, so that "Schulden -Sucht" does not look for Sucht."""
    return " ".join(piece.text for piece in _pieces(q) if piece.kind != "or" and not piece.excluded)
