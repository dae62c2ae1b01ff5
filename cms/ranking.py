"""Reciprocal rank fusion (Cormack, Clarke and Büttcher 2009): rankings merged by rank.

A key scores ``1 / (RRF_K + rank)`` in each ranking that has it. Ranks, not scores, are fused,
so rankings of different kinds (lexical relevance, cosine similarity, shared terms) never need
to be made comparable. The knowledge search fuses its lexical and semantic hits with it, the
related lists their shared-term and by-meaning candidates.
"""

from collections.abc import Sequence

RRF_K = 60


def rrf(rankings: Sequence[Sequence], weights: Sequence[float] | None = None) -> list:
    """The keys of all ``rankings``, best fused rank first (ties: earlier list, earlier rank);
    ``weights``: how much each list's ranks count (1 each by default)."""
    scores: dict = {}
    first_seen: dict = {}
    for list_index, ranking in enumerate(rankings):
        weight = 1.0 if weights is None else weights[list_index]
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + weight / (RRF_K + rank)
            first_seen.setdefault(key, (list_index, rank))
    return sorted(scores, key=lambda key: (-scores[key], first_seen[key]))
