"""Ranking measures for the judged queries: hits@k and graded nDCG@k, per kind of query.

nDCG uses the linear gain of Järvelin and Kekäläinen: the result at rank ``r`` (from 1)
contributes ``grade / log2(r + 1)``; the ideal ranking is the judged grades sorted from the
highest, cut at ``k``. Unjudged results have grade 0.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


def dcg(grades: Sequence[int]) -> float:
    return sum(grade / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))


def ndcg_at_k(ranking: Sequence[str], judgements: Mapping[str, int], k: int = 10) -> float:
    ideal = dcg(sorted((g for g in judgements.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        raise ValueError("a judged query needs at least one relevant document")
    return dcg([judgements.get(title, 0) for title in ranking[:k]]) / ideal


def hit_at_k(ranking: Sequence[str], judgements: Mapping[str, int], k: int = 3) -> bool:
    return any(judgements.get(title, 0) > 0 for title in ranking[:k])


@dataclass(frozen=True)
class Outcome:
    """One query as the search answered it."""

    q: str
    kind: str
    ranking: tuple[str, ...]
    judgements: Mapping[str, int]

    @property
    def hit_at_3(self) -> bool:
        return hit_at_k(self.ranking, self.judgements, 3)

    @property
    def ndcg_at_10(self) -> float:
        return ndcg_at_k(self.ranking, self.judgements, 10)


@dataclass(frozen=True)
class KindScore:
    kind: str
    n: int
    hits_at_3: float
    ndcg_at_10: float


def score_by_kind(outcomes: Sequence[Outcome]) -> dict[str, KindScore]:
    """Mean hits@3 and nDCG@10 per kind, in the order the kinds first appear."""
    by_kind: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_kind.setdefault(outcome.kind, []).append(outcome)
    return {
        kind: KindScore(
            kind=kind,
            n=len(group),
            hits_at_3=sum(o.hit_at_3 for o in group) / len(group),
            ndcg_at_10=sum(o.ndcg_at_10 for o in group) / len(group),
        )
        for kind, group in by_kind.items()
    }


def format_table(scores: Mapping[str, KindScore]) -> str:
    """One row per entry, labelled with its key (a kind, or a kind and the variant measured)."""
    lines = [f"{'kind':<24} {'n':>3} {'hits@3':>7} {'nDCG@10':>8}"]
    lines += [
        f"{label:<24} {s.n:>3} {s.hits_at_3:>7.3f} {s.ndcg_at_10:>8.3f}"
        for label, s in scores.items()
    ]
    return "\n".join(lines)


def format_misses(outcomes: Sequence[Outcome]) -> str:
    """The queries without a relevant result in the top 3, with what came instead."""
    lines = []
    for outcome in outcomes:
        if outcome.hit_at_3:
            continue
        top = "; ".join(outcome.ranking[:3]) or "(no results)"
        lines.append(f"[{outcome.kind}] {outcome.q!r} -> {top}")
    return "\n".join(lines)


def format_lowest(outcomes: Sequence[Outcome], count: int = 8) -> str:
    """The queries with the lowest nDCG@10, with their first three results."""
    lowest = sorted(outcomes, key=lambda outcome: outcome.ndcg_at_10)[:count]
    return "\n".join(
        f"{o.ndcg_at_10:.2f} [{o.kind}] {o.q!r} -> {'; '.join(o.ranking[:3]) or '(no results)'}"
        for o in lowest
    )


def missed_aims(
    hybrid: Mapping[str, KindScore],
    lexical: Mapping[str, KindScore],
    min_hits_at_3: Mapping[str, float],
) -> list[str]:
    """The aims the search misses: a minimum hits@3 per kind, and no loss of the hybrid search
    against the lexical search alone on the exact queries."""
    missed = [
        f"{kind}: hits@3 {hybrid[kind].hits_at_3:.3f} < {aim:.2f}"
        for kind, aim in min_hits_at_3.items()
        if hybrid[kind].hits_at_3 < aim
    ]
    mixed, alone = hybrid["exact"], lexical["exact"]
    if mixed.hits_at_3 < alone.hits_at_3 or mixed.ndcg_at_10 < alone.ndcg_at_10:
        missed.append(
            f"exact: hybrid (hits@3 {mixed.hits_at_3:.3f}, nDCG@10 {mixed.ndcg_at_10:.3f}) "
            f"loses against lexical only (hits@3 {alone.hits_at_3:.3f}, "
            f"nDCG@10 {alone.ndcg_at_10:.3f})"
        )
    return missed
