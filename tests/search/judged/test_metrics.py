"""The ranking measures against examples computed by hand."""

import math

import pytest

from .metrics import (
    KindScore,
    Outcome,
    dcg,
    format_lowest,
    format_misses,
    format_table,
    hit_at_k,
    missed_aims,
    ndcg_at_k,
    score_by_kind,
)

JUDGED = {"A": 2, "B": 1, "C": 1}


def test_dcg_discounts_by_the_log_of_the_rank():
    # 2/log2(2) + 0/log2(3) + 1/log2(4) = 2 + 0 + 0.5
    assert dcg([2, 0, 1]) == pytest.approx(2.5)


def test_ndcg_of_the_ideal_ranking_is_one():
    assert ndcg_at_k(["A", "B", "C", "X"], JUDGED) == pytest.approx(1.0)


def test_ndcg_by_hand():
    # DCG of X, A, C: 0 + 2/log2(3) + 1/log2(4) = 1.26186 + 0.5
    # ideal A, B, C:  2 + 1/log2(3) + 1/log2(4) = 2 + 0.63093 + 0.5
    expected = (2 / math.log2(3) + 0.5) / (2 + 1 / math.log2(3) + 0.5)
    assert ndcg_at_k(["X", "A", "C"], JUDGED) == pytest.approx(expected)
    assert expected == pytest.approx(0.56273, abs=1e-5)


def test_ndcg_only_counts_the_first_k_results():
    ranking = [f"X{i}" for i in range(10)] + ["A"]
    assert ndcg_at_k(ranking, JUDGED, k=10) == 0.0
    # At k=1 the ideal is A alone (gain 2); B in first place earns 1.
    assert ndcg_at_k(["B", "A"], JUDGED, k=1) == pytest.approx(0.5)


def test_ndcg_needs_a_relevant_document():
    with pytest.raises(ValueError):
        ndcg_at_k(["A"], {"A": 0})


def test_hit_at_3_needs_a_relevant_result_among_the_first_three():
    assert hit_at_k(["X", "Y", "C"], JUDGED, 3)
    assert not hit_at_k(["X", "Y", "Z", "A"], JUDGED, 3)
    assert not hit_at_k([], JUDGED, 3)


def test_scores_are_averaged_per_kind():
    outcomes = [
        Outcome("q1", "everyday", ("A", "B", "C"), JUDGED),  # hit, nDCG 1
        Outcome("q2", "everyday", ("X", "Y", "Z", "A"), JUDGED),  # miss, nDCG 2/log2(5)/ideal
        Outcome("q3", "exact", ("B",), {"B": 2}),  # hit, nDCG 1
    ]
    scores = score_by_kind(outcomes)
    ideal = 2 + 1 / math.log2(3) + 0.5
    assert list(scores) == ["everyday", "exact"]
    assert scores["everyday"].n == 2
    assert scores["everyday"].hits_at_3 == 0.5
    assert scores["everyday"].ndcg_at_10 == pytest.approx((1 + (2 / math.log2(5)) / ideal) / 2)
    assert (scores["exact"].hits_at_3, scores["exact"].ndcg_at_10) == (1.0, 1.0)
    assert format_misses(outcomes) == "[everyday] 'q2' -> X; Y; Z"


def test_the_table_has_one_labelled_row_per_entry():
    scores = score_by_kind([Outcome("q", "exact", ("A",), {"A": 2})])
    table = format_table({**scores, "exact, lexical only": scores["exact"]})
    assert table.splitlines()[1:] == [
        "exact                      1   1.000    1.000",
        "exact, lexical only        1   1.000    1.000",
    ]


def kind_scores(**rows: tuple[float, float]) -> dict[str, KindScore]:
    return {kind: KindScore(kind, 10, hits, ndcg) for kind, (hits, ndcg) in rows.items()}


AIMS = {"everyday": 0.9, "typo": 0.9}


def test_aims_are_met_at_the_minimum_and_with_equal_exact_scores():
    hybrid = kind_scores(everyday=(0.9, 0.5), typo=(1.0, 0.5), exact=(1.0, 0.8))
    lexical = kind_scores(everyday=(0.2, 0.1), typo=(0.3, 0.2), exact=(1.0, 0.8))
    assert missed_aims(hybrid, lexical, AIMS) == []


def test_aims_missed_below_the_minimum_hits():
    hybrid = kind_scores(everyday=(0.88, 0.9), typo=(0.9, 0.9), exact=(1.0, 0.8))
    lexical = kind_scores(everyday=(0.2, 0.1), typo=(0.3, 0.2), exact=(1.0, 0.8))
    assert missed_aims(hybrid, lexical, AIMS) == ["everyday: hits@3 0.880 < 0.90"]


def test_aims_missed_when_the_hybrid_search_loses_on_exact_queries():
    lexical = kind_scores(everyday=(0.2, 0.1), typo=(0.3, 0.2), exact=(1.0, 0.8))
    worse_ranking = kind_scores(everyday=(1.0, 1.0), typo=(1.0, 1.0), exact=(1.0, 0.79))
    fewer_hits = kind_scores(everyday=(1.0, 1.0), typo=(1.0, 1.0), exact=(0.9, 0.9))
    assert [m.split(":")[0] for m in missed_aims(worse_ranking, lexical, AIMS)] == ["exact"]
    assert [m.split(":")[0] for m in missed_aims(fewer_hits, lexical, AIMS)] == ["exact"]


def test_lowest_ndcg_first():
    outcomes = [
        Outcome("good", "everyday", ("A", "B", "C"), JUDGED),
        Outcome("bad", "typo", ("X", "C"), JUDGED),
    ]
    assert format_lowest(outcomes, count=1) == "0.20 [typo] 'bad' -> X; C"
