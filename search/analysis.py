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


# Verb forms that Snowball leaves whole where it stems the infinitive: the third person and
# the past in -t ("kifft", "raucht", "kiffte": "kifft" against "kiffen" → "kiff") and the
# participle ("gekifft"). Only words written in lower case count, so the nouns in -t that a
# text writes with a capital ("Sucht", "Macht") keep their own stem alone.
_CONSONANTS = frozenset("bcdfghjklmnpqrsvwxz")


def verb_stems(stem: str) -> tuple[str, ...]:
    """The stems an infinitive of ``stem`` would have, if ``stem`` is a verb form in -t after
    a consonant ("kifft" → "kiff"; "gekifft" → "gekiff", "kiff"); else none."""
    if len(stem) < 4 or stem[-1] != "t" or stem[-2] not in _CONSONANTS:
        return ()
    found = (stem[:-1],)
    if stem.startswith("ge") and len(stem) >= 7:
        found += (stem[2:-1],)
    return found


@lru_cache(maxsize=50_000)
def _verb_stems_of(word: str) -> tuple[str, ...]:
    """``verb_stems`` of a normalised word ending in -t or -te."""
    return () if word in STOPWORDS else verb_stems(stem(word))


def written_verb_stems(word: str) -> tuple[str, ...]:
    """``verb_stems`` of a word as a text writes it: only in lower case, ending in -t or -te."""
    return _as_indexed(word)[1]


@lru_cache(maxsize=100_000)
def _as_indexed(written: str) -> tuple[str, tuple[str, ...]]:
    """A word as a text writes it: its normalised form, and ``verb_stems`` if it is written
    in lower case and ends in -t or -te."""
    word = normalise(written)
    if written[:1].islower() and word.endswith(("t", "te")):
        return word, _verb_stems_of(word)
    return word, ()


@dataclass(frozen=True)
class IndexTerms:
    exact: str  # one exact form per word, in order
    stems: str  # one stem per word, in order (so word sequences stay phrases)
    parts: str  # stems of the parts of compound words and of infinitives of verb forms


def index_terms(text: str) -> IndexTerms:
    """What a document field contributes to the index."""
    # The words as written: the case tells a verb form ("sucht") from a noun ("Sucht").
    written = list(map(_as_indexed, WORD_RE.findall(text)))
    found = [word for word, _ in written if word not in STOPWORDS]
    analysed = list(map(_index_word, found))
    verbs = [stem_ for _, stems in written if stems for stem_ in stems]
    return IndexTerms(
        exact=" ".join(found),
        stems=" ".join([stem_ for stem_, _ in analysed]),
        parts=" ".join([extra for _, extra in analysed if extra] + verbs),
    )


@lru_cache(maxsize=100_000)
def _index_word(word: str) -> tuple[str, str]:
    """The stem of a word and its compound parts (other than the stem), space-separated."""
    term = analyse_word(word)
    return term.stem, " ".join(part for part in term.parts if part != term.stem)
