"""Hybrid retrieval: the lexical ranking and the nearest documents by meaning, fused.

Reciprocal rank fusion (``cms.ranking.rrf``, shared with the related lists): a document scores
``1 / (RRF_K + rank)`` in each list that has it. Ranks, not scores, are fused, so the lexical
relevance and the cosine similarity never need to be made comparable. Elasticsearch's own
RRF needs a paid licence; both backends therefore hand their two lists to this module.

Only the top of the lexical ranking takes part (the hits up to the requested page plus the
semantic list's length), so the work follows the page asked for, not the number of matches.
A semantic neighbour that is a lexical hit below that window keeps only its semantic rank.

Kinds of content registered with a ``run_limit`` (offers: the same service in many towns)
never fill more than that many places in a row while other kinds follow (``spread``).
"""

from dataclasses import dataclass

from cms.ranking import rrf

from . import registry
from .backends import BackendResult, HybridResult, SearchRequest, relaxed_request

# How many documents the semantic half contributes.
SEMANTIC_K = 20
# What the ranks of documents with only some of the query's words count beside those by meaning.
PARTIAL_WORDS_WEIGHT = 0.3
# Elasticsearch answers at most this many hits of one search (index.max_result_window).
MAX_WINDOW = 10_000


@dataclass
class Fused:
    keys: list
    similar: set  # keys found by meaning only


def window_for(request: SearchRequest) -> int:
    return min(request.page * request.page_size + SEMANTIC_K, MAX_WINDOW)


def hybrid_result(backend, request: SearchRequest, vector, *, min_similarity: float, margin: float):
    """The page of a hybrid search as a ``BackendResult``; hits found only by meaning are
    marked ``similar``."""
    found: HybridResult = backend.hybrid(
        request,
        vector,
        window=window_for(request),
        k=SEMANTIC_K,
        min_similarity=min_similarity,
    )
    lexical = set(found.lexical)
    if found.semantic:
        best = max(score for _key, score, _facets in found.semantic)
        # Beside documents that contain the words, only the very closest by meaning are
        # worth adding: half the margin. Documents with some of the words are no such reason.
        all_words = found.total and not found.relaxed
        extra_margin = margin / 2 if all_words else margin
        found.semantic = [
            (key, score, facets)
            for key, score, facets in found.semantic
            if score >= best - (margin if key in lexical else extra_margin)
        ]
    extra = [key for key, _score, _facets in found.semantic if key not in lexical]
    if extra and found.total > len(found.lexical):
        # Lexical hits beyond the window are no extra documents, only unranked ones.
        matching = (
            backend.matching(relaxed_request(request) if found.relaxed else request, extra)
            if found.semantic_matching is None
            else found.semantic_matching
        )
        extra = [key for key in extra if key not in matching]
    total = found.total + len(extra)
    facet_counts = {facet: dict(counts) for facet, counts in found.facet_counts.items()}
    new = set(extra)
    for key, _score, facets in found.semantic:
        if key in new:
            for facet, values in facets.items():
                counts = facet_counts.setdefault(facet, {})
                for value in dict.fromkeys(values):
                    counts[value] = counts.get(value, 0) + 1
    types = dict(found.types)
    for key, _score, facets in found.semantic:
        types.setdefault(key, (facets.get(registry.TYPE_FACET) or [""])[0])
    rankings = [found.lexical, [key for key, _score, _facets in found.semantic]]
    weights = None
    if found.relaxed:
        # Documents with only some of the words: meaning goes first, the words only help.
        rankings.reverse()
        weights = [1.0, PARTIAL_WORDS_WEIGHT]
    fused = spread(
        rrf(rankings, weights),
        types,
        registry.run_limits(),
    )
    pages = max(1, -(-total // request.page_size))
    page = min(request.page, pages)
    start = (page - 1) * request.page_size
    keys = fused[start : start + request.page_size]
    documents = found.documents
    missing = [key for key in keys if key not in documents]
    if missing:
        documents = {**documents, **backend.load(missing)}
    hits = []
    for key in keys:
        hit = documents.get(key)
        if hit is not None:
            hit.similar = key in new
            hits.append(hit)
    return BackendResult(
        total=total,
        page=page,
        hits=hits,
        facet_counts=facet_counts,
        lexical_total=found.total,
        spelling=found.spelling,
        relaxed=found.relaxed,
    )


def spread(keys: list, types: dict, limits: dict[str, int]) -> list:
    """``keys`` in their order, except that no more than ``limits[type]`` keys of one type
    follow each other while keys of another type come later: the next of those moves up."""
    if not limits:
        return keys
    spread_keys: list = []
    waiting = list(keys)
    run_type, run_length = None, 0
    while waiting:
        crowded = run_type in limits and run_length >= limits[run_type]
        index = 0
        if crowded:
            index = next((i for i, key in enumerate(waiting) if types.get(key) != run_type), -1)
            if index < 0:
                # Only documents of the crowded type are left.
                return spread_keys + waiting
        key = waiting.pop(index)
        key_type = types.get(key)
        run_length = run_length + 1 if key_type == run_type else 1
        run_type = key_type
        spread_keys.append(key)
    return spread_keys
