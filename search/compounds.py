"""Splitting German compounds with a word list, the same way at index and at query time.

The word list is the project's own domain vocabulary (``vocabulary.py`` and the taxonomy
names of the practice library) plus the ~270,000 noun forms of the ``german-nouns`` package
(Wiktionary, CC BY-SA 4.0). A word is split when it can be covered completely by two or
more listed words, optionally joined by a linking element ("Fugenelement": Beruf-s-agentur);
among several coverings the one with the fewest parts wins. "Suchtberatung" becomes
["sucht", "beratung"], "Jugendberufsagentur" ["jugend", "berufs", "agentur"]. A word that
cannot be covered completely still gives its longest listed head ("…beratung"), because in
German the head of a compound carries its meaning.
"""

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from .vocabulary import DOMAIN_WORDS, SHORT_WORDS

MIN_PART = 4  # parts of the general word list; SHORT_WORDS may be shorter
MIN_SPLIT_LENGTH = 7
MIN_HEAD = 6  # of a head found without a complete split
LINKING_ELEMENTS = ("s", "es", "n", "en", "e", "er", "ens")
# Nouns that are mostly participle endings ("Teilnehm-ende"), never the head of a compound.
NO_HEADS = frozenset({"ende", "enden", "ender", "endes"})


def _normalise(word: str) -> str:
    from .analysis import normalise

    return normalise(word)


def _german_nouns_file() -> Path | None:
    # The package has no __init__.py (a namespace package), so look for its folder.
    spec = importlib.util.find_spec("german_nouns")
    if spec is None or not spec.submodule_search_locations:
        return None  # pragma: no cover - a declared dependency; the domain words still split
    for location in spec.submodule_search_locations:
        path = Path(location) / "index.txt"
        if path.is_file():
            return path
    return None


# The first column of each line of the noun file (word, tab, row number).
_FIRST_COLUMN = re.compile(r"^[^\t\n]+", re.MULTILINE)


def _nouns(path: Path) -> set[str]:
    """The nouns of ``path``, normalised.

    A fresh server process pays for this before its first search, so the per-word work stays
    in C: one read, one regular expression, folding the umlauts of all words in one string;
    only the few words with other accents go through ``normalise`` one by one.
    """
    from .analysis import _fold

    listed = [
        word
        for word in _FIRST_COLUMN.findall(path.read_text(encoding="utf-8"))
        if len(word) >= MIN_PART and word.isalpha()
    ]
    words = set(_fold("\n".join(listed).lower()).split("\n"))
    accented = [word for word in words if not word.isascii()]
    words.difference_update(accented)
    words.update(_normalise(word) for word in accented)
    return words


@lru_cache(maxsize=1)
def word_list() -> frozenset[str]:
    """Every word the splitter knows. Loaded once per process; a production server loads it
    at start-up (``cms/wsgi.py``), before its workers are forked, so that they share it."""
    path = _german_nouns_file()
    words = _nouns(path) if path is not None else set()
    words.update(_normalise(word) for word in DOMAIN_WORDS)
    words.update(_normalise(word) for word in SHORT_WORDS)
    words.update(_taxonomy_words())
    return frozenset(words)


def _taxonomy_words() -> set[str]:
    from .analysis import WORD_RE
    from .registry import vocabulary

    found: set[str] = set()
    for name in vocabulary():
        found.update(w for w in WORD_RE.findall(_normalise(name)) if len(w) >= MIN_PART)
    return found


@lru_cache(maxsize=50_000)
def split_compound(word: str) -> tuple[str, ...]:
    """Parts of the normalised ``word``; ``(word,)`` when it is no compound we know."""
    if len(word) < MIN_SPLIT_LENGTH or not word.isalpha():
        return (word,)
    known = word_list()
    best = _cover(word, known, 0, {})
    if best and len(best) > 1 and best[-1] not in NO_HEADS:
        return tuple(best)
    head = _longest_head(word, known)
    return (word[: len(word) - len(head)], head) if head else (word,)


def _is_part(candidate: str, known: frozenset[str]) -> bool:
    return candidate in known and (len(candidate) >= MIN_PART or candidate in SHORT_WORDS)


def _cover(word: str, known: frozenset[str], start: int, memo: dict) -> list[str] | None:
    """Fewest listed words (with linking elements between them) covering ``word[start:]``."""
    if start in memo:
        return memo[start]
    best: list[str] | None = None
    for end in range(len(word), start + 2, -1):
        part = word[start:end]
        if not _is_part(part, known):
            continue
        if end == len(word) and start == 0:
            continue  # the word itself is listed, yet it may still be a compound
        if end == len(word):
            candidate = [part]
        else:
            candidate = None
            for link in ("", *LINKING_ELEMENTS):
                if not word.startswith(link, end):
                    continue
                rest = _cover(word, known, end + len(link), memo)
                if rest is not None and _better([part, *rest], candidate):
                    candidate = [part, *rest]
        if candidate is not None and _better(candidate, best):
            best = candidate
    memo[start] = best
    return best


def _better(parts: list[str], other: list[str] | None) -> bool:
    """Fewer parts win; among equally many, the longer head (the last part)."""
    if other is None:
        return True
    return (len(parts), -len(parts[-1])) < (len(other), -len(other[-1]))


def _longest_head(word: str, known: frozenset[str]) -> str:
    # Only a long head after a real prefix: short tails of plain words are mostly noise.
    for start in range(MIN_PART, len(word) - MIN_HEAD + 1):
        head = word[start:]
        if _is_part(head, known) and head not in NO_HEADS:
            return head
    return ""
