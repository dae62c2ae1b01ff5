"""German text analysis shared by both backends: normalise, split compounds, stem.

Elasticsearch and the database fallback index the *output* of these functions (whitespace
separated terms), so a query finds the same documents in both. Doing the analysis here rather
than in Elasticsearch analyzers is deliberate: the decompounder, the stemmer (Snowball
"german", the algorithm behind Elasticsearch's ``german_stemmer``, through PyStemmer's C build)
and the synonyms then behave identically whichever backend answers.

Three kinds of terms are produced for a word:

* the *exact* form: lower-cased, ä→ae, ö→oe, ü→ue, ß→ss ("Straße" and "Strasse" meet);
* the *stem* of the whole word ("Beratungen" → "berat");
* for a compound, the stems of its parts ("Schuldnerberatung" → "schuldn", "berat").
"""

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from .compounds import split_compound

WORD_RE = re.compile(r"\w+", re.UNICODE)

# Words too common to help a search; the same list is dropped from documents and queries.
STOPWORDS = frozenset(
    [
        "aber",
        "alle",
        "allem",
        "allen",
        "aller",
        "alles",
        "als",
        "also",
        "am",
        "an",
        "ander",
        "andere",
        "anderem",
        "anderen",
        "anderer",
        "anderes",
        "auch",
        "auf",
        "aus",
        "bei",
        "beim",
        "bin",
        "bis",
        "bist",
        "da",
        "damit",
        "dann",
        "das",
        "dass",
        "dem",
        "den",
        "denn",
        "der",
        "des",
        "die",
        "dies",
        "diese",
        "diesem",
        "diesen",
        "dieser",
        "dieses",
        "doch",
        "dort",
        "du",
        "durch",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "er",
        "es",
        "etwas",
        "fuer",
        "gegen",
        "hat",
        "hatte",
        "hier",
        "ich",
        "ihr",
        "ihre",
        "im",
        "in",
        "ins",
        "ist",
        "jede",
        "jedem",
        "jeden",
        "jeder",
        "jedes",
        "kann",
        "mit",
        "nach",
        "noch",
        "nur",
        "ob",
        "oder",
        "ohne",
        "sehr",
        "sein",
        "seine",
        "sich",
        "sie",
        "sind",
        "so",
        "ueber",
        "um",
        "und",
        "uns",
        "unter",
        "vom",
        "von",
        "vor",
        "war",
        "waren",
        "was",
        "weil",
        "wenn",
        "wer",
        "werden",
        "wie",
        "wir",
        "wird",
        "wo",
        "zu",
        "zum",
        "zur",
    ]
)


def _fold(text: str) -> str:
    # str.replace runs in C; str.translate with a dict looks up every character in Python.
    return (
        text.replace("ä", "ae")
        .replace("ö", "oe")
        .replace("ü", "ue")
        .replace("ß", "ss")
        .replace("ẞ", "ss")
    )


def normalise(text: str) -> str:
    """Lower-case, fold umlauts and ß to their two-letter spelling, drop other accents."""
    text = _fold(text.lower())
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


# The C build of Snowball gives the same stems as the pure-Python snowballstemmer some 35 times
# faster. A stemmer keeps state while it works, so each thread (a threaded server) has its own;
# its own cache stays off because ``stem`` caches already.
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    try:
        return _local.stemmer
    except AttributeError:
        _local.stemmer = Stemmer.Stemmer("german", 0)
        return _local.stemmer


@dataclass(frozen=True)
class Term:
    """One query word: its exact form, its stem and (for a compound) the stems of its parts."""

    exact: str
    stem: str
    parts: tuple[str, ...] = ()


@lru_cache(maxsize=50_000)
def analyse_word(word: str) -> Term:
    """``word`` must already be normalised."""
    parts = tuple(stem(part) for part in split_compound(word))
    return Term(exact=word, stem=stem(word), parts=parts if len(parts) > 1 else ())


def words(text: str) -> list[str]:
    """Normalised words of ``text`` without stopwords."""
    # Accents are dropped per word, and only where one is left after the umlaut folding:
    # decomposing whole documents was the slowest step of a rebuild.
    folded = _fold(text.lower())
    found = WORD_RE.findall(folded)
    if not folded.isascii():
        found = [word if word.isascii() else _strip_accents(word) for word in found]
    return [word for word in found if word not in STOPWORDS]


@lru_cache(maxsize=10_000)
def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class IndexTerms:
    exact: str  # one exact form per word, in order
    stems: str  # one stem per word, in order (so word sequences stay phrases)
    parts: str  # stems of the parts of compound words


def index_terms(text: str) -> IndexTerms:
    """What a document field contributes to the index."""
    found = words(text)
    analysed = list(map(_index_word, found))
    return IndexTerms(
        exact=" ".join(found),
        stems=" ".join([stem_ for stem_, _ in analysed]),
        parts=" ".join([extra for _, extra in analysed if extra]),
    )


@lru_cache(maxsize=100_000)
def _index_word(word: str) -> tuple[str, str]:
    """The stem of a word and its compound parts (other than the stem), space-separated."""
    term = analyse_word(word)
    return term.stem, " ".join(part for part in term.parts if part != term.stem)
