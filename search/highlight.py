"""Snippets with the matched words in ``<mark>``; everything else is escaped.

Both backends highlight here, from the stored text and with the same analysis as the
query, so a word is marked exactly when it made the document match ("Beratung" marks
"Suchtberatung"), and no markup of the content can ever reach the page unescaped.
"""

from functools import lru_cache

from django.utils.html import escape

from .analysis import STOPWORDS, WORD_RE, analyse_word, normalise, written_verb_stems

FRAGMENT_LENGTH = 240
LEAD = 60


@lru_cache(maxsize=50_000)
def _terms_of(raw_word: str) -> tuple[str, tuple[str, ...]] | None:
    """Stem and compound parts of a word as it appears in a text (cached: every result page
    analyses a few hundred words, mostly the same ones)."""
    word = normalise(raw_word)
    if not word or word in STOPWORDS:
        return None
    term = analyse_word(word)
    # A verb form in -t is marked for its infinitive too, as it was indexed.
    return term.stem, term.parts + written_verb_stems(raw_word)


def _matches(text: str, stems: set[str]) -> list[tuple[int, int]]:
    spans = []
    for match in WORD_RE.finditer(text):
        terms = _terms_of(match.group())
        if terms is not None and (terms[0] in stems or not stems.isdisjoint(terms[1])):
            spans.append(match.span())
    return spans


def _shorten(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > length // 2 else length] + " …"


def highlight(text: str, stems: set[str]) -> str:
    """An HTML fragment of ``text`` around its best-matching passage."""
    text = " ".join(text.split())
    spans = _matches(text, stems) if stems else []
    if not spans:
        return escape(_shorten(text, FRAGMENT_LENGTH))
    # The window that holds the most matches, starting a little before one of them.
    best_start, best_count = 0, -1
    for span_start, _span_end in spans:
        start = max(0, span_start - LEAD)
        count = sum(1 for s, e in spans if s >= start and e <= start + FRAGMENT_LENGTH)
        if count > best_count:
            best_start, best_count = start, count
    if best_start > 0:
        # Start at a word boundary, never past the first match of the window.
        first = next(s for s, _e in spans if s >= best_start)
        space = text.find(" ", best_start, first)
        if space != -1:
            best_start = space + 1
    end = min(len(text), best_start + FRAGMENT_LENGTH)
    if end < len(text):
        space = text.rfind(" ", best_start, end)
        end = space if space > best_start + FRAGMENT_LENGTH // 2 else end
    parts = ["… " if best_start > 0 else ""]
    cursor = best_start
    for span_start, span_end in spans:
        if span_start < best_start or span_end > end:
            continue
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append(" …")
    return "".join(parts)
