"""The German analysis: PyStemmer's stems, and the compound word list loaded once at start-up."""

import runpy

import pytest
import Stemmer
from snowballstemmer.german_stemmer import GermanStemmer

from search import analysis, compounds

from .helpers import api


def _noun_sample(step: int = 40) -> list[str]:
    path = compounds._german_nouns_file()
    lines = path.read_text(encoding="utf-8").splitlines()[::step]
    return [line.split("\t", 1)[0] for line in lines]


def test_stems_are_the_snowball_german_stems():
    # The pure-Python implementation itself: ``snowballstemmer.stemmer()`` hands out
    # PyStemmer's stemmer whenever PyStemmer is installed.
    reference = GermanStemmer()
    words = [
        *_noun_sample(),
        "Beratungen",
        "beraten",
        "Schuldnerberatungsstellen",
        "Häusern",
        "Straße",
        "größeren",
        "Arbeitslosigkeit",
        "Jugendlichen",
        "qualifizierende",
        "Ältere",
    ]
    normalised = [analysis.normalise(word) for word in words]

    stems = [analysis.stem(word) for word in normalised]

    assert len(normalised) > 6000
    assert stems == [reference.stemWord(word) for word in normalised]
    assert analysis.stem("beratungen") == "berat"
    # The C build answers, not the pure-Python reference.
    assert isinstance(analysis._stemmer(), Stemmer.Stemmer)


def test_verb_forms_in_t_written_in_lower_case_add_the_stem_of_their_infinitive():
    text = "Wer kifft, raucht und kiffte, hat gekifft. Die Sucht wächst, der Lotse sucht Arbeit."

    parts = analysis.index_terms(text).parts.split()

    assert analysis.stem("kiffen") == "kiff"
    assert parts.count("kiff") == 3  # kifft, kiffte, gekifft
    assert "rauch" in parts and analysis.stem("rauchen") == "rauch"
    # One "such" for the verb; the noun with a capital adds nothing.
    assert parts.count("such") == 1
    # Words in -t after a vowel or with a short stem stay as they are, even in lower case.
    assert analysis.index_terms("arbeit zeit amt gut bereit").parts == ""


def test_the_word_list_holds_every_noun_as_a_line_by_line_reading_gives_it():
    path = compounds._german_nouns_file()
    expected = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word = line.split("\t", 1)[0]
            if len(word) >= compounds.MIN_PART and word.isalpha():
                expected.add(analysis.normalise(word))

    assert compounds._nouns(path) == expected
    assert {"beratung", "schuldner", "fuehrerschein", "strasse"} <= compounds.word_list()


@pytest.fixture
def fresh_word_list():
    """A process that has not loaded the word list yet."""
    compounds.word_list.cache_clear()
    compounds.split_compound.cache_clear()
    analysis.analyse_word.cache_clear()
    yield
    compounds.split_compound.cache_clear()
    analysis.analyse_word.cache_clear()


@pytest.mark.django_db
def test_the_wsgi_application_loads_the_word_list_before_the_first_search(
    client, settings, fresh_word_list
):
    settings.ELASTICSEARCH_URL = ""
    assert compounds.word_list.cache_info().currsize == 0

    runpy.run_module("cms.wsgi")  # what a server does at start-up
    loaded = compounds.word_list.cache_info()
    api(client, q="Wohnungslosenhilfeträger")
    after_search = compounds.word_list.cache_info()

    assert loaded.currsize == 1
    assert after_search.misses == loaded.misses  # the search did not load it again
    assert after_search.hits > loaded.hits  # but did use it
    assert compounds.split_compound("wohnungslosenhilfetraeger")[-1] == "traeger"
