"""What the user asked for: request parameters, and the query text turned into terms.

A query is a list of *clauses*, all of which must match. A clause offers *alternatives*
(any one may match); an alternative is a list of terms that must all match. A plain word is a
clause with one alternative (the word), plus the parts of the word if it is a compound; a
synonym found in the query is a clause whose alternatives are all the synonyms of its group.
Both backends turn this same structure into their own query, so they match the same
documents.
"""

from dataclasses import dataclass, field

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
    clauses: tuple[Clause, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.clauses

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
        for param, facet in FILTER_PARAMS.items():
            values = [str(v).strip()[:120] for v in data.getlist(param) if str(v).strip()]
            if values:
                params.filters[facet] = list(dict.fromkeys(values))[:MAX_VALUES_PER_FILTER]
        sort = data.get("sort", "relevance")
        params.sort = sort if sort in SORTS else "relevance"
        try:
            params.page = min(max(int(data.get("page", 1)), 1), MAX_PAGE)
        except (TypeError, ValueError):
            params.page = 1
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
        values = {"q": self.q, "sort": self.sort, "page": self.page, **changes}
        if values["q"]:
            data["q"] = values["q"]
        if values["sort"] != "relevance":
            data["sort"] = values["sort"]
        for facet, selected in self.filters.items():
            data.setlist(facet, selected)
        if values["page"] and values["page"] != 1:
            data["page"] = str(values["page"])
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


def parse_query(q: str, synonym_groups: list[list[str]]) -> ParsedQuery:
    tokens = WORD_RE.findall(normalise(q))
    # Each synonym as a word tuple, longest first, so "Agentur für Arbeit" wins over "Arbeit".
    phrases: list[tuple[tuple[str, ...], int]] = []
    for index, group in enumerate(synonym_groups):
        for synonym in group:
            words = tuple(WORD_RE.findall(normalise(synonym)))
            if words:
                phrases.append((words, index))
    phrases.sort(key=lambda item: -len(item[0]))
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
        if word in STOPWORDS:
            continue
        alternative = _word_term(word)
        parts = _parts_alternative(alternative.terms[0])
        clauses.append(Clause((alternative, parts) if parts else (alternative,)))
    # The same clause twice ("Sucht Sucht") asks nothing new.
    return ParsedQuery(tuple(dict.fromkeys(clauses)))
