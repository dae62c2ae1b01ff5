"""The judged corpus and queries hold together: every judgement names a practice of the corpus,
every taxonomy value exists, and each kind of query has enough members to measure."""

from collections import Counter

from cms.regions import BUNDESLAENDER
from practices.reference import TERMS, term_slug

from .corpus import CORPUS
from .queries import QUERIES

TITLES = {practice["title"] for practice in CORPUS}


def slugs(model_name: str) -> set[str]:
    return {term_slug(name) for name in TERMS[model_name]}


def test_practices_are_distinct_and_described_at_length():
    assert len(CORPUS) >= 45
    assert len(TITLES) == len(CORPUS)
    for practice in CORPUS:
        assert 60 <= len(practice["text"].split()) <= 150, practice["title"]
        assert practice["teaser"].strip(), practice["title"]


def test_practices_use_existing_taxonomy_values():
    codes = {code for code, _name in BUNDESLAENDER}
    for practice in CORPUS:
        assert set(practice["topics"]) <= slugs("Topic"), practice["title"]
        assert set(practice["target_groups"]) <= slugs("TargetGroup"), practice["title"]
        assert set(practice["partner_types"]) <= slugs("PartnerType"), practice["title"]
        assert set(practice.get("phases", ())) <= slugs("ProcessPhase"), practice["title"]
        assert practice["status"] in slugs("PracticeStatus"), practice["title"]
        assert set(practice["bundeslaender"]) <= codes, practice["title"]


def test_queries_are_judged_against_the_corpus():
    kinds = Counter(query["kind"] for query in QUERIES)
    assert kinds["everyday"] >= 35 and kinds["typo"] >= 10 and kinds["exact"] >= 10
    assert set(kinds) == {"everyday", "typo", "exact"}
    assert len({query["q"] for query in QUERIES}) == len(QUERIES)
    for query in QUERIES:
        assert query["relevant"], query["q"]
        assert set(query["relevant"]) <= TITLES, query["q"]
        assert set(query["relevant"].values()) <= {1, 2}, query["q"]
        assert 2 in query["relevant"].values(), query["q"]
